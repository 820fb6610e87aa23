import { beforeEach, describe, expect, it, vi } from 'vitest';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { RelayDb } from '../db';
import { fakeFetch, freshDb, json, problem, type RecordedRequest } from '../test-support';
import {
  LEASE_MS,
  MAX_REJECTED_ATTEMPTS,
  backoffDelay,
  flushOutbox,
  outboxCounts,
  parseRetryAfter,
  recordShare,
  type FlushDeps,
  type NewShare,
} from './index';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const connection = { serverUrl: 'http://127.0.0.1:8787', token: 'tok' };
let db: RelayDb;

beforeEach(() => {
  db = freshDb();
});

function share(overrides: Partial<NewShare> = {}): NewShare {
  return {
    itemId: crypto.randomUUID(),
    network: 'x',
    captionId: crypto.randomUUID(),
    edited: false,
    sharedAt: '2026-03-01T13:00:00+01:00',
    title: 'An article',
    ...overrides,
  };
}

const sentIds = (req: RecordedRequest) =>
  (JSON.parse(req.body!) as { shares: Array<{ id: string }> }).shares.map((s) => s.id);

/** The real server's behaviour: every id accepted (or duplicate when seen before). */
function acceptingServer() {
  const seen = new Set<string>();
  return (req: RecordedRequest) => {
    const ids = sentIds(req);
    const accepted = ids.filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    return json({ accepted, duplicates: ids.filter((id) => !accepted.includes(id)) });
  };
}

/** The accepting server, holding every answer until `release()`: a flush kept in flight. */
function heldServer() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const server = acceptingServer();
  const fetch = fakeFetch(async (req) => {
    await gate;
    return server(req);
  });
  return { fetch, release };
}

function deps(fetch: ReturnType<typeof fakeFetch>, overrides: Partial<FlushDeps> = {}) {
  const schedule = vi.fn(async (_when: number | null) => undefined);
  return {
    schedule,
    deps: {
      db,
      getConnection: async () => connection,
      schedule,
      fetch,
      now: () => NOW,
      random: () => 0.5,
      owner: 'worker-1',
      ...overrides,
    } satisfies FlushDeps,
  };
}

describe('recordShare', () => {
  it('stores the share in history and outbox under one new UUIDv7', async () => {
    const s = share();
    const id = await recordShare(db, s, NOW);
    expect(isUuid(id) && uuidVersion(id)).toBe(7);
    const history = await db.history.get(id);
    const outbox = await db.outbox.get(id);
    expect(history).toMatchObject({
      id,
      itemId: s.itemId,
      network: 'x',
      captionId: s.captionId,
      edited: false,
      title: 'An article',
      state: 'pending',
    });
    // Stored in UTC so that the sharedAt index sorts by time.
    expect(history!.sharedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(outbox).toEqual({
      id,
      share: {
        id,
        itemId: s.itemId,
        network: 'x',
        captionId: s.captionId,
        edited: false,
        sharedAt: '2026-03-01T12:00:00.000Z',
      },
      attempts: 0,
      nextAttemptAt: NOW,
      state: 'waiting',
    });
  });

  it('makes time-ordered ids, also within one millisecond and when the clock steps back', async () => {
    const ids = [];
    for (const at of [NOW, NOW, NOW, NOW + 1, NOW - 5_000, NOW + 2]) ids.push(await recordShare(db, share(), at));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes neither row when the transaction fails', async () => {
    const failing = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(recordShare(db, share(), NOW)).rejects.toThrow('disk full');
    failing.mockRestore();
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('flushOutbox', () => {
  it('sends waiting shares and removes exactly the ids the server listed', async () => {
    const ids = [
      await recordShare(db, share(), NOW),
      await recordShare(db, share(), NOW),
      await recordShare(db, share(), NOW),
    ];
    // The server confirms the first as accepted, the second as a duplicate, and leaves the third out.
    const fetch = fakeFetch(() => json({ accepted: [ids[0]], duplicates: [ids[1]] }));
    const { deps: d, schedule } = deps(fetch);
    const result = await flushOutbox(d);

    expect(result).toEqual({ outcome: 'sent', sent: 2 });
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/shares');
    expect(fetch.requests[0]!.method).toBe('POST');
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(sentIds(fetch.requests[0]!)).toEqual(ids);
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([ids[2]]);
    expect((await db.history.bulkGet(ids)).map((r) => r!.state)).toEqual(['synced', 'synced', 'pending']);
    // The unconfirmed one waits with a backoff, and the alarm points at it.
    const left = (await db.outbox.get(ids[2]!))!;
    expect(left.attempts).toBe(1);
    expect(left.nextAttemptAt).toBeGreaterThan(NOW);
    expect(schedule).toHaveBeenLastCalledWith(left.nextAttemptAt);
  });

  it('keeps everything when the answer breaks the contract', async () => {
    const id = await recordShare(db, share(), NOW);
    const fetch = fakeFetch(json({ accepted: 'all' }));
    const result = await flushOutbox(deps(fetch).deps);
    expect(result).toMatchObject({ outcome: 'retry-later' });
    expect(await db.outbox.get(id)).toMatchObject({ attempts: 1, state: 'waiting' });
    expect((await db.history.get(id))!.state).toBe('pending');
  });

  it('ignores ids in the answer that it did not send', async () => {
    const id = await recordShare(db, share(), NOW);
    const other = crypto.randomUUID();
    await db.outbox.put({
      id: other,
      share: { id: other, itemId: crypto.randomUUID(), network: 'x', sharedAt: '2026-03-01T12:00:00Z' },
      attempts: 0,
      nextAttemptAt: NOW + 60_000,
      state: 'waiting',
    });
    const fetch = fakeFetch(json({ accepted: [id, other], duplicates: [] }));
    await flushOutbox(deps(fetch).deps);
    expect(sentIds(fetch.requests[0]!)).toEqual([id]);
    expect(await db.outbox.get(other)).toBeDefined();
  });

  it('sends at most 500 per request, oldest first', async () => {
    const rows = Array.from({ length: 1201 }, (_, n) => share({ title: `#${n}` }));
    // One outer transaction (recordShare's own joins it): 1,201 separate commits in fake-indexeddb took ~5 s.
    await db.transaction('rw', db.history, db.historyMonths, db.outbox, async () => {
      for (const [n, s] of rows.entries()) await recordShare(db, s, NOW - 2000 + n);
    });
    const fetch = fakeFetch(acceptingServer());
    const result = await flushOutbox(deps(fetch).deps);
    expect(result).toEqual({ outcome: 'sent', sent: 1201 });
    expect(fetch.requests.map((r) => sentIds(r).length)).toEqual([500, 500, 201]);
    const all = fetch.requests.flatMap(sentIds);
    expect(all).toEqual([...all].sort());
    expect(await db.outbox.count()).toBe(0);
  }, 30_000);

  it('on a 5xx keeps the shares and schedules a retry with full jitter', async () => {
    const id = await recordShare(db, share(), NOW);
    for (const [random, attempts] of [
      [0, 1],
      [0.999999, 1],
      [0.5, 3],
    ] as const) {
      await db.outbox.update(id, { attempts: attempts - 1, nextAttemptAt: NOW });
      const fetch = fakeFetch(problem(503, 'Unavailable', 'Try later'));
      const { deps: d, schedule } = deps(fetch, { random: () => random });
      const result = await flushOutbox(d);
      const row = (await db.outbox.get(id))!;
      const window = BACKOFF_BASE_MS * 2 ** (attempts - 1);
      expect(result).toMatchObject({ outcome: 'retry-later', nextAttemptAt: row.nextAttemptAt });
      expect(row.attempts).toBe(attempts);
      expect(row.nextAttemptAt - NOW).toBeGreaterThanOrEqual(0);
      expect(row.nextAttemptAt - NOW).toBeLessThanOrEqual(window);
      expect(row.nextAttemptAt - NOW).toBe(Math.floor(random * window));
      expect(schedule).toHaveBeenLastCalledWith(row.nextAttemptAt);
    }
    expect((await db.history.get(id))!.state).toBe('pending');
  });

  it('treats no answer, 408 and 429 as transient too', async () => {
    const id = await recordShare(db, share(), NOW);
    for (const answer of [
      new TypeError('Failed to fetch'),
      problem(408, 'Timeout', 't'),
      problem(429, 'Slow down', 's'),
    ]) {
      await db.outbox.update(id, { attempts: MAX_REJECTED_ATTEMPTS + 3, nextAttemptAt: NOW });
      const result = await flushOutbox(deps(fakeFetch(answer)).deps);
      expect(result).toMatchObject({ outcome: 'retry-later' });
      // Never marked failed, however many attempts.
      expect((await db.outbox.get(id))!.state).toBe('waiting');
    }
  });

  it('does not send before the backoff is over, unless forced', async () => {
    const id = await recordShare(db, share(), NOW);
    await db.outbox.update(id, { attempts: 2, nextAttemptAt: NOW + 60_000 });
    const fetch = fakeFetch(acceptingServer());
    const { deps: d, schedule } = deps(fetch);
    expect(await flushOutbox(d)).toEqual({ outcome: 'idle', sent: 0 });
    expect(fetch.requests).toHaveLength(0);
    expect(schedule).toHaveBeenLastCalledWith(NOW + 60_000);
    expect(await flushOutbox(d, { force: true })).toEqual({ outcome: 'sent', sent: 1 });
    expect(schedule).toHaveBeenLastCalledWith(null);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const id = await recordShare(db, share(), NOW);
    const retry = (value: string) =>
      new Response('{}', { status: 429, headers: { 'Retry-After': value, 'Content-Type': 'application/json' } });

    await flushOutbox(deps(fakeFetch(retry('120')), { random: () => 0 }).deps);
    expect((await db.outbox.get(id))!.nextAttemptAt).toBe(NOW + 120_000);

    await db.outbox.update(id, { nextAttemptAt: NOW });
    await flushOutbox(deps(fakeFetch(retry(new Date(NOW + 3_600_000).toUTCString())), { random: () => 0 }).deps);
    expect((await db.outbox.get(id))!.nextAttemptAt).toBe(NOW + 3_600_000);

    // A Retry-After shorter than the jittered delay does not shorten it.
    await db.outbox.update(id, { attempts: 5, nextAttemptAt: NOW });
    await flushOutbox(deps(fakeFetch(retry('1')), { random: () => 0.5 }).deps);
    expect((await db.outbox.get(id))!.nextAttemptAt).toBe(NOW + Math.floor(0.5 * BACKOFF_BASE_MS * 2 ** 5));
  });

  it('marks shares refused with a 4xx as failed after a few attempts, keeps them, and stops sending them', async () => {
    const id = await recordShare(db, share(), NOW);
    const fetch = fakeFetch(problem(400, 'Invalid body', 'no item has this id'));
    for (let attempt = 1; attempt <= MAX_REJECTED_ATTEMPTS; attempt++) {
      await flushOutbox(deps(fetch).deps, { force: true });
      expect((await db.outbox.get(id))!.attempts).toBe(attempt);
    }
    expect(await db.outbox.get(id)).toMatchObject({ state: 'failed', lastError: 'no item has this id' });
    expect((await db.history.get(id))!.state).toBe('failed');
    const before = fetch.requests.length;
    expect(await flushOutbox(deps(fetch).deps, { force: true })).toEqual({ outcome: 'idle', sent: 0 });
    expect(fetch.requests).toHaveLength(before);
    expect(before).toBe(MAX_REJECTED_ATTEMPTS);
  });

  it('delivers the rest of a batch when the server refuses it because of one share', async () => {
    const good = [];
    for (let n = 0; n < 7; n++) good.push(await recordShare(db, share(), NOW - 10 + n));
    const bad = await recordShare(db, share({ title: 'deleted item' }), NOW - 5);
    const server = acceptingServer();
    const fetch = fakeFetch((req) =>
      sentIds(req).includes(bad) ? problem(400, 'Invalid body', 'These items do not exist') : server(req),
    );
    const result = await flushOutbox(deps(fetch).deps);
    expect(result).toEqual({ outcome: 'sent', sent: 7 });
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([bad]);
    expect((await db.outbox.get(bad))!.attempts).toBe(1);
    expect(fetch.requests.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(8)) + 1);
  });

  it('stops on 401 without counting an attempt, and waits for the person to reconnect', async () => {
    const id = await recordShare(db, share(), NOW);
    const fetch = fakeFetch(problem(401, 'Unauthorized', 'Token revoked'));
    const { deps: d, schedule } = deps(fetch);
    expect(await flushOutbox(d)).toEqual({ outcome: 'signed-out', sent: 0 });
    expect(await db.outbox.get(id)).toMatchObject({ attempts: 0, state: 'waiting' });
    expect(schedule).toHaveBeenLastCalledWith(null);
  });

  it('sends nothing when not connected', async () => {
    await recordShare(db, share(), NOW);
    const fetch = fakeFetch(acceptingServer());
    expect(await flushOutbox(deps(fetch, { getConnection: async () => null }).deps)).toEqual({
      outcome: 'not-connected',
      sent: 0,
    });
    expect(fetch.requests).toHaveLength(0);
  });

  it('sends only the signed-in employee’s shares: another person’s and nobody’s wait, kept', async () => {
    const mine = await recordShare(db, share({ employeeId: 'me' }), NOW);
    const theirs = await recordShare(db, share({ employeeId: 'someone-else' }), NOW);
    // Recorded while nobody was signed in: no session vouches for it, so no identity may claim it.
    const nobodys = await recordShare(db, share(), NOW);
    const fetch = fakeFetch(acceptingServer());
    const { deps: d, schedule } = deps(fetch, { getEmployeeId: async () => 'me' });
    expect(await flushOutbox(d, { force: true })).toEqual({ outcome: 'sent', sent: 1 });
    expect(fetch.requests).toHaveLength(1);
    expect(sentIds(fetch.requests[0]!)).toEqual([mine]);
    expect(await db.outbox.get(theirs)).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(await db.outbox.get(nobodys)).toMatchObject({ state: 'waiting', attempts: 0 });
    // Nothing of this person's is left, so no alarm keeps waking the worker for the others' rows.
    expect(schedule).toHaveBeenLastCalledWith(null);
  });

  it('sends a person’s waiting shares once that same person is signed in again', async () => {
    const first = await recordShare(db, share({ employeeId: 'someone-else' }), NOW);
    const fetch = fakeFetch(acceptingServer());
    let who = 'me';
    const { deps: d } = deps(fetch, { getEmployeeId: async () => who });
    expect(await flushOutbox(d, { force: true })).toEqual({ outcome: 'idle', sent: 0 });
    who = 'someone-else';
    expect(await flushOutbox(d, { force: true })).toEqual({ outcome: 'sent', sent: 1 });
    expect(sentIds(fetch.requests[0]!)).toEqual([first]);
  });

  it('sends nothing when the employee is unknown', async () => {
    await recordShare(db, share({ employeeId: 'me' }), NOW);
    await recordShare(db, share(), NOW);
    const fetch = fakeFetch(acceptingServer());
    expect(await flushOutbox(deps(fetch, { getEmployeeId: async () => null }).deps, { force: true })).toEqual({
      outcome: 'idle',
      sent: 0,
    });
    expect(fetch.requests).toHaveLength(0);
  });

  it('runs one flush at a time: concurrent calls share one request', async () => {
    await recordShare(db, share(), NOW);
    const { fetch, release } = heldServer();
    const { deps: d } = deps(fetch);
    const first = flushOutbox(d, { force: true });
    const second = flushOutbox(d);
    const third = flushOutbox(d, { force: true });
    expect(second).toBe(first);
    expect(third).toBe(first);
    await vi.waitFor(() => expect(fetch.requests).toHaveLength(1));
    release();
    expect(await Promise.all([first, second, third])).toEqual(Array(3).fill({ outcome: 'sent', sent: 1 }));
    expect(fetch.requests).toHaveLength(1);
  });

  it('runs a forced flush asked for during a normal one right after it, for shares still in backoff', async () => {
    const due = await recordShare(db, share(), NOW - 1);
    const later = await recordShare(db, share(), NOW);
    await db.outbox.update(later, { attempts: 2, nextAttemptAt: NOW + 60_000 });
    const { fetch, release } = heldServer();
    const { deps: d } = deps(fetch);
    const normal = flushOutbox(d);
    const forced = flushOutbox(d, { force: true });
    expect(forced).not.toBe(normal);
    expect(flushOutbox(d, { force: true })).toBe(forced);
    release();
    expect(await normal).toEqual({ outcome: 'sent', sent: 1 });
    expect(await forced).toEqual({ outcome: 'sent', sent: 1 });
    expect(fetch.requests.map(sentIds)).toEqual([[due], [later]]);
  });

  it('after a worker stopped mid-flush, a new worker waits for the lease, then re-sends the same ids', async () => {
    const ids = [await recordShare(db, share(), NOW - 1), await recordShare(db, share(), NOW)];
    // Worker 1 sends, the server records the shares, and the worker is stopped before it reads the answer.
    const server = acceptingServer();
    const hung = fakeFetch((req) => {
      server(req);
      return new Promise<Response>(() => undefined);
    });
    void flushOutbox(deps(hung, { owner: 'worker-1' }).deps);
    await vi.waitFor(() => expect(hung.requests).toHaveLength(1));

    // Worker 2 starts with its own connection to the same database.
    const db2 = new RelayDb(db.name);
    const fetch2 = fakeFetch(server);
    const worker2 = (now: number) => deps(fetch2, { db: db2, owner: 'worker-2', now: () => now }).deps;
    const busy = deps(fetch2, { db: db2, owner: 'worker-2', now: () => NOW + 1000 });
    expect(await flushOutbox(busy.deps)).toEqual({ outcome: 'busy' });
    expect(fetch2.requests).toHaveLength(0);
    // It looks again when the lease runs out (an alarm, in the extension).
    expect(busy.schedule).toHaveBeenLastCalledWith(NOW + LEASE_MS);

    // Once the lease has run out, worker 2 delivers: the same ids, which the server counts as duplicates.
    const result = await flushOutbox(worker2(NOW + LEASE_MS + 1));
    expect(result).toEqual({ outcome: 'sent', sent: 2 });
    expect(sentIds(fetch2.requests[0]!)).toEqual(ids);
    expect(sentIds(hung.requests[0]!)).toEqual(ids);
    expect(await db2.outbox.count()).toBe(0);
    expect((await db2.history.bulkGet(ids)).map((r) => r!.state)).toEqual(['synced', 'synced']);
    db2.close();
  });

  it('releases the lease when done, so the next flush can run', async () => {
    await recordShare(db, share(), NOW);
    const fetch = fakeFetch(problem(503, 'Unavailable', 'later'));
    await flushOutbox(deps(fetch, { owner: 'a' }).deps);
    expect(await db.getMeta('outboxLease')).toBeUndefined();
    expect(await flushOutbox(deps(fetch, { owner: 'b' }).deps, { force: true })).toMatchObject({
      outcome: 'retry-later',
    });
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with the jitter inside the window', () => {
    expect(backoffDelay(1, 0.999999)).toBeLessThan(BACKOFF_BASE_MS);
    expect(backoffDelay(2, 0.5)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(4, 0.5)).toBe(4 * BACKOFF_BASE_MS);
    expect(backoffDelay(40, 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(3, 0)).toBe(0);
  });

  it('is never shorter than Retry-After (bounded to a day)', () => {
    expect(backoffDelay(1, 0, 90_000)).toBe(90_000);
    expect(backoffDelay(1, 0, 10 * 24 * 3_600_000)).toBe(24 * 3_600_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe('outboxCounts', () => {
  it('counts the shares waiting and those the server refused for good', async () => {
    expect(await outboxCounts(db)).toEqual({ waiting: 0, failed: 0 });
    const [first] = await Promise.all([recordShare(db, share(), NOW), recordShare(db, share(), NOW)]);
    await db.outbox.update(first, { state: 'failed' });
    expect(await outboxCounts(db)).toEqual({ waiting: 1, failed: 1 });
  });
});
