import { Dexie, type Table } from 'dexie';
import type { QueueItem } from '../contract/queue';

/**
 * A queue item as cached: the contract's QueueItem unchanged, plus two derived keys, because IndexedDB
 * cannot index booleans and ISO strings with different offsets do not sort by time.
 * Sorting "pinned first, newest first" is `orderBy('[pinnedRank+publishMs]').reverse()`.
 */
export interface QueueRow extends QueueItem {
  pinnedRank: 0 | 1;
  publishMs: number;
}

export function toQueueRow(item: QueueItem): QueueRow {
  return { ...item, pinnedRank: item.pinned ? 1 : 0, publishMs: Date.parse(item.publishAt) };
}

/** Small key/value facts about the cache. */
export interface MetaRow {
  key: MetaKey;
  value: string;
}
/**
 * - `etag`, `cursor`: what the last good /v1/queue answer gave us (sent back as If-None-Match / ?since=).
 * - `session`: a random id written when someone connects; a sync that started under another session
 *   must not write (see lib/sync).
 */
export type MetaKey = 'etag' | 'cursor' | 'session';

export const DB_NAME = 'relay';

/**
 * Relay's IndexedDB. Only the background worker writes to it; pages read it (liveQuery).
 *
 * Schema history — never edit a shipped version, add a new one:
 *   v1  queue (the curated queue), meta (etag, cursor, session)
 * Later issues add e.g. `history` (shares made, by time) and `outbox` (shares waiting for the server)
 * with `this.version(2).stores({ history: ..., outbox: ... })`; Dexie keeps v1's tables as they are.
 */
export class RelayDb extends Dexie {
  queue!: Table<QueueRow, string>;
  meta!: Table<MetaRow, MetaKey>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      queue: 'id, [pinnedRank+publishMs], publishMs, *topics, expiresAt, updatedAt',
      meta: 'key',
    });
  }

  async getMeta(key: MetaKey): Promise<string | undefined> {
    return (await this.meta.get(key))?.value;
  }

  /**
   * Empty the cache for a new account (or none): queue, etag, cursor, all in one transaction, and mark the
   * new session so a sync still running for the previous one cannot write into it.
   */
  async resetCache(session: string | null): Promise<void> {
    await this.transaction('rw', this.queue, this.meta, async () => {
      await this.queue.clear();
      await this.meta.clear();
      if (session) await this.meta.put({ key: 'session', value: session });
    });
  }
}

let shared: RelayDb | undefined;

/** The extension's database, opened on first use (nothing happens at import time). */
export function getDb(): RelayDb {
  return (shared ??= new RelayDb());
}

/** Items to show: not expired at `now`, pinned first, then newest first. */
export async function listQueue(db: RelayDb, now = Date.now()): Promise<QueueRow[]> {
  const rows = await db.queue.orderBy('[pinnedRank+publishMs]').reverse().toArray();
  return rows.filter((r) => !r.expiresAt || Date.parse(r.expiresAt) > now);
}
