import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog } from '../log/logger';
import { harness, type Harness } from '../test-support';

let h: Harness;
let lines: Array<Record<string, unknown>>;
beforeEach(async () => {
  lines = [];
  h = await harness({ log: createLog('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) });
});
afterEach(() => h.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('access log', () => {
  it('one JSON line per request: method, route pattern, status, duration, request id', async () => {
    const res = await h.request('/healthz');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/healthz', status: 200 });
    expect(typeof line.ms).toBe('number');
    expect(line.req).toMatch(UUID);
    expect(res.headers.get('x-request-id')).toBe(line.req);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that could forge a log line or a header', async () => {
    const kept = await h.request('/healthz', { headers: { 'X-Request-Id': 'lb-7f3a:42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a:42');
    const forged = await h.request('/healthz', { headers: { 'X-Request-Id': 'a"} {"level":"fatal' } });
    expect(forged.headers.get('x-request-id')).toMatch(UUID);
    const long = await h.request('/healthz', { headers: { 'X-Request-Id': 'x'.repeat(200) } });
    expect(long.headers.get('x-request-id')).toMatch(UUID);
    expect(lines.map((l) => l.req)).toEqual(['lb-7f3a:42', forged.headers.get('x-request-id'), long.headers.get('x-request-id')]);
  });

  it('logs the route pattern, never link codes, invite codes, tokens, queries or addresses', async () => {
    const { token } = await h.employee('Ana');
    const invite = await h.admin('/v1/admin/invites', { method: 'POST', json: { name: 'Bo', role: 'employee' } });
    const { code } = (await invite.json()) as { code: string };
    lines.length = 0;
    await h.request('/r/SECRETLINKCODE1', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    await h.request(`/join?code=${code}`);
    await h.request('/v1/auth/redeem', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    await h.as(token, '/v1/queue?since=abc');
    await h.as(token, '/v1/admin/items/01a20000-0000-7000-8000-000000000000');
    await h.request('/nothing/here/SECRET');
    const text = JSON.stringify(lines);
    for (const secret of ['SECRETLINKCODE1', code, token, '203.0.113.9', 'since=', '01a20000', 'SECRET']) expect(text).not.toContain(secret);
    expect(lines.map((l) => l.route)).toEqual(['/r/:code', '/join', '/v1/auth/redeem', '/v1/queue', '/v1/admin/items/:id', null]);
    expect(lines.map((l) => l.status)).toEqual([404, 200, 200, 400, 403, 404]);
  });

  it('LOG_LEVEL above info writes no access lines', async () => {
    const quiet: unknown[] = [];
    const app = await harness({ log: createLog('warn', { write: (line: string) => void quiet.push(line) }) });
    try {
      expect((await app.request('/healthz')).status).toBe(200);
      expect(quiet).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('X-Content-Type-Options: nosniff', () => {
  it('is on every answer: success, 404, problem, redirect, preflight, the join page', async () => {
    const item = await h.createItem();
    const { token } = await h.employee('Ana');
    const { body } = await h.queue(token);
    const link = body!.items.find((i) => i.id === item.id)!.links.linkedin;
    const answers = [
      await h.request('/healthz'),
      await h.request('/nothing'),
      await h.request('/v1/queue'),
      await h.request(new URL(link).pathname),
      await h.request('/v1/queue', { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'Access-Control-Request-Method': 'GET' } }),
      await h.request('/join?code=x'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 401, 302, 204, 200]);
    for (const res of answers) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
