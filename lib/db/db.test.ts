import { describe, expect, it } from 'vitest';
import { listQueue, toQueueRow } from './index';
import { freshDb, makeItem } from '../test-support';

describe('listQueue', () => {
  it('lists pinned first, then newest first, and hides expired items', async () => {
    const db = freshDb();
    const old = makeItem({ title: 'old', publishAt: '2026-01-01T00:00:00Z' });
    const fresh = makeItem({ title: 'fresh', publishAt: '2026-01-03T00:00:00+02:00' });
    const pinned = makeItem({ title: 'pinned', pinned: true, publishAt: '2025-12-01T00:00:00Z' });
    const expired = makeItem({ title: 'expired', expiresAt: '2026-01-05T00:00:00Z' });
    await db.queue.bulkPut([old, fresh, pinned, expired].map(toQueueRow));
    const rows = await listQueue(db, Date.parse('2026-01-10T00:00:00Z'));
    expect(rows.map((r) => r.title)).toEqual(['pinned', 'fresh', 'old']);
  });

  it('finds items by topic through the multi-entry index', async () => {
    const db = freshDb();
    await db.queue.bulkPut([makeItem({ topics: ['hr', 'culture'] }), makeItem({ topics: ['engineering'] })].map(toQueueRow));
    expect(await db.queue.where('topics').equals('culture').count()).toBe(1);
  });
});
