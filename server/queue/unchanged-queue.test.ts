import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, HOUR, expectProblem, harness, type Harness } from '../test-support';

// A served harness: requests go through the server main.ts builds, whose shortcut answers a poll that finds
// nothing new before the app. `h.app.request` asks the app itself, for the answer the shortcut must match.
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let h: Harness;
let ana: { token: string; id: string };
let etag: string;
beforeEach(async () => {
  h = await harness({ served: true });
  ana = await h.employee('Ana');
  await h.createItem();
  etag = (await h.queue(ana.token)).res.headers.get('etag')!;
});
afterEach(() => h.close());

const poll = (headers: Record<string, string> = {}, token = ana.token, path = '/v1/queue') =>
  h.as(token, path, { headers: { 'If-None-Match': etag, ...headers } });
const fromApp = (headers: Record<string, string> = {}) =>
  h.app.request('/v1/queue', { headers: { Authorization: `Bearer ${ana.token}`, 'If-None-Match': etag, ...headers } });
/** Headers that belong to the answer, not to its connection or its moment. */
const answerHeaders = (res: Response) =>
  Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(name)),
  );
/** Runs `ask` and says how many of its requests reached the app. */
const appRequestsIn = async (ask: () => Promise<unknown>) => {
  const before = h.appRequests;
  await ask();
  return h.appRequests - before;
};

describe('a queue poll that finds nothing new, served', () => {
  it('is answered 304 before the app, with the headers the app gives', async () => {
    let res!: Response;
    expect(await appRequestsIn(async () => (res = await poll()))).toBe(0);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(answerHeaders(res)).toEqual({ ...answerHeaders(await fromApp()), 'x-content-type-options': 'nosniff' });
  });

  it('carries the CORS headers the app gives an allowed extension origin', async () => {
    let res!: Response;
    expect(await appRequestsIn(async () => (res = await poll({ Origin: EXTENSION })))).toBe(0);
    expect(res.status).toBe(304);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(answerHeaders(res)).toEqual({
      ...answerHeaders(await fromApp({ Origin: EXTENSION })),
      'x-content-type-options': 'nosniff',
    });
  });

  it('leaves to the app an origin it does not allow, a query, a changed queue and the admin token', async () => {
    expect(await appRequestsIn(() => poll({ Origin: 'https://evil.example' }))).toBe(1);
    expect(await appRequestsIn(() => poll({}, ana.token, '/v1/queue?since=x'))).toBe(1);
    expect(await appRequestsIn(() => poll({}, ADMIN_TOKEN))).toBe(1);
    await expectProblem(await poll({}, ADMIN_TOKEN), 403);
    await h.createItem({ title: 'another' });
    let res!: Response;
    expect(await appRequestsIn(async () => (res = await poll()))).toBe(1);
    expect(res.status).toBe(200);
  });

  it('never answers for a session that was signed out or a person who was deactivated', async () => {
    const bea = await h.employee('Bea');
    const beasTag = (await h.queue(bea.token)).res.headers.get('etag')!;
    expect((await poll({ 'If-None-Match': beasTag }, bea.token)).status).toBe(304);
    await h.as(bea.token, '/v1/auth/sign-out', { method: 'POST' });
    await expectProblem(await poll({ 'If-None-Match': beasTag }, bea.token), 401);

    expect((await poll()).status).toBe(304);
    await h.admin(`/v1/admin/employees/${ana.id}`, { method: 'PATCH', json: { active: false } });
    await expectProblem(await poll(), 401);
  });

  it('lets the app record that a session is still in use once its last use is due to be written', async () => {
    const lastUsed = () =>
      h.database.db
        .selectFrom('tokens')
        .select('last_used_at')
        .where('employee_id', '=', ana.id)
        .executeTakeFirstOrThrow();
    const before = Number((await lastUsed()).last_used_at);
    h.clock.now += HOUR;
    let res!: Response;
    expect(await appRequestsIn(async () => (res = await poll()))).toBe(1);
    expect(res.status).toBe(304);
    expect(Number((await lastUsed()).last_used_at)).toBe(before + HOUR);
    expect(await appRequestsIn(() => poll())).toBe(0);
  });
});
