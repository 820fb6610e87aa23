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

/** Every topic of `items`, most used first, then alphabetical: the order of the popup's topic chips. */
export function queueTopics(items: readonly { topics: readonly string[] }[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const t of item.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return byUse(counts);
}

const byUse = (counts: Map<string, number>) =>
  [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);

/**
 * queueTopics of the whole cached queue (expired items left out), read from the topics and expiry indexes
 * alone: no row is loaded, so it stays cheap with 10,000 items.
 */
export async function cachedQueueTopics(db: RelayDb, now: number): Promise<string[]> {
  const expired = new Set<string>();
  await db.queue.orderBy('expiresAt').eachKey((expiresAt, cursor) => {
    if (Date.parse(String(expiresAt)) <= now) expired.add(String(cursor.primaryKey));
  });
  const counts = new Map<string, number>();
  await db.queue.orderBy('topics').eachKey((topic, cursor) => {
    if (!expired.has(String(cursor.primaryKey))) counts.set(String(topic), (counts.get(String(topic)) ?? 0) + 1);
  });
  return byUse(counts);
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
  /**
   * cachedQueueTopics when written: the popup's chips are all there in its first frame, so nothing moves
   * when the whole list arrives.
   */
  allTopics: string[];
}

export const HEAD_SNAPSHOT_VERSION = 2;

/** What the popup's first frame shows of the queue. */
export interface QueueHead {
  rows: QueueRow[];
  /** Every topic of the whole queue, in chip order. */
  allTopics: string[];
}

/** One spelling for a set of topics: lower case, sorted, without repeats. */
export function topicsKey(topics: readonly string[]): string {
  return JSON.stringify([...new Set(topics.map((t) => t.toLowerCase()))].sort());
}

/**
 * The snapshot's rows still shown at `now` (expired ones left out) and its topics, or null when it cannot
 * stand for the head: none written, another shape, or chosen by other topics than the person's current ones.
 */
export function headFromSnapshot(snapshot: QueueHeadSnapshot | null | undefined, topics: readonly string[], now: number): QueueHead | null {
  if (!snapshot || snapshot.version !== HEAD_SNAPSHOT_VERSION || !Array.isArray(snapshot.rows)) return null;
  if (!Array.isArray(snapshot.allTopics) || snapshot.topics !== topicsKey(topics)) return null;
  return { rows: snapshot.rows.filter(headFilter(topics, now)), allTopics: snapshot.allTopics };
}
