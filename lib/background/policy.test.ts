import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Policy } from '../contract/policy';
import { NO_RULES } from '../policy/in-force';
import {
  clearConnection,
  getConnection,
  personalTouchesItem,
  policyCacheItem,
  saveConnection,
  type CachedPolicy,
} from '../settings';
import { toQueueRow } from '../db';
import { fakeFetch, freshDb, json, makeItem, problem, queueBody } from '../test-support';
import { readPolicy, syncPolicy, syncStoredPolicy, type PolicySyncDeps } from './policy';
import { createRelayService } from './service';

const employee = { id: crypto.randomUUID(), name: 'Aiko Tanaka', role: 'employee' as const };
const connection = { serverUrl: 'http://127.0.0.1:8787', token: 'tok' };

function policy(version: number, banned: string[] = ['guaranteed']): Policy {
  return {
    bannedTerms: banned,
    networks: {
      linkedin: { disclosure: '#employee', maxLength: null, bannedTerms: [] },
      x: { disclosure: '#ad', maxLength: 200, bannedTerms: ['無料'] },
    },
    version,
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

function memory(initial: CachedPolicy | null = null) {
  const state = { cached: initial };
  const deps = (fetch: ReturnType<typeof fakeFetch>): PolicySyncDeps => ({
    getConnection: async () => connection,
    getCached: async () => state.cached,
    save: async (value) => void (state.cached = value),
    fetch,
    now: () => Date.parse('2026-11-23T19:00:00.000Z'),
  });
  return { state, deps };
}

describe('syncPolicy', () => {
  it('keeps a valid policy with its ETag, and sends the ETag back next time', async () => {
    const { state, deps } = memory();
    const fetch = fakeFetch(json(policy(3), { headers: { ETag: '"policy-3"' } }), new Response(null, { status: 304 }));
    expect(await syncPolicy(deps(fetch))).toEqual({ outcome: 'updated', version: 3 });
    expect(state.cached).toEqual({ policy: policy(3), etag: '"policy-3"', fetchedAt: '2026-11-23T19:00:00.000Z' });
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/policy');
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(fetch.requests[0]!.headers.get('If-None-Match')).toBeNull();

    expect(await syncPolicy(deps(fetch))).toEqual({ outcome: 'not-modified' });
    expect(fetch.requests[1]!.headers.get('If-None-Match')).toBe('"policy-3"');
    expect(state.cached!.policy).toEqual(policy(3));
  });

  it('replaces the kept policy with a newer one, lifting a ban the curators lifted', async () => {
    const { state, deps } = memory({ policy: policy(3), etag: '"policy-3"', fetchedAt: '2026-11-20T00:00:00.000Z' });
    await syncPolicy(deps(fakeFetch(json(policy(4, []), { headers: { ETag: '"policy-4"' } }))));
    expect(state.cached).toMatchObject({ policy: { version: 4, bannedTerms: [] }, etag: '"policy-4"' });
  });

  it('keeps the policy in force when the server fails, lacks the endpoint or answers something else', async () => {
    const kept: CachedPolicy = { policy: policy(3), etag: '"policy-3"', fetchedAt: '2026-11-20T00:00:00.000Z' };
    for (const answer of [
      problem(404, 'Not found', 'There is no GET /v1/policy endpoint'),
      problem(503, 'Unavailable', 'later'),
      new TypeError('Failed to fetch'),
      json({ ...policy(4), bannedTerms: 'everything' }),
      json({ ...policy(4), networks: { x: policy(4).networks.x } }),
      new Response('<html>captive portal</html>', { status: 200 }),
    ]) {
      const { state, deps } = memory(kept);
      expect(await syncPolicy(deps(fakeFetch(answer)))).toEqual({ outcome: 'unavailable' });
      expect(state.cached).toBe(kept);
    }
  });

  it('asks afresh (no If-None-Match) when the kept policy no longer reads as a policy', async () => {
    const broken = {
      policy: { bannedTerms: 'x' } as unknown as Policy,
      etag: '"policy-3"',
      fetchedAt: '2026-11-20T00:00:00.000Z',
    };
    const { state, deps } = memory(broken);
    const fetch = fakeFetch(json(policy(3), { headers: { ETag: '"policy-3"' } }));
    expect(await syncPolicy(deps(fetch))).toEqual({ outcome: 'updated', version: 3 });
    expect(fetch.requests[0]!.headers.get('If-None-Match')).toBeNull();
    expect(state.cached!.policy).toEqual(policy(3));
  });

  it('asks nothing when not connected', async () => {
    const fetch = fakeFetch(new Error('must not be called'));
    const { deps } = memory();
    expect(await syncPolicy({ ...deps(fetch), getConnection: async () => null })).toEqual({ outcome: 'not-connected' });
    expect(fetch.requests).toHaveLength(0);
  });

  it('drops an answer that arrives after the person disconnected', async () => {
    const { state, deps } = memory();
    let connected = true;
    const fetch = fakeFetch(() => {
      connected = false;
      return json(policy(3), { headers: { ETag: '"policy-3"' } });
    });
    const result = await syncPolicy({ ...deps(fetch), getConnection: async () => (connected ? connection : null) });
    expect(result).toEqual({ outcome: 'stale' });
    expect(state.cached).toBeNull();
  });
});

describe('in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the policy in local:policyCache after a good queue sync (as the background wires it)', async () => {
    await saveConnection({ ...connection, employee });
    const db = freshDb();
    const fetch = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/v1/queue') return json(queueBody([]));
      if (path === '/v1/policy') return json(policy(5), { headers: { ETag: '"policy-5"' } });
      return problem(404, 'Not found', path);
    });
    const service = createRelayService({ db: () => db, fetch });
    await service.sync();
    expect(await fakeBrowser.storage.local.get('policyCache')).toMatchObject({
      policyCache: { policy: policy(5), etag: '"policy-5"' },
    });
    expect(await readPolicy()).toEqual(policy(5));
  });

  it('is not asked for when the queue sync failed', async () => {
    await saveConnection({ ...connection, employee });
    const db = freshDb();
    const fetch = fakeFetch(new TypeError('offline'));
    await createRelayService({ db: () => db, fetch }).sync();
    expect(fetch.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/queue']);
    expect(await policyCacheItem.getValue()).toBeNull();
  });

  it('is forgotten when the person disconnects or connects again', async () => {
    await saveConnection({ ...connection, employee });
    await syncStoredPolicy({ getConnection, fetch: fakeFetch(json(policy(5), { headers: { ETag: '"policy-5"' } })) });
    expect(await readPolicy()).toEqual(policy(5));
    await clearConnection();
    expect(await policyCacheItem.getValue()).toBeNull();
    expect(await readPolicy()).toEqual(NO_RULES);

    await saveConnection({ ...connection, employee });
    await syncStoredPolicy({ getConnection, fetch: fakeFetch(json(policy(6), { headers: { ETag: '"policy-6"' } })) });
    await saveConnection({ serverUrl: 'http://127.0.0.1:9999', token: 'other', employee });
    expect(await policyCacheItem.getValue()).toBeNull();
  });
});

describe('getSuggestions under the policy', () => {
  beforeEach(() => fakeBrowser.reset());

  const keep = (p: Policy) =>
    policyCacheItem.setValue({ policy: p, etag: `"policy-${p.version}"`, fetchedAt: '2026-11-23T19:00:00.000Z' });
  const cap = (network: 'linkedin' | 'x', text: string) => ({ id: crypto.randomUUID(), network, text, language: 'en' });

  async function setUp() {
    await saveConnection({ ...connection, employee });
    const db = freshDb();
    const fine = makeItem({
      title: 'fine',
      pinned: true,
      captions: [cap('x', 'Our report is out'), cap('linkedin', 'Read it')],
    });
    const banned = makeItem({
      title: 'banned',
      captions: [cap('x', 'Guaranteed growth, 無料'), cap('linkedin', 'Guaranteed growth')],
    });
    const disclosed = makeItem({
      title: 'disclosed',
      captions: [cap('x', '#AD A report'), cap('linkedin', 'Report #Employee')],
    });
    await db.queue.bulkPut([fine, banned, disclosed].map(toQueueRow));
    return { service: createRelayService({ db: () => db, fetch: fakeFetch(new Error('no network needed')) }), fine };
  }

  it('adds the missing disclosure to each caption once, and leaves out (and counts) captions with a banned term', async () => {
    const { service, fine } = await setUp();
    await keep(policy(3));
    const x = await service.getSuggestions({ network: 'x' });
    expect(x.suggestions.map((s) => [s.title, s.text]).sort()).toEqual([
      ['disclosed', '#AD A report'],
      ['fine', 'Our report is out #ad'],
    ]);
    expect(x.suggestions.find((s) => s.title === 'fine')!.link).toBe(fine.links.x);
    // What the composer inserts instead when the person already typed the disclosure; nothing when none was added.
    expect(x.suggestions.find((s) => s.title === 'fine')!.disclosure).toEqual({
      added: '#ad',
      without: 'Our report is out',
    });
    expect(x.suggestions.find((s) => s.title === 'disclosed')!.disclosure).toBeUndefined();
    expect(x.withheld).toBe(1);
    const li = await service.getSuggestions({ network: 'linkedin' });
    expect(li.suggestions.map((s) => s.text).sort()).toEqual(['Read it #employee', 'Report #Employee']);
    expect(li.withheld).toBe(1);
  });

  it('checks the caption as personalised: a banned term in the person’s own signature withholds it too', async () => {
    const { service } = await setUp();
    await keep(policy(3, ['signed']));
    await personalTouchesItem.setValue({
      linkedin: { openingLine: '', signature: '' },
      x: { openingLine: '', signature: 'Signed, Aiko' },
    });
    expect((await service.getSuggestions({ network: 'x' })).suggestions).toEqual([]);
    expect((await service.getSuggestions({ network: 'x' })).withheld).toBe(3);
    expect((await service.getSuggestions({ network: 'linkedin' })).suggestions).toHaveLength(3);
  });

  it('offers every caption as it is before any policy arrived', async () => {
    const { service } = await setUp();
    const x = await service.getSuggestions({ network: 'x' });
    expect(x.suggestions.map((s) => s.text).sort()).toEqual([
      '#AD A report',
      'Guaranteed growth, 無料',
      'Our report is out',
    ]);
    expect(x.withheld).toBeUndefined();
  });
});
