import type { QueueRow, RelayDb } from './index';

/*
 * The queue's head: the first screenful the popup shows, before (and without) loading Dexie or the whole
 * list. Kept free of Dexie at run time (types only), since the popup's first paint imports it.
 */

/** Cards rendered at first and added per step as the popup's list scrolls. */
export const PAGE_SIZE = 15;

/**
 * lib/db's database and its "pinned first, newest first" index, as IndexedDB itself names them (spelled
 * out so the popup can read them without Dexie; head.test.ts checks they still match lib/db).
 */
export const QUEUE_DB_NAME = 'relay';
export const QUEUE_ORDER_INDEX = '[pinnedRank+publishMs]';

/** The rows the popup shows before any filter of the person's own: not expired, with one of `topics` if any. */
export function headFilter(topics: readonly string[], now: number): (row: QueueRow) => boolean {
  const wanted = new Set(topics.map((t) => t.toLowerCase()));
  return (r) => (!r.expiresAt || Date.parse(r.expiresAt) > now) && (wanted.size === 0 || r.topics.some((t) => wanted.has(t)));
}

/**
 * The first `limit` items the popup would show — pinned and newest first, not expired, with one of
 * `topics` when any are given — read through the sort index, so it costs the same with 10 or 10,000 cached
 * items.
 */
export function queueHead(db: RelayDb, limit: number, topics: readonly string[] = [], now = Date.now()): Promise<QueueRow[]> {
  return db.queue.orderBy(QUEUE_ORDER_INDEX).reverse().filter(headFilter(topics, now)).limit(limit).toArray();
}

/**
 * The head as the background last wrote it to extension storage, so that the popup's first screen comes
 * with its settings in one storage read instead of opening IndexedDB (measured: 15–25 ms more).
 */
export interface QueueHeadSnapshot {
  /** HEAD_SNAPSHOT_VERSION when written: a snapshot in another shape is not used. */
  version: number;
  /** The topics its rows were chosen by, as topicsKey() spells them. */
  topics: string;
  /** queueHead(db, PAGE_SIZE, topics) when written. */
  rows: QueueRow[];
}

export const HEAD_SNAPSHOT_VERSION = 1;

/** One spelling for a set of topics: lower case, sorted, without repeats. */
export function topicsKey(topics: readonly string[]): string {
  return JSON.stringify([...new Set(topics.map((t) => t.toLowerCase()))].sort());
}

/**
 * The snapshot's rows still shown at `now` (expired ones left out), or null when it cannot stand for the
 * head: none written, another shape, or chosen by other topics than the person's current ones.
 */
export function headFromSnapshot(snapshot: QueueHeadSnapshot | null | undefined, topics: readonly string[], now: number): QueueRow[] | null {
  if (!snapshot || snapshot.version !== HEAD_SNAPSHOT_VERSION || !Array.isArray(snapshot.rows)) return null;
  if (snapshot.topics !== topicsKey(topics)) return null;
  return snapshot.rows.filter(headFilter(topics, now));
}
