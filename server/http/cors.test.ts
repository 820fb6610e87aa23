import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, harnessWith, type Harness } from '../test-support';
import { originMatcher } from './cors';

describe('originMatcher', () => {
  const allowed = originMatcher(['chrome-extension://*', 'moz-extension://*', 'https://admin.example.com/']);

  it.each([
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', true],
    ['moz-extension://6b2c3f1e-1111-4a4a-9999-0123456789ab', true],
    ['https://admin.example.com', true],
    ['HTTPS://ADMIN.EXAMPLE.COM', true],
    ['https://admin.example.com.evil.test', false],
    ['https://evil.test', false],
    ['chrome-extension://', false],
    ['chrome-extension://abc/path', false],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnoq', false],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmno', false],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.test', false],
    ['moz-extension://not-a-uuid', false],
    ['moz-extension://6b2c3f1e-1111-4a4a-9999-0123456789ab/x', false],
    ['safari-web-extension://abc', false],
    ['null', false],
  ])('%s → %s', (origin, expected) => expect(allowed(origin)).toBe(expected));

  it('pins one extension id when RELAY_CORS_ORIGINS names it, and ignores wildcards of other schemes', () => {
    const pinned = originMatcher(['chrome-extension://abcdefghijklmnopabcdefghijklmnop']);
    expect(pinned('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(true);
    expect(pinned('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).toBe(false);
    expect(originMatcher(['https://*'])('https://evil.test')).toBe(false);
  });
});

describe('CORS on /v1', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => ([h, { token }] = await harnessWith('Ana')));
  afterEach(() => h.close());

  const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

  it('answers the preflight of an extension origin', async () => {
    const res = await h.request('/v1/queue', {
      method: 'OPTIONS',
      headers: {
        Origin: EXT,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
    const allowHeaders = res.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['authorization', 'content-type', 'if-none-match']) expect(allowHeaders).toContain(header);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('exposes ETag on the real response, so the extension can read it', async () => {
    const res = await h.as(token, '/v1/queue', { headers: { Origin: EXT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('keeps the CORS headers on errors, so the extension can read the problem', async () => {
    const res = await h.request('/v1/queue', { headers: { Origin: EXT } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
  });

  it('gives other origins no Access-Control-Allow-Origin', async () => {
    const pre = await h.request('/v1/queue', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.test', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await h.as(token, '/v1/queue', { headers: { Origin: 'https://evil.test' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('follows RELAY_CORS_ORIGINS when given', async () => {
    const custom = await harness({ corsOrigins: ['https://admin.example.com'] });
    try {
      const ok = await custom.request('/v1/openapi.json', { headers: { Origin: 'https://admin.example.com' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      const ext = await custom.request('/v1/openapi.json', { headers: { Origin: EXT } });
      expect(ext.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await custom.close();
    }
  });
});
