import type { Network } from '../contract/common';
import type { Caption } from '../contract/items';
import type { QueueItem } from '../contract/queue';

/** What the ranking needs to know about the employee. Everything optional: no preference, no effect. */
export interface RankPreferences {
  /** Seeds the caption rotation, so colleagues do not all see the same first caption. */
  employeeId: string;
  /** BCP 47 tag (e.g. "ca", "es-ES"); captions whose language matches come first within an item. */
  language?: string | null;
  /** The employee's topics; items with one of them come before others. Empty: no preference. */
  topics?: readonly string[];
  /** Ids of items this employee already shared on this network: ranked last. */
  shared?: ReadonlySet<string>;
  /** Items that expired before this time (ms) are left out. */
  now?: number;
}

/** The fields of a queue item ranking reads (a cached QueueRow has them all). */
export type RankableItem = Pick<QueueItem, 'id' | 'pinned' | 'publishAt' | 'expiresAt' | 'topics' | 'captions'>;

export interface RankedCaption<T extends RankableItem = RankableItem> {
  item: T;
  caption: Caption;
  /** Already shared by this employee on this network. */
  shared: boolean;
  /** 0 for an item's best caption, 1 for its second, … */
  variant: number;
}

/** FNV-1a, 32 bits: tiny, deterministic, spreads similar inputs well enough for a rotation. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function languageMatches(tag: string, preferred: string): boolean {
  const a = tag.toLowerCase();
  const b = preferred.toLowerCase();
  // "es" prefers "es-ES" captions too, and "es-ES" prefers plain "es" ones.
  return a === b || a.split('-')[0] === b.split('-')[0];
}

function rotate<T>(list: T[], by: number): T[] {
  if (list.length < 2) return list;
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/**
 * An item's captions for `network`, best first: the preferred language first (others kept, after), and
 * within each language group a rotation seeded by (employee, item). Colleagues thus start from different
 * variants of the same item, while one person always sees the same order (stable between page loads).
 */
export function orderCaptions(
  item: Pick<RankableItem, 'id' | 'captions'>,
  network: Network,
  prefs: Pick<RankPreferences, 'employeeId' | 'language'>,
): Caption[] {
  const mine = item.captions
    .filter((c) => c.network === network)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const offset = hash32(`${prefs.employeeId}\u0000${item.id}`);
  const preferred = prefs.language ? mine.filter((c) => languageMatches(c.language, prefs.language!)) : [];
  const others = prefs.language ? mine.filter((c) => !languageMatches(c.language, prefs.language!)) : mine;
  return [...rotate(preferred, offset), ...rotate(others, offset)];
}

/**
 * Items with captions for `network`, best first:
 *   1. not yet shared by this employee on this network, before already shared;
 *   2. pinned before not pinned;
 *   3. with one of the employee's topics before without (when the employee chose topics);
 *   4. newest publishAt first;
 *   5. item id, so the order is total and the same everywhere.
 * Expired items are left out.
 */
export function rankItems<T extends RankableItem>(items: readonly T[], network: Network, prefs: RankPreferences): T[] {
  const now = prefs.now ?? Date.now();
  const topics = new Set((prefs.topics ?? []).map((t) => t.toLowerCase()));
  const shared = prefs.shared ?? new Set<string>();
  const keyed = items
    .filter((item) => item.captions.some((c) => c.network === network))
    .filter((item) => !item.expiresAt || Date.parse(item.expiresAt) > now)
    .map((item) => ({
      item,
      key: [
        shared.has(item.id) ? 1 : 0,
        item.pinned ? 0 : 1,
        topics.size === 0 || item.topics.some((t) => topics.has(t.toLowerCase())) ? 0 : 1,
        -Date.parse(item.publishAt),
      ],
    }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = a.key[i]! - b.key[i]!;
      if (d !== 0) return d;
    }
    return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
  });
  return keyed.map((k) => k.item);
}

/**
 * Every caption for `network`, one entry each, best first. Each item's best caption comes before any
 * item's second-best (a panel showing the top few offers several items, not five variants of one);
 * already-shared items come after all the others, whatever their variant.
 */
export function rankCaptions<T extends RankableItem>(
  items: readonly T[],
  network: Network,
  prefs: RankPreferences,
): RankedCaption<T>[] {
  const shared = prefs.shared ?? new Set<string>();
  const ranked = rankItems(items, network, prefs);
  const entries = ranked.flatMap((item, itemRank) =>
    orderCaptions(item, network, prefs).map((caption, variant) => ({
      entry: { item, caption, shared: shared.has(item.id), variant },
      key: [shared.has(item.id) ? 1 : 0, variant, itemRank],
    })),
  );
  entries.sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!);
  return entries.map((e) => e.entry);
}
