import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SIGN_OUT_TIMEOUT_MS, createRelayService } from './service';
import type { FetchLike } from '../api/client';
import { SYNC_ALARM, SYNC_PERIOD_MINUTES, ensureSyncAlarm } from './alarms';
import type { RelayDb } from '../db';
import { employeeItem, getConnection, lastSyncItem, saveConnection, serverUrlItem, tokenItem } from '../settings';
import { fakeFetch, freshDb, json, makeItem, problem, queueBody } from '../test-support';

const employee = { id: crypto.randomUUID(), name: 'Marta Rossi', role: 'employee' as const };
let db: RelayDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});

function service(fetch: ReturnType<typeof fakeFetch>) {
  return createRelayService({ db: () => db, fetch });
}

describe('connect', () => {
  it('normalises the URL, redeems the code, stores the connection and syncs at once', async () => {
    const items = [makeItem(), makeItem()];
    const fetch = fakeFetch(json({ token: 'tok-1', employee }), json(queueBody(items), { headers: { ETag: '"v1"' } }));
    const result = await service(fetch).connect({ serverUrl: ' localhost:8787/ ', code: ' INVITE-1 ' });

    expect(result).toEqual({ ok: true, employee, items: 2 });
    // Then what runs after every good queue sync (lib/background/after-sync.ts), in its order.
    expect(fetch.requests.map((r) => r.url)).toEqual([
      'http://localhost:8787/v1/auth/redeem',
      'http://localhost:8787/v1/queue',
      'http://localhost:8787/v1/site-profiles',
      'http://localhost:8787/v1/policy',
      'http://localhost:8787/v1/me/reach',
    ]);
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({ code: 'INVITE-1' });
    expect(fetch.requests[1]!.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(await getConnection()).toEqual({ serverUrl: 'http://localhost:8787', token: 'tok-1' });
    expect(await employeeItem.getValue()).toEqual(employee);
    expect(await lastSyncItem.getValue()).toMatchObject({ ok: true });
    expect(await db.queue.count()).toBe(2);
  });

  it('keeps the token in local storage', async () => {
    const fetch = fakeFetch(json({ token: 'tok-1', employee }), json(queueBody([])));
    await service(fetch).connect({ serverUrl: 'http://127.0.0.1:8787', code: 'c' });
    expect(await fakeBrowser.storage.local.get('token')).toEqual({ token: 'tok-1' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reports a bad code with the server’s own explanation and stores nothing', async () => {
    const fetch = fakeFetch(problem(404, 'Invite not found', 'This invite code is unknown or was already used.'));
    const result = await service(fetch).connect({ serverUrl: 'http://127.0.0.1:8787', code: 'wrong' });
    expect(result).toEqual({ ok: false, message: 'This invite code is unknown or was already used.' });
    expect(await tokenItem.getValue()).toBeNull();
  });

  it('reports an unreachable server clearly', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'));
    const result = await service(fetch).connect({ serverUrl: '127.0.0.1:9', code: 'c' });
    expect(result).toEqual({
      ok: false,
      message: "Can't reach the server at http://127.0.0.1:9. Check the address and that the server is running.",
    });
  });

  it('refuses an unusable address or an empty code without asking the network', async () => {
    const fetch = fakeFetch(new Error('must not be called'));
    expect(await service(fetch).connect({ serverUrl: '', code: 'c' })).toMatchObject({ ok: false });
    expect(await service(fetch).connect({ serverUrl: 'ftp://x.org', code: 'c' })).toMatchObject({ ok: false });
    expect(await service(fetch).connect({ serverUrl: 'localhost:8787', code: '  ' })).toEqual({
      ok: false,
      message: 'Enter the invite code you were given.',
    });
    expect(fetch.requests).toHaveLength(0);
  });

  it('is connected even when the first sync fails, and says why', async () => {
    const fetch = fakeFetch(json({ token: 'tok', employee }), new TypeError('offline'));
    const result = await service(fetch).connect({ serverUrl: 'localhost:8787', code: 'c' });
    expect(result).toMatchObject({ ok: true, items: 0 });
    expect(result.ok && result.syncError).toContain("Can't reach the server");
  });

  it('starts from an empty cache when connecting to another account', async () => {
    const first = makeItem({ title: 'first account' });
    const second = makeItem({ title: 'second account' });
    await service(
      fakeFetch(json({ token: 't1', employee }), json(queueBody([first]), { headers: { ETag: '"a"' } })),
    ).connect({
      serverUrl: 'localhost:8787',
      code: 'one',
    });
    const other = { id: crypto.randomUUID(), name: 'Joan Puig', role: 'employee' as const };
    const fetch = fakeFetch(
      json({ token: 't2', employee: other }),
      json(queueBody([second], { full: false }), { headers: { ETag: '"b"' } }),
    );
    await service(fetch).connect({ serverUrl: 'localhost:8787', code: 'two' });
    // No stale etag or cursor from the first account was sent, and its items are gone.
    expect(fetch.requests[1]!.url).toBe('http://localhost:8787/v1/queue');
    expect(fetch.requests[1]!.headers.has('If-None-Match')).toBe(false);
    expect((await db.queue.toArray()).map((r) => r.title)).toEqual(['second account']);
  });
});

describe('disconnect and status', () => {
  it('forgets the account and the cache, keeps the server URL for next time', async () => {
    const s = service(fakeFetch(json({ token: 'tok', employee }), json(queueBody([makeItem()]))));
    await s.connect({ serverUrl: 'localhost:8787', code: 'c' });
    expect(await s.getStatus()).toMatchObject({
      connected: true,
      employee,
      items: 1,
      serverUrl: 'http://localhost:8787',
    });

    await s.disconnect();
    expect(await getConnection()).toBeNull();
    expect(await employeeItem.getValue()).toBeNull();
    expect(await serverUrlItem.getValue()).toBe('http://localhost:8787');
    expect(await db.queue.count()).toBe(0);
    expect(await db.getMeta('etag')).toBeUndefined();
    expect(await s.getStatus()).toMatchObject({ connected: false, employee: null, items: 0 });
  });

  it('ends the session on the server first, with the token, then forgets it here', async () => {
    const fetch = fakeFetch((req) => {
      if (req.url.endsWith('/v1/auth/redeem')) return json({ token: 'tok', employee });
      if (req.url.endsWith('/v1/auth/sign-out')) return new Response(null, { status: 204 });
      return json(queueBody([]));
    });
    const s = service(fetch);
    await s.connect({ serverUrl: 'localhost:8787', code: 'c' });
    await s.disconnect();
    const signOut = fetch.requests.filter((r) => r.url === 'http://localhost:8787/v1/auth/sign-out');
    expect(signOut).toHaveLength(1);
    expect(signOut[0]).toMatchObject({ method: 'POST' });
    expect(signOut[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(await getConnection()).toBeNull();
  });

  it('signs out here even when the server is unreachable or refuses', async () => {
    for (const answer of [new TypeError('Failed to fetch'), problem(401, 'Unauthorized', 'The token is not valid')]) {
      const s = service(
        fakeFetch((req) => {
          if (req.url.endsWith('/v1/auth/redeem')) return json({ token: 'tok', employee });
          if (req.url.endsWith('/v1/auth/sign-out')) {
            if (answer instanceof Error) throw answer;
            return answer.clone();
          }
          return json(queueBody([makeItem()]));
        }),
      );
      await s.connect({ serverUrl: 'localhost:8787', code: 'c' });
      expect(await s.disconnect()).toEqual({ ok: true });
      expect(await getConnection()).toBeNull();
      expect(await db.queue.count()).toBe(0);
    }
  });

  it('waits for a server that does not answer only briefly', async () => {
    await saveConnection({ serverUrl: 'http://localhost:8787', token: 'tok', employee });
    const hanging: FetchLike = (_url, init) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    const started = Date.now();
    await createRelayService({ db: () => db, fetch: hanging }).disconnect();
    expect(Date.now() - started).toBeGreaterThanOrEqual(SIGN_OUT_TIMEOUT_MS - 100);
    expect(Date.now() - started).toBeLessThan(SIGN_OUT_TIMEOUT_MS + 2000);
    expect(await getConnection()).toBeNull();
  }, 10_000);

  it('asks the server nothing when not connected', async () => {
    const fetch = fakeFetch(new Error('must not be called'));
    expect(await service(fetch).disconnect()).toEqual({ ok: true });
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('changes to the cached queue', () => {
  it('are announced after connecting, a sync that brought changes and disconnecting, not after a 304 or a failure', async () => {
    let changes = 0;
    let countAtChange = -1;
    // The queue's answers in turn; site profiles (asked after each good sync) have none.
    const queueAnswers: Array<() => Response> = [
      () => json(queueBody([makeItem()]), { headers: { ETag: '"a"' } }),
      () => new Response(null, { status: 304 }),
      () => {
        throw new TypeError('offline');
      },
      () => json(queueBody([makeItem()], { full: false }), { headers: { ETag: '"b"' } }),
    ];
    const fetch = fakeFetch((req) => {
      if (req.url.endsWith('/v1/auth/redeem')) return json({ token: 'tok', employee });
      if (req.url.includes('/v1/queue')) return queueAnswers.shift()!();
      return problem(404, 'Not found', 'No such route.');
    });
    const s = createRelayService({
      db: () => db,
      fetch,
      onQueueChanged: async () => {
        changes += 1;
        countAtChange = await db.queue.count();
      },
    });
    await s.connect({ serverUrl: 'localhost:8787', code: 'c' });
    // Once for the emptied cache, once after the first sync wrote it.
    expect(changes).toBe(2);
    expect(countAtChange).toBe(1);
    await s.sync();
    await s.sync();
    expect(changes).toBe(2);
    await s.sync();
    expect(changes).toBe(3);
    expect(countAtChange).toBe(2);
    await s.disconnect();
    expect(changes).toBe(4);
    expect(countAtChange).toBe(0);
  });
});

describe('ensureSyncAlarm', () => {
  it('creates the 15-minute alarm once and leaves an existing one alone', async () => {
    await ensureSyncAlarm(fakeBrowser.alarms);
    const created = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(created?.periodInMinutes).toBe(SYNC_PERIOD_MINUTES);
    await ensureSyncAlarm(fakeBrowser.alarms);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(created?.scheduledTime);
  });
});
