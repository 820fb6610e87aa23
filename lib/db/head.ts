import type { QueueRow, RelayDb } from './index';
import { DB_NAME, QUEUE_ORDER_INDEX } from './names';

/*
 * The queue's head: the first screenful the popup shows, before (and without) loading Dexie or the whole
 * list. The background writes a snapshot of it to extension storage (createQueueHeadWriter); the popup reads
 * that, or the database directly without Dexie (openQueueDb, readQueueHead). Kept free of Dexie at run time
 * (types only), since the popup's first paint imports it.
 */

/** Cards rendered at first and added per step as the popup's list scrolls. */
export const PAGE_SIZE = 15;

/** The rows the popup shows before any filter of the person's own: not expired, with one of `topics` if any. */
export function headFilter(topics: readonly string[], now: number): (row: QueueRow) => boolean {
  const wanted = new Set(topics.map((t) => t.toLowerCase()));
  return (r) =>
    (!r.expiresAt || Date.parse(r.expiresAt) > now) && (wanted.size === 0 || r.topics.some((t) => wanted.has(t)));
}

/**
 * The first `limit` items the popup would show — pinned and newest first, not expired, with one of
 * `topics` when any are given — read through the sort index, so it costs the same with 10 or 10,000 cached
 * items.
 */
export function queueHead(
  db: RelayDb,
  limit: number,
  topics: readonly string[] = [],
  now = Date.now(),
): Promise<QueueRow[]> {
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
export function headFromSnapshot(
  snapshot: QueueHeadSnapshot | null | undefined,
  topics: readonly string[],
  now: number,
): QueueHead | null {
  if (!snapshot || snapshot.version !== HEAD_SNAPSHOT_VERSION || !Array.isArray(snapshot.rows)) return null;
  if (!Array.isArray(snapshot.allTopics) || snapshot.topics !== topicsKey(topics)) return null;
  return { rows: snapshot.rows.filter(headFilter(topics, now)), allTopics: snapshot.allTopics };
}

export interface QueueHeadWriterDeps {
  db: () => RelayDb;
  getTopics: () => Promise<string[]>;
  /** The snapshot stored now. */
  load: () => Promise<QueueHeadSnapshot | null>;
  save: (snapshot: QueueHeadSnapshot) => Promise<void>;
  now?: () => number;
}

/**
 * Keeps the snapshot equal to the cache: `refresh()` after every change to the cached queue or to the chosen
 * topics. Refreshes run one after another, each reading the cache as it is when it starts, so the last one
 * written is always the newest state. A snapshot equal to the stored one is not written again: every write is
 * broadcast to each page and content script that listens to storage, and the worker refreshes each time it starts.
 */
export function createQueueHeadWriter(deps: QueueHeadWriterDeps): { refresh(): Promise<void> } {
  const now = deps.now ?? (() => Date.now());
  let last: Promise<void> = Promise.resolve();
  async function write() {
    const topics = await deps.getTopics();
    const at = now();
    const rows = await queueHead(deps.db(), PAGE_SIZE, topics, at);
    const allTopics = await cachedQueueTopics(deps.db(), at);
    const next: QueueHeadSnapshot = { version: HEAD_SNAPSHOT_VERSION, topics: topicsKey(topics), rows, allTopics };
    if (JSON.stringify(await deps.load()) === JSON.stringify(next)) return;
    await deps.save(next);
  }
  return {
    refresh() {
      const run = last.then(write);
      last = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * Opens the extension's database as it is, without Dexie (whose code the popup loads after its first
 * paint), or null when there is none yet: opening must not create it, that is the background's job.
 * The popup's way to its first screen when there is no snapshot it can use.
 */
export function openQueueDb(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet needs an upgrade here: abort, so that none is created.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up the background's schema upgrades.
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains('queue')) resolve(db);
      else {
        db.close();
        resolve(null);
      }
    };
    request.onerror = () => resolve(null);
  });
}

/**
 * queueHead over a plain IndexedDB connection (openQueueDb): the same rows in the same order, walking the
 * sort index backwards with a cursor and stopping after `limit` matches.
 */
export function readQueueHead(
  db: IDBDatabase,
  limit: number,
  topics: readonly string[] = [],
  now = Date.now(),
): Promise<QueueRow[]> {
  const keep = headFilter(topics, now);
  return new Promise((resolve, reject) => {
    const rows: QueueRow[] = [];
    if (limit <= 0) return resolve(rows);
    const request = db
      .transaction('queue', 'readonly')
      .objectStore('queue')
      .index(QUEUE_ORDER_INDEX)
      .openCursor(null, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(rows);
      const row = cursor.value as QueueRow;
      if (keep(row)) rows.push(row);
      if (rows.length >= limit) resolve(rows);
      else cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}
