import type { QueueRow } from '@/lib/db';
import { QUEUE_DB_NAME, QUEUE_ORDER_INDEX, headFilter } from '@/lib/db/head';

/*
 * The queue's head read over a plain IndexedDB connection: the popup's way to its first screen when the
 * background has not written a snapshot of it (lib/db/head) that it can use.
 */

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
