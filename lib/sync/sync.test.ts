import { beforeEach, describe, expect, it } from 'vitest';
import { syncQueue, type SyncDeps } from './index';
import type { LastSync } from '../settings';
import type { RelayDb } from '../db';
import { fakeFetch, freshDb, json, makeItem, problem, queueBody } from '../test-support';

const connection = { serverUrl: 'http://127.0.0.1:8787', token: 'tok' };
const NOW = new Date('2026-02-01T10:00:00Z');

let db: RelayDb;
let recorded: LastSync[];

function deps(fetch: SyncDeps['fetch'], overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db,
    fetch,
    getConnection: async () => connection,
    recordLastSync: async (s) => void recorded.push(s),
    now: () => NOW,
    ...overrides,
  };
}

async function cachedIds() {
  return (await db.queue.toArray()).map((r) => r.id).sort();
}

/** Put the cache in a known good state: items a and b, etag "v1", cursor c1. */
async function seed() {
  const a = makeItem({ title: 'A' });
  const b = makeItem({ title: 'B' });
  await syncQueue(deps(fakeFetch(json(queueBody([a, b], { cursor: 'c1' }), { headers: { ETag: '"v1"' } }))));
  recorded = [];
  return { a, b };
}

beforeEach(() => {
  db = freshDb();
  recorded = [];
});

describe('syncQueue', () => {
  it('fills an empty cache and stores etag and cursor', async () => {
    const items = [makeItem(), makeItem({ pinned: true })];
    const fetch = fakeFetch(json(queueBody(items, { cursor: 'c1' }), { headers: { ETag: '"v1"' } }));
    const result = await syncQueue(deps(fetch));
    expect(result).toEqual({ ok: true, outcome: 'replaced', items: 2 });
    expect(await cachedIds()).toEqual(items.map((i) => i.id).sort());
    expect(await db.getMeta('etag')).toBe('"v1"');
    expect(await db.getMeta('cursor')).toBe('c1');
    expect(recorded).toEqual([{ at: NOW.toISOString(), ok: true }]);
    // The cached row is the contract's item plus sort keys.
    const row = await db.queue.get(items[1]!.id);
    expect(row).toMatchObject({ ...items[1], pinnedRank: 1, publishMs: Date.parse(items[1]!.publishAt) });
  });

  it('sends the stored etag and cursor on the next sync', async () => {
    await seed();
    const fetch = fakeFetch(new Response(null, { status: 304 }));
    await syncQueue(deps(fetch));
    expect(fetch.requests[0]!.headers.get('If-None-Match')).toBe('"v1"');
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/queue?since=c1');
  });

  it('replaces the whole cache on a full answer', async () => {
    await seed();
    const c = makeItem({ title: 'C' });
    const result = await syncQueue(
      deps(fakeFetch(json(queueBody([c], { cursor: 'c2' }), { headers: { ETag: '"v2"' } }))),
    );
    expect(result).toMatchObject({ ok: true, outcome: 'replaced', items: 1 });
    expect(await cachedIds()).toEqual([c.id]);
    expect(await db.getMeta('etag')).toBe('"v2"');
    expect(await db.getMeta('cursor')).toBe('c2');
  });

  it('applies a delta: changed items put, removed ids deleted', async () => {
    const { a, b } = await seed();
    const aChanged = { ...a, title: 'A, edited' };
    const c = makeItem({ title: 'C' });
    const delta = queueBody([aChanged, c], { full: false, removed: [b.id], cursor: 'c2' });
    const result = await syncQueue(deps(fakeFetch(json(delta, { headers: { ETag: '"v2"' } }))));
    expect(result).toMatchObject({ ok: true, outcome: 'delta', items: 2 });
    expect(await cachedIds()).toEqual([a.id, c.id].sort());
    expect((await db.queue.get(a.id))!.title).toBe('A, edited');
    expect(await db.getMeta('cursor')).toBe('c2');
    expect(await db.getMeta('etag')).toBe('"v2"');
  });

  it('on 304 changes nothing but the recorded sync time', async () => {
    await seed();
    const before = await db.queue.toArray();
    const result = await syncQueue(deps(fakeFetch(new Response(null, { status: 304 }))));
    expect(result).toEqual({ ok: true, outcome: 'not-modified', items: 2 });
    expect(await db.queue.toArray()).toEqual(before);
    expect(await db.getMeta('etag')).toBe('"v1"');
    expect(await db.getMeta('cursor')).toBe('c1');
    expect(recorded).toEqual([{ at: NOW.toISOString(), ok: true }]);
  });

  it('keeps the cache untouched when the payload is invalid', async () => {
    await seed();
    const before = await db.queue.toArray();
    const bad = { full: true, items: [{ id: 'not-a-uuid', title: 'x' }], removed: [], cursor: 'c9' };
    const result = await syncQueue(deps(fakeFetch(json(bad, { headers: { ETag: '"v9"' } }))));
    expect(result).toMatchObject({ ok: false, reason: 'invalid-response' });
    expect(await db.queue.toArray()).toEqual(before);
    expect(await db.getMeta('etag')).toBe('"v1"');
    expect(await db.getMeta('cursor')).toBe('c1');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ ok: false, reason: 'invalid-response', at: NOW.toISOString() });
    expect(recorded[0]!.error).toContain('does not understand');
  });

  it('keeps the cache untouched when the network fails', async () => {
    await seed();
    const before = await db.queue.toArray();
    const result = await syncQueue(deps(fakeFetch(new TypeError('Failed to fetch'))));
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await db.queue.toArray()).toEqual(before);
    expect(recorded[0]).toMatchObject({
      ok: false,
      reason: 'unreachable',
      error: "Can't reach the server at http://127.0.0.1:8787. Check the address and that the server is running.",
    });
  });

  it('keeps the cache untouched on a 5xx', async () => {
    await seed();
    const before = await db.queue.toArray();
    const result = await syncQueue(deps(fakeFetch(problem(503, 'Unavailable', 'Down for maintenance.'))));
    expect(result).toEqual({ ok: false, reason: 'server', error: 'Down for maintenance.' });
    expect(await db.queue.toArray()).toEqual(before);
  });

  it('on 401 records "signed out by the server" and keeps the cache', async () => {
    await seed();
    const result = await syncQueue(deps(fakeFetch(problem(401, 'Unauthorized', 'Token revoked.'))));
    expect(result).toMatchObject({ ok: false, reason: 'signed-out' });
    expect(recorded[0]!.error).toMatch(/^Signed out by the server/);
    expect(await db.queue.count()).toBe(2);
  });

  it('does nothing and records nothing when not connected', async () => {
    const fetch = fakeFetch(json(queueBody([])));
    const result = await syncQueue(deps(fetch, { getConnection: async () => null }));
    expect(result).toMatchObject({ ok: false, reason: 'not-connected' });
    expect(fetch.requests).toHaveLength(0);
    expect(recorded).toEqual([]);
  });

  it('shares one request between concurrent calls', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetch = fakeFetch(async () => {
      await gate;
      return json(queueBody([makeItem()]), { headers: { ETag: '"v1"' } });
    });
    const d = deps(fetch);
    const first = syncQueue(d);
    const second = syncQueue(d);
    expect(second).toBe(first);
    release();
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1).toEqual(r2);
    expect(fetch.requests).toHaveLength(1);
    // Once finished, the next call makes a new request.
    await syncQueue(deps(fakeFetch(new Response(null, { status: 304 }))));
    expect(recorded).toHaveLength(2);
  });

  it('throws away an answer that arrives after the session changed, and syncs again for the new one', async () => {
    await db.resetCache('session-1');
    const oldItem = makeItem({ title: 'old account' });
    const newItem = makeItem({ title: 'new account' });
    let calls = 0;
    const fetch = fakeFetch(async () => {
      calls += 1;
      if (calls === 1) {
        // Someone connects to another account while the first answer is on its way.
        await db.resetCache('session-2');
        return json(queueBody([oldItem]), { headers: { ETag: '"old"' } });
      }
      return json(queueBody([newItem]), { headers: { ETag: '"new"' } });
    });
    const result = await syncQueue(deps(fetch));
    expect(result).toMatchObject({ ok: true, items: 1 });
    expect(await cachedIds()).toEqual([newItem.id]);
    expect(await db.getMeta('etag')).toBe('"new"');
    expect(await db.getMeta('session')).toBe('session-2');
  });

  it('forgets a stale etag when the server stops sending one', async () => {
    await seed();
    await syncQueue(deps(fakeFetch(json(queueBody([makeItem()], { cursor: 'c3' })))));
    expect(await db.getMeta('etag')).toBeUndefined();
    expect(await db.getMeta('cursor')).toBe('c3');
  });
});
