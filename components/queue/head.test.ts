import { describe, expect, it } from 'vitest';
import { DB_NAME, listQueue, toQueueRow } from '@/lib/db';
import { freshDb, orderingItems } from '@/lib/test-support';
import { QUEUE_DB_NAME, QUEUE_ORDER_INDEX, queueHead } from '@/lib/db/head';
import { openQueueDb, readQueueHead } from './head';

const NOW = Date.parse('2026-03-01T12:00:00Z');

async function seeded() {
  const db = freshDb();
  await db.queue.bulkPut(orderingItems().map(toQueueRow));
  return { db, full: await listQueue(db, NOW) };
}

describe('readQueueHead (plain IndexedDB, before Dexie is loaded)', () => {
  it('names the database and index lib/db defines', async () => {
    const { db } = await seeded();
    expect(QUEUE_DB_NAME).toBe(DB_NAME);
    await db.open();
    expect(db.queue.schema.idxByName[QUEUE_ORDER_INDEX]).toBeDefined();
  });

  it('reads the same rows in the same order as queueHead, ties included', async () => {
    const { db, full } = await seeded();
    await db.open();
    const raw = await openQueueDb(indexedDB, db.name);
    expect(raw).not.toBeNull();
    try {
      for (const [limit, topics] of [
        [15, []],
        [3, []],
        [5, ['ODD']],
        [100, []],
        [100, ['even']],
      ] as const) {
        const expected = (await queueHead(db, limit, topics, NOW)).map((r) => r.id);
        expect((await readQueueHead(raw!, limit, topics, NOW)).map((r) => r.id)).toEqual(expected);
      }
      expect((await readQueueHead(raw!, 100, [], NOW)).length).toBe(full.length);
      expect(await readQueueHead(raw!, 0, [], NOW)).toEqual([]);
    } finally {
      raw!.close();
    }
  });

  it('does not create a database that does not exist yet', async () => {
    const name = `relay-missing-${crypto.randomUUID()}`;
    expect(await openQueueDb(indexedDB, name)).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('gives way when the background upgrades the schema', async () => {
    const { db } = await seeded();
    await db.open();
    const version = db.backendDB().version;
    db.close();
    const raw = await openQueueDb(indexedDB, db.name);
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name, version + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the popup’s connection'));
    });
    expect(upgraded.version).toBe(version + 1);
    upgraded.close();
    raw?.close();
  });
});
