import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RelayDb, listHistory, listQueue, sharedItemIds, toQueueRow, type HistoryRow } from './index';
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
    await db.queue.bulkPut(
      [makeItem({ topics: ['hr', 'culture'] }), makeItem({ topics: ['engineering'] })].map(toQueueRow),
    );
    expect(await db.queue.where('topics').equals('culture').count()).toBe(1);
  });
});

describe('version 2', () => {
  it('upgrades a version 1 database and keeps its cached queue and meta', async () => {
    const name = `relay-upgrade-${crypto.randomUUID()}`;
    // The shipped version 1, exactly as it was.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      queue: 'id, [pinnedRank+publishMs], publishMs, *topics, expiresAt, updatedAt',
      meta: 'key',
    });
    const item = makeItem({ title: 'cached before the upgrade' });
    await v1.table('queue').put(toQueueRow(item));
    await v1.table('meta').put({ key: 'etag', value: '"v1"' });
    v1.close();

    const db = new RelayDb(name);
    expect((await listQueue(db, Date.parse('2026-01-02T00:00:00Z'))).map((r) => r.title)).toEqual([
      'cached before the upgrade',
    ]);
    expect(await db.getMeta('etag')).toBe('"v1"');
    expect(db.verno).toBe(5);
    await db.history.put(historyRow({ sharedAt: '2026-01-01T00:00:00.000Z' }));
    expect(await db.history.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('pages history newest first by sharedAt', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 120 }, (_, n) =>
      historyRow({ sharedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), title: `#${n}` }),
    );
    await db.history.bulkPut(rows);
    const first = await listHistory(db, { limit: 50 });
    expect(first.map((r) => r.title).slice(0, 2)).toEqual(['#119', '#118']);
    const second = await listHistory(db, { limit: 50, before: first.at(-1)!.sharedAt });
    expect(second[0]!.title).toBe('#69');
    const last = await listHistory(db, { limit: 50, before: second.at(-1)!.sharedAt });
    expect(last.map((r) => r.title).at(-1)).toBe('#0');
    expect(last).toHaveLength(20);
  });

  it('tells which items were shared on a network', async () => {
    const db = freshDb();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await db.history.bulkPut([historyRow({ itemId: a, network: 'x' }), historyRow({ itemId: b, network: 'linkedin' })]);
    expect(await sharedItemIds(db, 'x', [a, b])).toEqual(new Set([a]));
    expect(await sharedItemIds(db, 'linkedin', [a, b])).toEqual(new Set([b]));
    expect(await sharedItemIds(db, 'x', [])).toEqual(new Set());
  });

  it('resetCache keeps history and outbox', async () => {
    const db = freshDb();
    await db.history.put(historyRow());
    await db.outbox.put({
      id: 'o1',
      share: { id: crypto.randomUUID(), itemId: crypto.randomUUID(), network: 'x', sharedAt: '2026-01-01T00:00:00Z' },
      attempts: 0,
      nextAttemptAt: 0,
      state: 'waiting',
    });
    await db.resetCache(null);
    expect(await db.history.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

function historyRow(overrides: Partial<HistoryRow> = {}): HistoryRow {
  return {
    id: crypto.randomUUID(),
    itemId: crypto.randomUUID(),
    network: 'x',
    edited: false,
    sharedAt: '2026-01-01T00:00:00.000Z',
    title: 'title',
    state: 'pending',
    ...overrides,
  };
}
