import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, expectProblem, harness, testDatabase, type Harness } from '../test-support';
import { countingWrites } from '../test-rows';
import { sha256 } from './secrets';
import { touchIntervalFor } from './token-cache';

let h: Harness;
afterEach(() => h.close());

const lastUsed = async (token: string) =>
  (
    await h.database.db
      .selectFrom('tokens')
      .select('last_used_at')
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst()
  )?.last_used_at;

describe('sessions end after the idle time', () => {
  it('refuses a token unused for the idle time with a 401 that says the session ended, and deletes it', async () => {
    h = await harness({ sessionIdleMs: 30 * DAY });
    const { token } = await h.employee();
    h.clock.now += 30 * DAY - 1;
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    h.clock.now += 30 * DAY;
    const res = await h.as(token, '/v1/me');
    const body = await expectProblem(res, 401);
    expect(body.type).toBe('urn:relay:problem:unauthorized');
    expect(body.detail).toMatch(/session ended.*sign in again/i);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await lastUsed(token)).toBeUndefined();
    // Gone: from now on it is a token like any unknown one.
    expect((await expectProblem(await h.as(token, '/v1/me'), 401)).detail).toMatch(/not valid.*sign in again/);
  });

  it('moves the end with each use, so a session used now and then never ends', async () => {
    h = await harness({ sessionIdleMs: 7 * DAY });
    const { token } = await h.employee();
    for (let week = 0; week < 10; week++) {
      h.clock.now += 6 * DAY;
      expect((await h.as(token, '/v1/me')).status, `week ${week}`).toBe(200);
    }
    expect(await lastUsed(token)).toBe(h.clock.now);
  });

  it('defaults to 90 days', async () => {
    h = await harness();
    const { token } = await h.employee();
    h.clock.now += 89 * DAY;
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    h.clock.now += 90 * DAY;
    await expectProblem(await h.as(token, '/v1/me'), 401);
  });

  it('writes the last use at most once an hour per token, and never on a cache hit', async () => {
    const counted = countingWrites(await testDatabase());
    h = await harness({ database: counted.database });
    const { token } = await h.employee();
    const created = (await lastUsed(token))!;
    const changes = counted.written;
    const before = changes();
    for (let minute = 1; minute <= 59; minute++) {
      h.clock.now += 60_000; // past the 30-second cache now and then: those requests read the row, and write nothing
      expect((await h.as(token, '/v1/me')).status).toBe(200);
    }
    expect(changes() - before).toBe(0);
    expect(await lastUsed(token)).toBe(created);
    // An hour after the last write, the next request moves it, once.
    h.clock.now += 60_000;
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    expect((await h.as(token, '/v1/me')).status).toBe(200);
    expect(await lastUsed(token)).toBe(h.clock.now);
    expect(changes() - before).toBe(1);
  });

  it('answers the queue’s 304 without writing anything', async () => {
    const counted = countingWrites(await testDatabase());
    h = await harness({ database: counted.database });
    const { token } = await h.employee();
    const first = await h.queue(token);
    const etag = first.res.headers.get('etag')!;
    const changes = counted.written;
    const before = changes();
    for (let i = 0; i < 20; i++) {
      h.clock.now += 10 * 60_000; // 200 minutes in all: cache misses, and three hourly writes at most
      expect((await h.queue(token, '', { 'If-None-Match': etag })).res.status).toBe(304);
    }
    expect(changes() - before).toBeLessThanOrEqual(3);
    expect(await lastUsed(token)).toBeGreaterThan(h.clock.now - HOUR);
  });

  it('writes often enough for short idle times (a tenth of it), so e2e tests can use seconds', async () => {
    expect(touchIntervalFor(90 * DAY)).toBe(HOUR);
    expect(touchIntervalFor(5000)).toBe(500);
    h = await harness({ sessionIdleMs: 5000 });
    const { token } = await h.employee();
    for (let i = 0; i < 20; i++) {
      h.clock.now += 1000;
      expect((await h.as(token, '/v1/me')).status).toBe(200);
    }
    h.clock.now += 5000;
    await expectProblem(await h.as(token, '/v1/me'), 401);
  });

  it('deletes long-ended sessions nobody came back with, a day after they ended', async () => {
    h = await harness({ sessionIdleMs: 7 * DAY });
    const idle = await h.employee('Idle');
    const busy = await h.employee('Busy');
    const use = async (at: number) => {
      h.clock.now = at;
      h.tokens.clear();
      expect((await h.as(busy.token, '/v1/me')).status).toBe(200);
    };
    await use(h.clock.now + 6 * DAY);
    await use(h.clock.now + 1.5 * DAY); // Idle ended half a day ago: kept, so coming back says "session ended"
    expect(await lastUsed(idle.token)).toBeDefined();
    await use(h.clock.now + 1.1 * DAY); // and now over a day ago: deleted
    expect(await lastUsed(idle.token)).toBeUndefined();
    expect(await lastUsed(busy.token)).toBeDefined();
  });
});

describe('POST /v1/auth/sign-out', () => {
  it('ends this session only: 204, the token is refused at once (though cached), other sessions live on', async () => {
    h = await harness();
    const { token, id } = await h.employee('Ana');
    const invite = await h.admin(`/v1/admin/employees/${id}/invites`, { method: 'POST' });
    const { code } = (await invite.json()) as { code: string };
    const redeemed = await h.request('/v1/auth/redeem', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const other = ((await redeemed.json()) as { token: string }).token;
    expect((await h.as(token, '/v1/me')).status).toBe(200); // cached

    const res = await h.as(token, '/v1/auth/sign-out', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectProblem(await h.as(token, '/v1/me'), 401);
    expect(await lastUsed(token)).toBeUndefined();
    expect((await h.as(other, '/v1/me')).status).toBe(200);
    // Signing out again: the token is no longer one.
    await expectProblem(await h.as(token, '/v1/auth/sign-out', { method: 'POST' }), 401);
  });

  it('needs a bearer token, and cannot end the bootstrap admin token', async () => {
    h = await harness();
    await expectProblem(await h.request('/v1/auth/sign-out', { method: 'POST' }), 401);
    const body = await expectProblem(await h.admin('/v1/auth/sign-out', { method: 'POST' }), 403);
    expect(body.detail).toMatch(/RELAY_ADMIN_TOKEN/);
    expect((await h.admin('/v1/admin/employees')).status).toBe(200);
  });
});

describe('GET /join', () => {
  it('is a public, script-free page that says what to do with the link, whatever the request says', async () => {
    h = await harness();
    const res = await h.request('/join?invite=<script>alert(1)</script>');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>This is an invitation to Relay</h1>');
    expect(html).toMatch(/open Relay's settings/i);
    expect(html).toMatch(/paste it into the <strong>Invite code<\/strong> field/);
    expect(html).not.toMatch(/<script|alert/);
    // The same bytes whatever was asked.
    expect(await (await h.request('/join')).text()).toBe(html);
  });
});
