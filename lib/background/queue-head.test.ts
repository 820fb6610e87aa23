import { beforeEach, describe, expect, it } from 'vitest';
import { toQueueRow, type RelayDb } from '../db';
import { HEAD_SNAPSHOT_VERSION, PAGE_SIZE, queueHead, topicsKey, type QueueHeadSnapshot } from '../db/head';
import { freshDb, makeItem } from '../test-support';
import { createQueueHeadWriter } from './queue-head';

let db: RelayDb;
beforeEach(() => {
  db = freshDb();
});

describe('createQueueHeadWriter', () => {
  it('writes the head the popup would read from the cache, for the chosen topics', async () => {
    const items = Array.from({ length: 40 }, (_, i) => makeItem({ topics: [i % 3 ? 'events' : 'hiring'], pinned: i === 7 }));
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
    const again = createQueueHeadWriter({ db: () => db, getTopics: async () => [], load: async () => stored, save: async (s) => void saved.push(s) });
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
