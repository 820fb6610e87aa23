import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog } from '../log/logger';
import { harness, type Harness } from '../test-support';
import { listening } from './http-server.test-support';
import { AnswerWithId } from './access-log';
import { appServer } from './node-listener';

// The app is served by a real node:http server, as main.ts serves it: the access log, request ids and
// nosniff are added around the app, not inside it. Seeding goes through the app directly (h.admin…).
let h: Harness;
let lines: Array<Record<string, unknown>>;
let server: Awaited<ReturnType<typeof listening>>;
/** A request over HTTP to the served app (redirects not followed). */
let request: (path: string, init?: RequestInit) => Promise<Response>;
beforeEach(async () => {
  lines = [];
  h = await harness();
  server = await listening(
    appServer(h.app, createLog('info', { write: (line: string) => void lines.push(JSON.parse(line)) }), {}, h.shortcut),
  );
  request = async (path, init = {}) => {
    const res = await fetch(server.url + path, { redirect: 'manual', ...init });
    await res.clone().arrayBuffer();
    return res;
  };
});
afterEach(async () => {
  await server.close();
  await h.close();
});
/** Lines are written when an answer is over, a moment after the client has it. */
const linesAfter = async (n: number) => {
  await expect.poll(() => lines.length).toBeGreaterThanOrEqual(n);
  return lines;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('access log', () => {
  it('one JSON line per request: method, route pattern, status, duration, request id', async () => {
    const res = await request('/healthz');
    const line = (await linesAfter(1))[0]!;
    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/healthz', status: 200 });
    expect(typeof line.ms).toBe('number');
    expect(line.req).toMatch(UUID);
    expect(res.headers.get('x-request-id')).toBe(line.req);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that could forge a log line or a header', async () => {
    const kept = await request('/healthz', { headers: { 'X-Request-Id': 'lb-7f3a:42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a:42');
    const forged = await request('/healthz', { headers: { 'X-Request-Id': 'a"} {"level":"fatal' } });
    expect(forged.headers.get('x-request-id')).toMatch(UUID);
    const long = await request('/healthz', { headers: { 'X-Request-Id': 'x'.repeat(200) } });
    expect(long.headers.get('x-request-id')).toMatch(UUID);
    expect((await linesAfter(3)).map((l) => l.req)).toEqual([
      'lb-7f3a:42',
      forged.headers.get('x-request-id'),
      long.headers.get('x-request-id'),
    ]);
  });

  it('logs the route pattern, never link codes, invite codes, tokens, queries or addresses', async () => {
    const { token } = await h.employee('Ana');
    const invite = await h.admin('/v1/admin/invites', { method: 'POST', json: { name: 'Bo', role: 'employee' } });
    const { code } = (await invite.json()) as { code: string };
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    await request('/r/SECRETLINKCODE1', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    await linesAfter(1);
    await request(`/join?code=${code}`);
    await linesAfter(2);
    await request('/v1/auth/redeem', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    await linesAfter(3);
    await request('/v1/queue?since=abc', auth);
    await linesAfter(4);
    await request('/v1/admin/items/01a20000-0000-7000-8000-000000000000', auth);
    await linesAfter(5);
    await request('/nothing/here/SECRET');
    await linesAfter(6);
    const text = JSON.stringify(lines);
    for (const secret of ['SECRETLINKCODE1', code, token, '203.0.113.9', 'since=', '01a20000', 'SECRET'])
      expect(text).not.toContain(secret);
    expect(lines.map((l) => l.route)).toEqual([
      '/r/:code',
      '/join',
      '/v1/auth/redeem',
      '/v1/queue',
      '/v1/admin/items/:id',
      null,
    ]);
    expect(lines.map((l) => l.status)).toEqual([404, 200, 200, 400, 403, 404]);
  });

  it('logs answers made before the app (a known link, an unchanged queue) like any other', async () => {
    const { token } = await h.employee('Ana');
    await h.createItem();
    const { res, body } = await h.queue(token);
    const link = new URL(body!.items[0]!.links.x).pathname;
    const poll = { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': res.headers.get('etag')! } };
    for (const path of [link, link])
      await request(path, { headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
    await request('/v1/queue', poll);
    await request('/v1/queue', poll);
    const written = await linesAfter(4);
    expect(written.map((l) => [l.route, l.status])).toEqual([
      ['/r/:code', 302],
      ['/r/:code', 302],
      ['/v1/queue', 304],
      ['/v1/queue', 304],
    ]);
    expect(new Set(written.map((l) => l.req)).size).toBe(4);
  });

  it('LOG_LEVEL above info writes no access lines', async () => {
    const quiet: unknown[] = [];
    const warnOnly = await listening(
      appServer(h.app, createLog('warn', { write: (line: string) => void quiet.push(line) })),
    );
    try {
      const res = await fetch(`${warnOnly.url}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      expect(quiet).toEqual([]);
    } finally {
      await warnOnly.close();
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
      await request('/healthz'),
      await request('/nothing'),
      await request('/v1/queue'),
      await request(new URL(link).pathname),
      await request('/v1/queue', { headers: { Authorization: `Bearer ${token}` } }),
      await request('/v1/queue', {
        method: 'OPTIONS',
        headers: {
          Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
          'Access-Control-Request-Method': 'GET',
        },
      }),
      await request('/join?code=x'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 401, 302, 200, 204, 200]);
    for (const res of answers) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('AnswerWithId', () => {
  it('adds the request id and nosniff to whatever form of headers the head is written with, once each', async () => {
    const server = createServer({ ServerResponse: AnswerWithId }, (req, res) => {
      res.requestId = 'id-1';
      if (req.url === '/array') {
        res.writeHead(200, 'Fine', ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'x-content-type-options', 'nosniff']);
      } else if (req.url === '/object') {
        res.writeHead(201, {
          'X-Content-Type-Options': 'nosniff',
          'X-Request-Id': 'forged',
          'Content-Type': 'text/plain',
        });
      } else {
        res.statusCode = 204; // no writeHead of its own: Node writes the head implicitly
      }
      res.end();
    });
    const served = await listening(server);
    try {
      const array = await fetch(`${served.url}/array`);
      expect(array.statusText).toBe('Fine');
      expect(array.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      const object = await fetch(`${served.url}/object`);
      expect(object.headers.get('content-type')).toBe('text/plain');
      const implicit = await fetch(`${served.url}/implicit`);
      expect(implicit.status).toBe(204);
      for (const res of [array, object, implicit]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-request-id')).toBe('id-1');
      }
    } finally {
      await served.close();
    }
  });
});
