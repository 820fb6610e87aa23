import { beforeEach, describe, expect, it } from 'vitest';
import { listQueue, toQueueRow, type QueueRow, type RelayDb } from '.';
import { freshDb, makeItem, orderingItems } from '../test-support';
import {
  HEAD_SNAPSHOT_VERSION,
  PAGE_SIZE,
  cachedQueueTopics,
  createQueueHeadWriter,
  headFromSnapshot,
  openQueueDb,
  queueHead,
  queueTopics,
  readQueueHead,
  topicsKey,
  type QueueHeadSnapshot,
} from './head';
import { QUEUE_ORDER_INDEX } from './names';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('queueHead', () => {
  it('is the start of the full list: pinned and newest first, expired left out', async () => {
    const db = freshDb();
    await db.queue.bulkPut(orderingItems().map(toQueueRow));
    const full = await listQueue(db, NOW);
    expect((await queueHead(db, 15, [], NOW)).map((r) => r.id)).toEqual(full.slice(0, 15).map((r) => r.id));
    const odd = await queueHead(db, 5, ['ODD'], NOW);
    expect(odd.map((r) => r.id)).toEqual(
      full
        .filter((r) => r.topics.includes('odd'))
        .slice(0, 5)
        .map((r) => r.id),
    );
  });
});

describe('cachedQueueTopics', () => {
  it('is queueTopics of the whole list without loading a row: by use, then alphabetical, expired left out', async () => {
    const db = freshDb();
    const items = [
      makeItem({ topics: ['events', 'hiring'] }),
      makeItem({ topics: ['hiring'] }),
      makeItem({ topics: ['finance'] }),
      makeItem({ topics: ['culture'], expiresAt: '2026-03-01T11:00:00Z' }),
      makeItem({ topics: ['culture', 'events'], expiresAt: '2026-03-02T00:00:00Z' }),
    ];
    await db.queue.bulkPut(items.map(toQueueRow));
    const expected = queueTopics(await listQueue(db, NOW));
    expect(expected).toEqual(['events', 'hiring', 'culture', 'finance']);
    expect(await cachedQueueTopics(db, NOW)).toEqual(expected);
  });
});

describe('topicsKey', () => {
  it('spells the same set of topics one way, whatever their case, order or repeats', () => {
    expect(topicsKey(['Hiring', 'events', 'hiring'])).toBe(topicsKey(['events', 'HIRING']));
    expect(topicsKey([])).not.toBe(topicsKey(['events']));
    // No two different sets collide through a separator inside a topic.
    expect(topicsKey(['a,b'])).not.toBe(topicsKey(['a', 'b']));
  });
});

describe('headFromSnapshot', () => {
  const row = (overrides: Parameters<typeof makeItem>[0] = {}): QueueRow => toQueueRow(makeItem(overrides));
  const rows = [
    row({ topics: ['hiring'] }),
    row({ topics: ['hiring'], expiresAt: '2026-03-01T11:59:59Z' }),
    row({ topics: ['events'] }),
  ];
  const allTopics = ['hiring', 'events'];
  const snapshot = (topics: string[], version = HEAD_SNAPSHOT_VERSION) => ({
    version,
    topics: topicsKey(topics),
    rows,
    allTopics,
  });

  it('gives the rows still shown now, in the order written, with the whole queue’s topics', () => {
    expect(headFromSnapshot(snapshot([]), [], NOW)?.rows.map((r) => r.id)).toEqual([rows[0]!.id, rows[2]!.id]);
    expect(headFromSnapshot(snapshot(['Hiring']), ['hiring'], NOW)?.rows.map((r) => r.id)).toEqual([rows[0]!.id]);
    expect(headFromSnapshot(snapshot(['Hiring']), ['hiring'], NOW)?.allTopics).toEqual(allTopics);
  });

  it('cannot stand for the head when missing, of another version, or chosen by other topics', () => {
    expect(headFromSnapshot(null, [], NOW)).toBeNull();
    expect(headFromSnapshot(undefined, [], NOW)).toBeNull();
    expect(headFromSnapshot(snapshot([], HEAD_SNAPSHOT_VERSION + 1), [], NOW)).toBeNull();
    expect(headFromSnapshot(snapshot(['hiring']), [], NOW)).toBeNull();
    expect(headFromSnapshot(snapshot([]), ['hiring'], NOW)).toBeNull();
    expect(
      headFromSnapshot(
        { version: HEAD_SNAPSHOT_VERSION, topics: topicsKey([]), rows: 'broken' as never, allTopics },
        [],
        NOW,
      ),
    ).toBeNull();
    // A snapshot written before the topics were part of it.
    expect(headFromSnapshot({ ...snapshot([]), allTopics: undefined as never }, [], NOW)).toBeNull();
  });
});

describe('createQueueHeadWriter', () => {
  let db: RelayDb;
  beforeEach(() => {
    db = freshDb();
  });

  it('writes the head the popup would read from the cache, for the chosen topics', async () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      makeItem({ topics: [i % 3 ? 'events' : 'hiring'], pinned: i === 7 }),
    );
    await db.queue.bulkPut(items.map(toQueueRow));
    const saved: QueueHeadSnapshot[] = [];
    let topics = ['Hiring'];
    const writer = createQueueHeadWriter({
      db: () => db,
      getTopics: async () => topics,
      load: async () => saved.at(-1) ?? null,
      save: async (s) => void saved.push(s),
    });

    await writer.refresh();
    expect(saved[0]).toEqual({
      version: HEAD_SNAPSHOT_VERSION,
      topics: topicsKey(['hiring']),
      rows: await queueHead(db, PAGE_SIZE, ['hiring']),
      allTopics: ['events', 'hiring'],
    });
    expect(saved[0]!.rows.every((r) => r.topics.includes('hiring'))).toBe(true);

    topics = [];
    await writer.refresh();
    expect(saved[1]!.rows.map((r) => r.id)).toEqual((await queueHead(db, PAGE_SIZE, [])).map((r) => r.id));
    expect(saved[1]!.rows).toHaveLength(PAGE_SIZE);

    // Nothing changed: nothing written (each write reaches every listening page and content script).
    await writer.refresh();
    expect(saved).toHaveLength(2);
    // A stored snapshot round-tripped through storage (JSON) counts as the same.
    const stored = JSON.parse(JSON.stringify(saved[1])) as QueueHeadSnapshot;
    const again = createQueueHeadWriter({
      db: () => db,
      getTopics: async () => [],
      load: async () => stored,
      save: async (s) => void saved.push(s),
    });
    await again.refresh();
    expect(saved).toHaveLength(2);
    await db.queue.put(toQueueRow(makeItem({ title: 'news', pinned: true, publishAt: '2030-01-01T00:00:00Z' })));
    await again.refresh();
    expect(saved).toHaveLength(3);
    expect(saved.at(-1)!.rows[0]!.title).toBe('news');
  });

  it('writes one refresh after another, so the last written is the newest state', async () => {
    const order: string[] = [];
    let release!: () => void;
    const firstSaveHeld = new Promise<void>((r) => (release = r));
    let saving!: () => void;
    const firstSaveStarted = new Promise<void>((r) => (saving = r));
    let calls = 0;
    const writer = createQueueHeadWriter({
      db: () => db,
      getTopics: async () => [],
      load: async () => null,
      save: async (s) => {
        calls += 1;
        if (calls === 1) {
          saving();
          await firstSaveHeld;
        }
        order.push(s.rows.map((r) => r.title).join(','));
      },
    });
    const first = writer.refresh();
    // The cache changes while the first write is still on its way; the second refresh must read it after.
    await firstSaveStarted;
    await db.queue.put(toQueueRow(makeItem({ title: 'newer' })));
    const second = writer.refresh();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['', 'newer']);
  });

  it('goes on after a failed refresh', async () => {
    let fail = true;
    const saved: QueueHeadSnapshot[] = [];
    const writer = createQueueHeadWriter({
      db: () => db,
      getTopics: async () => [],
      load: async () => null,
      save: async (s) => {
        if (fail) throw new Error('storage full');
        saved.push(s);
      },
    });
    await expect(writer.refresh()).rejects.toThrow('storage full');
    fail = false;
    await writer.refresh();
    expect(saved).toHaveLength(1);
  });
});

async function seeded() {
  const db = freshDb();
  await db.queue.bulkPut(orderingItems().map(toQueueRow));
  return { db, full: await listQueue(db, NOW) };
}

describe('readQueueHead (plain IndexedDB, before Dexie is loaded)', () => {
  it('reads by an index lib/db defines', async () => {
    const { db } = await seeded();
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
