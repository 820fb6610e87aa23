import type { QueueRow, RelayDb } from '@/lib/db';

/**
 * The first `limit` items the popup would show — pinned and newest first, not expired, with one of
 * `topics` when any are given — read through the sort index, so it costs the same with 10 or 10,000 cached
 * items. The popup paints these first, while the whole list (for search and chips) is still loading.
 */
export function queueHead(db: RelayDb, limit: number, topics: readonly string[] = [], now = Date.now()): Promise<QueueRow[]> {
  const wanted = new Set(topics.map((t) => t.toLowerCase()));
  return db.queue
    .orderBy('[pinnedRank+publishMs]')
    .reverse()
    .filter((r) => (!r.expiresAt || Date.parse(r.expiresAt) > now) && (wanted.size === 0 || r.topics.some((t) => wanted.has(t))))
    .limit(limit)
    .toArray();
}
