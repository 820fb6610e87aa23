import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, expectProblem, harnessWith, type Harness } from '../test-support';
import { createLog } from '../log/logger';
import { onErrorLogged } from './fallbacks';
import { listening } from './http-server.test-support';
import { appServer } from './node-listener';
import { MAX_BODY_BYTES } from './validate';

let h: Harness;
let token: string;
beforeEach(async () => ([h, { token }] = await harnessWith('Ana')));
afterEach(() => h.close());

const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

describe('request errors are problem+json', () => {
  it('malformed JSON → 400', async () => {
    const res = await h.request('/v1/shares', {
      method: 'POST',
      headers: { ...auth(token), 'Content-Type': 'application/json' },
      body: '{"shares": [',
    });
    const body = await expectProblem(res, 400);
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('wrong or missing content type → 415', async () => {
    await expectProblem(
      await h.request('/v1/shares', {
        method: 'POST',
        headers: { ...auth(token), 'Content-Type': 'text/plain' },
        body: '{}',
      }),
      415,
    );
    await expectProblem(await h.request('/v1/shares', { method: 'POST', headers: auth(token), body: '{}' }), 415);
  });

  it('accepts application/json with a charset', async () => {
    const res = await h.request('/v1/auth/redeem', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ code: 'AAAA' }),
    });
    await expectProblem(res, 400); // reached the code check: the content type passed
  });

  it('a wrong type names the path', async () => {
    const res = await h.as(token, '/v1/shares', {
      method: 'POST',
      json: { shares: [{ id: 5, itemId: 'x', network: 'x', sharedAt: 'now' }] },
    });
    const body = await expectProblem(res, 422);
    expect(body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['shares.0.id', 'shares.0.itemId', 'shares.0.sharedAt']),
    );
  });

  it('a body over 1 MB → 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ code: 'x'.repeat(MAX_BODY_BYTES + 10) });
    await expectProblem(
      await h.request('/v1/auth/redeem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: big,
      }),
      413,
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const res = await h.request('/v1/auth/redeem', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(res, 413);
  });

  it('unknown routes → 404, known route with another method → 405 with Allow', async () => {
    await expectProblem(await h.as(token, '/v1/nothing-here'), 404);
    await expectProblem(await h.request('/nothing'), 404);
    const res = await h.as(token, '/v1/queue', { method: 'DELETE' });
    await expectProblem(res, 405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('a JSON array or a string where an object belongs → 422 at the root', async () => {
    const res = await h.as(token, '/v1/shares', { method: 'POST', json: [] });
    const body = await expectProblem(res, 422);
    expect(body.errors?.[0]?.path).toBe('(root)');
  });
});

describe('bad inputs never reach a 5xx', () => {
  const junk: unknown[] = [
    null,
    0,
    -1,
    1e308,
    '',
    'x'.repeat(5000),
    true,
    [],
    {},
    [null],
    { a: { b: { c: [] } } },
    '\u0000',
    '💥',
  ];
  const bodies = (shape: (v: unknown) => unknown) => junk.map(shape);

  const cases: Array<[string, string, (v: unknown) => unknown]> = [
    ['POST', '/v1/auth/redeem', (v) => ({ code: v })],
    [
      'POST',
      '/v1/admin/items',
      (v) => ({ url: v, title: v, captions: [{ network: v, text: v, language: v }], publishAt: v }),
    ],
    ['POST', '/v1/admin/invites', (v) => ({ name: v, role: v })],
    ['POST', '/v1/shares', (v) => ({ shares: [{ id: v, itemId: v, network: 'x', sharedAt: v }] })],
    ['PATCH', '/v1/me', (v) => ({ audience: { linkedin: v, x: v } })],
    ['PATCH', '/v1/admin/items/01a20000-0000-7000-8000-000000000000', (v) => ({ title: v, captions: v })],
  ];

  it.each(cases)('%s %s with junk values', async (method, path, shape) => {
    for (const body of [...bodies(shape), ...junk]) {
      const res = await h.request(path, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it.each([
    '/v1/queue?since=%E0%A4%A',
    '/v1/queue?since=' + 'A'.repeat(300),
    '/v1/me/reach?from=yesterday',
    '/v1/me/reach?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
    '/r/' + '%00'.repeat(10),
    '/r/..%2F..%2Fetc',
    '/v1/admin/items/%FF',
  ])('GET %s', async (path) => {
    const res = await h.request(path, {
      headers: { Authorization: `Bearer ${path.startsWith('/v1/admin') ? ADMIN_TOKEN : token}` },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('unexpected failures', () => {
  it('become a 500 problem without a stack trace; the log has the error, with the request id', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLog('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const app = new Hono().onError(onErrorLogged(log)).get('/boom/:id', () => {
      throw new Error('secret internals at /srv/relay/app.ts:12');
    });
    const server = await listening(appServer(app, log));
    try {
      const res = await fetch(`${server.url}/boom/42`);
      const body = await expectProblem(res, 500);
      expect(JSON.stringify(body)).not.toMatch(/secret|app\.ts/);
      const id = res.headers.get('x-request-id');
      await expect.poll(() => lines.length).toBe(2);
      const [error, access] = lines;
      expect(error).toMatchObject({
        level: 'error',
        msg: 'unexpected error',
        req: id,
        route: '/boom/:id',
        status: 500,
      });
      expect((error!.err as { message: string }).message).toContain('secret internals');
      expect(access).toMatchObject({ level: 'info', msg: 'request', req: id, route: '/boom/:id', status: 500 });
    } finally {
      await server.close();
    }
  });
});
