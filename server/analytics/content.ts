import type { Kysely } from 'kysely';
import type { ContentTypeFigures, NetworkFigures, Ranking, TopicFigures, TopItems } from '../../lib/contract/analytics';
import { contentTypes, networks, type ContentType } from '../../lib/contract/common';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { tallyBy, topBy } from './figures';
import type { Range } from './range';

const period = (range: Range) => ({ from: toIso(range.from), to: toIso(range.to) });
const zero = () => ({ shares: 0, clicks: 0, reach: 0 });

export async function networkFigures(db: Kysely<DB>, range: Range): Promise<NetworkFigures> {
  const tally = await tallyBy(db, range, 'network');
  return { ...period(range), networks: networks.map((network) => ({ network, ...zero(), ...tally.get(network) })) };
}

export async function topItems(
  db: Kysely<DB>,
  range: Range,
  options: { by: Ranking; limit: number },
): Promise<TopItems> {
  const top = await topBy(db, range, 'item_id', options.by, options.limit);
  // Deleted items keep their title here: their shares happened.
  const rows = top.length
    ? await db
        .selectFrom('items')
        .select(['id', 'title', 'url'])
        .where(
          'id',
          'in',
          top.map((r) => r.key),
        )
        .execute()
    : [];
  const item = new Map(rows.map((r) => [r.id, r]));
  return {
    ...period(range),
    by: options.by,
    items: top.map((r) => ({
      itemId: r.key,
      title: item.get(r.key)?.title ?? '',
      url: item.get(r.key)?.url ?? '',
      shares: r.shares,
      clicks: r.clicks,
      reach: r.reach,
    })),
  };
}

/**
 * Per-item figures folded by a property of the item. Items are few (curated content), so reading their
 * topics and types once is cheaper and more portable than unnesting JSON arrays in SQL.
 */
async function foldItems<K>(
  db: Kysely<DB>,
  range: Range,
  keysOf: (item: { topics: string; content_type: ContentType }) => K[],
) {
  const tally = await tallyBy(db, range, 'item_id');
  const folded = new Map<K, ReturnType<typeof zero>>();
  if (tally.size === 0) return folded;
  const items = await db.selectFrom('items').select(['id', 'topics', 'content_type']).execute();
  for (const item of items) {
    const t = tally.get(item.id);
    if (!t) continue;
    for (const key of keysOf(item)) {
      const f = folded.get(key) ?? zero();
      f.shares += t.shares;
      f.clicks += t.clicks;
      f.reach += t.reach;
      folded.set(key, f);
    }
  }
  return folded;
}

function topicsOf(json: string): (string | null)[] {
  try {
    const topics = JSON.parse(json) as unknown;
    if (Array.isArray(topics) && topics.length)
      return [...new Set(topics.filter((t): t is string => typeof t === 'string'))];
  } catch {
    // A malformed list counts as no topic rather than failing the report.
  }
  return [null];
}

export async function topicFigures(db: Kysely<DB>, range: Range): Promise<TopicFigures> {
  const folded = await foldItems(db, range, (item) => topicsOf(item.topics));
  const topics = [...folded]
    .map(([topic, f]) => ({ topic, ...f }))
    .sort(
      (a, b) =>
        b.shares - a.shares ||
        b.clicks - a.clicks ||
        b.reach - a.reach ||
        String(a.topic ?? '\uffff').localeCompare(String(b.topic ?? '\uffff')),
    );
  return { ...period(range), topics };
}

export async function contentTypeFigures(db: Kysely<DB>, range: Range): Promise<ContentTypeFigures> {
  const folded = await foldItems(db, range, (item) => [item.content_type]);
  return {
    ...period(range),
    contentTypes: contentTypes.map((contentType) => ({ contentType, ...zero(), ...folded.get(contentType) })),
  };
}
