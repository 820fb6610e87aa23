import type { QueueRow, RelayDb } from '@/lib/db';

/** Cards rendered at first and added per step as the list scrolls: the DOM stays small at 10,000 items. */
export const PAGE_SIZE = 15;

/**
 * lib/db's database and its "pinned first, newest first" index, as IndexedDB itself names them. Spelled out
 * here because importing them from lib/db would bring Dexie into the popup's first paint; head.test.ts
 * checks they still match lib/db.
 */
export const QUEUE_DB_NAME = 'relay';
export const QUEUE_ORDER_INDEX = '[pinnedRank+publishMs]';

/** The rows the popup shows before any filter of the person's own: not expired, with one of `topics` if any. */
function headFilter(topics: readonly string[], now: number): (row: QueueRow) => boolean {
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
 * Opens the extension's database as it is, without Dexie (whose code the popup loads after its first
 * paint), or null when there is none yet: opening must not create it, that is the background's job.
 */
export function openQueueDb(factory: IDBFactory = indexedDB, name = QUEUE_DB_NAME): Promise<IDBDatabase | null> {
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
export function readQueueHead(db: IDBDatabase, limit: number, topics: readonly string[] = [], now = Date.now()): Promise<QueueRow[]> {
  const keep = headFilter(topics, now);
  return new Promise((resolve, reject) => {
    const rows: QueueRow[] = [];
    if (limit <= 0) return resolve(rows);
    const request = db.transaction('queue', 'readonly').objectStore('queue').index(QUEUE_ORDER_INDEX).openCursor(null, 'prev');
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
