import { describe, expect, it, vi } from 'vitest';
import { getDb, listQueue, toQueueRow } from '@/lib/db';
import { freshDb, makeItem } from '@/lib/test-support';
import { readQueueInPages, watchQueue } from './queue-live';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('readQueueInPages', () => {
  it('gives listQueue’s rows in listQueue’s order, whatever the page size (ties, pinned, expired)', async () => {
    const db = freshDb();
    const items = Array.from({ length: 53 }, (_, i) =>
      makeItem({
        // Groups of four published in the same minute: the order then falls back on the id.
        publishAt: new Date(Date.UTC(2026, 0, 1, 0, i - (i % 4))).toISOString(),
        pinned: i % 11 === 0,
        expiresAt: i % 9 === 0 ? '2026-02-01T00:00:00Z' : null,
      }),
    );
    await db.queue.bulkPut(items.map(toQueueRow));
    const expected = (await listQueue(db, NOW)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(40);
    for (const size of [1, 7, 10, 53, 500]) {
      expect((await readQueueInPages(db, size, NOW)).map((r) => r.id)).toEqual(expected);
    }
  });

  it('reads an empty queue', async () => {
    expect(await readQueueInPages(freshDb(), 10, NOW)).toEqual([]);
  });
});

describe('watchQueue', () => {
  it('follows the background’s writes until stopped', async () => {
    const db = getDb();
    await db.queue.bulkPut([makeItem({ title: 'one' }), makeItem({ title: 'two' })].map(toQueueRow));
    const seen: string[][] = [];
    const stop = watchQueue((rows) => seen.push(rows.map((r) => r.title)));
    await vi.waitFor(() => expect(seen.at(-1)?.length).toBe(2));
    await db.queue.put(toQueueRow(makeItem({ title: 'three', pinned: true })));
    await vi.waitFor(() => expect(seen.at(-1)?.[0]).toBe('three'));
    stop();
    const count = seen.length;
    await db.queue.put(toQueueRow(makeItem({ title: 'four' })));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(count);
  });
});
