import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AdminItem, ItemCreate, ItemPatch } from '../../lib/contract/items';
import { fromIso, type Clock } from '../clock';
import { nextChangeSeq } from '../db/change-sequence';
import type { DB } from '../db/schema';
import { problems } from '../http/problem';
import { captionsByItem, toAdminItem, type ItemRow } from './rows';

type NewItem = z.output<typeof ItemCreate>;
type ItemChanges = z.output<typeof ItemPatch>;
type CaptionValues = NewItem['captions'];

/**
 * Items and their captions. Every write takes the next change sequence number into `version`,
 * which is what queue deltas and ETags are built on; `onChange` (after each commit) lets caches
 * (redirect targets, the queue version) drop what they hold.
 */
export class ItemRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
    private readonly onChange: (itemId: string) => void = () => {},
    /** Throws (a 422 problem) when captions break the policy; runs before anything is written. */
    private readonly checkCaptions: (captions: CaptionValues) => Promise<void> = async () => {},
  ) {}

  async create(input: NewItem): Promise<AdminItem> {
    await this.checkCaptions(input.captions);
    const at = this.now();
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const version = await nextChangeSeq(trx);
      await trx
        .insertInto('items')
        .values({
          id,
          url: input.url,
          title: input.title,
          summary: input.summary ?? null,
          image_url: input.imageUrl ?? null,
          topics: JSON.stringify(unique(input.topics ?? [])),
          content_type: input.contentType ?? 'curated',
          campaign: input.campaign ?? null,
          pinned: input.pinned ? 1 : 0,
          publish_at: input.publishAt ? fromIso(input.publishAt) : at,
          expires_at: input.expiresAt ? fromIso(input.expiresAt) : null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
          version,
        })
        .execute();
      await replaceCaptions(trx, id, input.captions);
    });
    this.onChange(id);
    return (await this.get(id))!;
  }

  async get(id: string): Promise<AdminItem | null> {
    const row = await this.db
      .selectFrom('items')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const captions = await captionsByItem(this.db, [id]);
    return toAdminItem(row, captions.get(id) ?? []);
  }

  /** Every live item, scheduled and expired included, newest first. */
  async list(): Promise<AdminItem[]> {
    const rows = await this.db
      .selectFrom('items')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const captions = await captionsByItem(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAdminItem(r, captions.get(r.id) ?? []));
  }

  /** Applies a PATCH; null when there is no such (live) item. `publishAt: null` means "publish now". */
  async patch(id: string, changes: ItemChanges): Promise<AdminItem | null> {
    if (changes.captions) await this.checkCaptions(changes.captions);
    const at = this.now();
    const found = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('items')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row) return false;
      const next = applyChanges(row, changes, at);
      if (next.expires_at !== null && next.expires_at <= next.publish_at) {
        throw problems.invalidBody(
          [{ path: 'expiresAt', message: 'expiresAt must be later than publishAt' }],
          'expiresAt must be later than publishAt (counting the values already stored)',
        );
      }
      const version = await nextChangeSeq(trx);
      await trx
        .updateTable('items')
        .set({ ...next, updated_at: at, version })
        .where('id', '=', id)
        .execute();
      if (changes.captions) await replaceCaptions(trx, id, changes.captions);
      return true;
    });
    if (!found) return null;
    this.onChange(id);
    return this.get(id);
  }

  /** Soft delete: the row stays for tracked links, shares and analytics; queues see it removed. */
  async delete(id: string): Promise<boolean> {
    const at = this.now();
    const deleted = await this.db.transaction().execute(async (trx) => {
      const live = await trx
        .selectFrom('items')
        .select('id')
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!live) return false;
      const version = await nextChangeSeq(trx);
      await trx.updateTable('items').set({ deleted_at: at, updated_at: at, version }).where('id', '=', id).execute();
      return true;
    });
    if (deleted) this.onChange(id);
    return deleted;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function applyChanges(row: ItemRow, c: ItemChanges, at: number) {
  return {
    url: c.url ?? row.url,
    title: c.title ?? row.title,
    summary: c.summary === undefined ? row.summary : c.summary,
    image_url: c.imageUrl === undefined ? row.image_url : c.imageUrl,
    topics: c.topics === undefined ? row.topics : JSON.stringify(unique(c.topics)),
    content_type: c.contentType ?? row.content_type,
    campaign: c.campaign === undefined ? row.campaign : c.campaign,
    pinned: c.pinned === undefined ? row.pinned : c.pinned ? 1 : 0,
    publish_at: c.publishAt === undefined ? row.publish_at : c.publishAt === null ? at : fromIso(c.publishAt),
    expires_at: c.expiresAt === undefined ? row.expires_at : c.expiresAt === null ? null : fromIso(c.expiresAt),
  };
}

/**
 * Replaces an item's caption set. A caption sent again unchanged keeps its id, so shares that
 * recorded which caption they used still point at it after an unrelated edit.
 */
async function replaceCaptions(trx: Transaction<DB>, itemId: string, captions: CaptionValues): Promise<void> {
  const existing = await trx
    .selectFrom('captions')
    .select(['id', 'network', 'text', 'language'])
    .where('item_id', '=', itemId)
    .execute();
  const reusable = new Map<string, string[]>();
  for (const c of existing) {
    const key = captionKey(c.network, c.text, c.language);
    reusable.set(key, [...(reusable.get(key) ?? []), c.id]);
  }
  await trx.deleteFrom('captions').where('item_id', '=', itemId).execute();
  const rows = captions.map((c, position) => ({
    id: reusable.get(captionKey(c.network, c.text, c.language))?.shift() ?? uuidv7(),
    item_id: itemId,
    network: c.network,
    text: c.text,
    language: c.language,
    position,
  }));
  if (rows.length) await trx.insertInto('captions').values(rows).execute();
}

const captionKey = (network: string, text: string, language: string) => `${network}\u0000${language}\u0000${text}`;

const unique = (values: string[]) => [...new Set(values)];
