import { describe, expect, it } from 'vitest';
import { listQueue, toQueueRow } from '@/lib/db';
import { freshDb, makeItem } from '@/lib/test-support';
import { queueHead } from './head';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('queueHead', () => {
  it('is the start of the full list: pinned and newest first, expired left out', async () => {
    const db = freshDb();
    const items = Array.from({ length: 40 }, (_, i) =>
      makeItem({
        publishAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        pinned: i % 13 === 0,
        expiresAt: i % 7 === 0 ? '2026-02-01T00:00:00Z' : null,
        topics: [i % 2 ? 'odd' : 'even'],
      }),
    );
    await db.queue.bulkPut(items.map(toQueueRow));
    const full = await listQueue(db, NOW);
    expect((await queueHead(db, 15, [], NOW)).map((r) => r.id)).toEqual(full.slice(0, 15).map((r) => r.id));
    const odd = await queueHead(db, 5, ['ODD'], NOW);
    expect(odd.map((r) => r.id)).toEqual(full.filter((r) => r.topics.includes('odd')).slice(0, 5).map((r) => r.id));
  });
});
