import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRelayService } from './service';
import { refreshReach } from '../reach/refresh';
import type { RelayDb } from '../db';
import {
  employeeItem,
  getConnection,
  markSessionEnded,
  policyCacheItem,
  reachCacheItem,
  saveConnection,
  serverUrlItem,
  presetTopicsItem,
  sessionEndedItem,
  tokenItem,
  topicsItem,
} from '../settings';
import { NOT_MANAGED, type ManagedSettings } from '../settings/managed';
import { fakeFetch, freshDb, json, makeItem, problem, queueBody, type RecordedRequest } from '../test-support';

const marta = { id: '0190a000-0000-7000-8000-0000000000aa', name: 'Marta Rossi', role: 'employee' as const };
const joan = { id: '0190a000-0000-7000-8000-0000000000bb', name: 'Joan Puig', role: 'employee' as const };
const SERVER = 'http://127.0.0.1:8787';
let db: RelayDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});

/**
 * A small Relay server: invite codes name a person; a token is good until `revoke` (what expiry or a
 * curator's "sign out everywhere" does); shares are recorded with the token they came with.
 */
function fakeServer(items = [makeItem({ title: 'cached item' })]) {
  const invites = new Map<string, typeof marta>();
  const valid = new Map<string, typeof marta>();
  const delivered: Array<{ id: string; by: string }> = [];
  let n = 0;
  const fetch = fakeFetch(async (req: RecordedRequest) => {
    const path = new URL(req.url).pathname;
    if (path === '/v1/auth/redeem') {
      const employee = invites.get((JSON.parse(req.body!) as { code: string }).code);
      if (!employee) return problem(401, 'Invalid invite code', 'This invite code is not valid.');
      const token = `tok-${++n}`;
      valid.set(token, employee);
      return json({ token, employee });
    }
    const who = valid.get(req.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '');
    if (!who) return problem(401, 'Unauthorized', 'Your session has ended.');
    if (path === '/v1/queue') return json(queueBody(items), { headers: { ETag: '"v1"' } });
    if (path === '/v1/shares') {
      const ids = (JSON.parse(req.body!) as { shares: Array<{ id: string }> }).shares.map((s) => s.id);
      delivered.push(...ids.map((id) => ({ id, by: who.id })));
      return json({ accepted: ids, duplicates: [] });
    }
    return problem(404, 'Not found', 'Not here.');
  });
  return {
    fetch,
    delivered,
    invite: (code: string, who: typeof marta) => invites.set(code, who),
    revokeAll: () => valid.clear(),
  };
}

function service(server: ReturnType<typeof fakeServer>, managed: ManagedSettings = NOT_MANAGED) {
  return createRelayService({ db: () => db, fetch: server.fetch, managed: async () => managed, random: () => 0.5 });
}

async function shareFirstItem(s: ReturnType<typeof service>) {
  const item = (await db.queue.toArray())[0]!;
  const result = await s.recordPopupShare({ itemId: item.id, network: 'x', edited: false, text: 'words' });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('the server refuses the token', () => {
  it('a 401 from the queue ends the session: the person stays known, nothing more is sent with that token', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    const s = service(server);
    await s.connect({ serverUrl: SERVER, code: 'one' });
    server.revokeAll();

    expect(await s.sync()).toMatchObject({ ok: false, reason: 'signed-out' });
    expect(await sessionEndedItem.getValue()).not.toBeNull();
    expect(await employeeItem.getValue()).toEqual(marta);
    expect(await db.queue.count()).toBe(1);
    const asked = server.fetch.requests.length;
    await s.syncAndFlush(true);
    expect(server.fetch.requests).toHaveLength(asked);
    expect(await s.getStatus()).toMatchObject({ connected: false, employee: marta });
  });

  it('a 401 from the outbox (or any request with the token) ends the session too, and the share is kept', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    const s = service(server);
    await s.connect({ serverUrl: SERVER, code: 'one' });
    server.revokeAll();
    const id = await shareFirstItem(s);
    expect(await s.flush(true)).toMatchObject({ outcome: 'signed-out' });
    expect(await sessionEndedItem.getValue()).not.toBeNull();
    expect(await db.outbox.get(id)).toMatchObject({ state: 'waiting', employeeId: marta.id });
    expect(await db.history.get(id)).toMatchObject({ state: 'pending' });
  });

  it('a 401 to the reach request (made through the service’s fetch, as the background does) ends it too', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    const s = service(server);
    await s.connect({ serverUrl: SERVER, code: 'one' });
    server.revokeAll();
    expect(await refreshReach({ getConnection: s.getConnection, fetch: s.fetch, save: async () => {} })).toMatchObject({
      ok: false,
    });
    expect(await sessionEndedItem.getValue()).not.toBeNull();
    // A refused invite code carries no token: it ends nothing.
    await sessionEndedItem.setValue(null);
    expect(await s.connect({ serverUrl: SERVER, code: 'unknown' })).toMatchObject({ ok: false });
    expect(await sessionEndedItem.getValue()).toBeNull();
  });

  it('a refusal of an old token arriving after a new sign-in does not end the new session', async () => {
    await saveConnection({ serverUrl: SERVER, token: 'new', employee: marta });
    expect(await markSessionEnded('old')).toBe(false);
    expect(await sessionEndedItem.getValue()).toBeNull();
    expect(await markSessionEnded('new')).toBe(true);
    expect(await sessionEndedItem.getValue()).not.toBeNull();
  });
});

describe('signing in again', () => {
  it('as the same person: keeps the cached queue, reach and policy, and delivers the shares that waited', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    server.invite('two', marta);
    const s = service(server);
    await s.connect({ serverUrl: SERVER, code: 'one' });
    await reachCacheItem.setValue({ reach: {} as never, fetchedAt: '2026-12-01T00:00:00Z' });
    await policyCacheItem.setValue({ policy: {} as never, etag: '"p"', fetchedAt: '2026-12-01T00:00:00Z' });
    server.revokeAll();
    await s.sync();
    const id = await shareFirstItem(s);

    const before = server.fetch.requests.length;
    expect(await s.connect({ serverUrl: SERVER, code: 'two' })).toMatchObject({ ok: true, employee: marta });
    expect(await sessionEndedItem.getValue()).toBeNull();
    // The cache was kept: the sync asked for what changed since, under the stored ETag.
    const queueAsk = server.fetch.requests.slice(before).find((r) => r.url.includes('/v1/queue'))!;
    expect(queueAsk.url).toContain('since=c1');
    expect(queueAsk.headers.get('If-None-Match')).toBe('"v1"');
    expect(await reachCacheItem.getValue()).not.toBeNull();
    expect(await policyCacheItem.getValue()).not.toBeNull();
    expect(server.delivered).toEqual([{ id, by: marta.id }]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.history.get(id)).toMatchObject({ state: 'synced' });
  });

  it('as another person on the same browser: a fresh cache, and the first person’s waiting shares are not sent', async () => {
    const server = fakeServer();
    server.invite('marta', marta);
    server.invite('joan', joan);
    const s = service(server);
    await s.connect({ serverUrl: SERVER, code: 'marta' });
    server.revokeAll();
    await s.sync();
    const id = await shareFirstItem(s);

    const before = server.fetch.requests.length;
    await s.connect({ serverUrl: SERVER, code: 'joan' });
    const queueAsk = server.fetch.requests.slice(before).find((r) => r.url.includes('/v1/queue'))!;
    expect(queueAsk.url).toBe(`${SERVER}/v1/queue`);
    expect(server.fetch.requests.slice(before).some((r) => r.url.endsWith('/v1/shares'))).toBe(false);
    expect(server.delivered).toEqual([]);
    expect(await db.outbox.get(id)).toMatchObject({ state: 'waiting', employeeId: marta.id });

    // Marta back on this browser: her share goes, under her own identity.
    server.invite('marta-again', marta);
    await s.connect({ serverUrl: SERVER, code: 'marta-again' });
    expect(server.delivered).toEqual([{ id, by: marta.id }]);
  });
});

describe('a server set by the company’s policy', () => {
  const managed = { serverUrl: SERVER, singleSignOnOnly: false, defaultTopics: [] };

  it('signs in to the company’s server whatever was stored, and refuses another typed one', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    const s = service(server, managed);
    expect(await s.connect({ serverUrl: 'https://elsewhere.example.com', code: 'one' })).toEqual({
      ok: false,
      message: `This invitation is for https://elsewhere.example.com, but your company’s Relay server is ${SERVER}. Ask your programme admin for an invitation to ${SERVER}.`,
    });
    expect(server.fetch.requests).toHaveLength(0);
    expect(await s.connect({ serverUrl: '', code: 'one' })).toMatchObject({ ok: true });
    expect(server.fetch.requests[0]!.url).toBe(`${SERVER}/v1/auth/redeem`);
    expect(await serverUrlItem.getValue()).toBe(SERVER);
  });

  it('refuses invite codes when the company signs people in with single sign-on only', async () => {
    const server = fakeServer();
    server.invite('one', marta);
    const s = service(server, { serverUrl: SERVER, singleSignOnOnly: true, defaultTopics: [] });
    expect(await s.connect({ serverUrl: '', code: 'one' })).toEqual({
      ok: false,
      message: 'Your company does not use invite codes: sign in with single sign-on.',
    });
    expect(server.fetch.requests).toHaveLength(0);
  });

  it('never sends a token to the company’s server that was issued by another; that session ends', async () => {
    await saveConnection({ serverUrl: 'https://old.example.com', token: 'old-token', employee: marta });
    const server = fakeServer();
    const s = service(server, managed);
    expect(await s.getConnection()).toBeNull();
    await s.syncAndFlush(true);
    expect(server.fetch.requests).toHaveLength(0);
    await s.applyManaged();
    expect(await sessionEndedItem.getValue()).not.toBeNull();
    expect(await tokenItem.getValue()).toBe('old-token');
    // Without a policy the same stored connection is used as before.
    await sessionEndedItem.setValue(null);
    expect(await service(server).getConnection()).toEqual(await getConnection());
  });
});

describe('default topics from the company’s policy', () => {
  const withTopics = (defaultTopics: string[]): ManagedSettings => ({ ...NOT_MANAGED, defaultTopics });

  it('become the topics of a person who has not chosen any, and follow a new policy while untouched', async () => {
    const server = fakeServer();
    await service(server, withTopics(['climate', 'hiring'])).applyManaged();
    expect(await topicsItem.getValue()).toEqual(['climate', 'hiring']);
    await service(server, withTopics(['product'])).applyManaged();
    expect(await topicsItem.getValue()).toEqual(['product']);
    expect(await presetTopicsItem.getValue()).toEqual(['product']);
  });

  it('never replace topics the person chose, not even an empty choice', async () => {
    const server = fakeServer();
    await service(server, withTopics(['climate'])).applyManaged();
    await topicsItem.setValue(['design']);
    await service(server, withTopics(['product'])).applyManaged();
    expect(await topicsItem.getValue()).toEqual(['design']);

    fakeBrowser.reset();
    await topicsItem.setValue([]);
    await service(server, withTopics(['product'])).applyManaged();
    expect(await topicsItem.getValue()).toEqual([]);
  });

  it('leave everything as it is when the policy names none', async () => {
    await service(fakeServer(), withTopics([])).applyManaged();
    expect(await topicsItem.getValue()).toEqual([]);
    expect(await presetTopicsItem.getValue()).toBeNull();
  });
});
