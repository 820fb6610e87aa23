import { describe, expect, it } from 'vitest';
import { listQueue, toQueueRow, type QueueRow } from '.';
import { freshDb, makeItem, orderingItems } from '../test-support';
import { HEAD_SNAPSHOT_VERSION, cachedQueueTopics, headFromSnapshot, queueHead, queueTopics, topicsKey } from './head';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('queueHead', () => {
  it('is the start of the full list: pinned and newest first, expired left out', async () => {
    const db = freshDb();
    await db.queue.bulkPut(orderingItems().map(toQueueRow));
    const full = await listQueue(db, NOW);
    expect((await queueHead(db, 15, [], NOW)).map((r) => r.id)).toEqual(full.slice(0, 15).map((r) => r.id));
    const odd = await queueHead(db, 5, ['ODD'], NOW);
    expect(odd.map((r) => r.id)).toEqual(full.filter((r) => r.topics.includes('odd')).slice(0, 5).map((r) => r.id));
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
  const rows = [row({ topics: ['hiring'] }), row({ topics: ['hiring'], expiresAt: '2026-03-01T11:59:59Z' }), row({ topics: ['events'] })];
  const allTopics = ['hiring', 'events'];
  const snapshot = (topics: string[], version = HEAD_SNAPSHOT_VERSION) => ({ version, topics: topicsKey(topics), rows, allTopics });

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
    expect(headFromSnapshot({ version: HEAD_SNAPSHOT_VERSION, topics: topicsKey([]), rows: 'broken' as never, allTopics }, [], NOW)).toBeNull();
    // A snapshot written before the topics were part of it.
    expect(headFromSnapshot({ ...snapshot([]), allTopics: undefined as never }, [], NOW)).toBeNull();
  });
});
