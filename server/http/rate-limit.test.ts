import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, harness, type Harness } from '../test-support';
import { CODE_GUESSES, SIGN_IN_STARTS, TokenBuckets, addressKey } from './rate-limit';

let h: Harness;
beforeEach(async () => {
  h = await harness({ trustProxy: true });
});
afterEach(() => h.close());

const redeem = (code: string, from = '198.51.100.7') =>
  h.request('/v1/auth/redeem', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ code }),
  });

const inviteCode = async () => {
  const res = await h.admin('/v1/admin/invites', { method: 'POST', json: { name: 'Ana', role: 'employee' } });
  return ((await res.json()) as { code: string }).code;
};

describe('POST /v1/auth/redeem is rate-limited per address', () => {
  it('answers the first wrong codes, then 429 problem+json with Retry-After, also for a right code', async () => {
    for (let i = 0; i < CODE_GUESSES.burst; i++) await expectProblem(await redeem('WRONGCODE'), 400);
    const limited = await redeem('WRONGCODE');
    const body = await expectProblem(limited, 429);
    expect(body.type).toBe('urn:relay:problem:rate-limited');
    expect(limited.headers.get('retry-after')).toBe(String(CODE_GUESSES.refillEveryMs / 1000));
    expect((await redeem(await inviteCode())).status).toBe(429);
  });

  it('lets one more attempt through once Retry-After has passed', async () => {
    for (let i = 0; i < CODE_GUESSES.burst; i++) await redeem('WRONGCODE');
    const retryAfter = Number((await redeem('WRONGCODE')).headers.get('retry-after'));
    h.clock.now += retryAfter * 1000;
    expect((await redeem(await inviteCode())).status).toBe(200);
    await expectProblem(await redeem('WRONGCODE'), 400);
    await expectProblem(await redeem('WRONGCODE'), 429);
  });

  it('limits each address on its own', async () => {
    for (let i = 0; i < CODE_GUESSES.burst + 1; i++) await redeem('WRONGCODE', '198.51.100.7');
    await expectProblem(await redeem('WRONGCODE', '198.51.100.7'), 429);
    await expectProblem(await redeem('WRONGCODE', '203.0.113.20'), 400);
  });

  it('does not count successful redeems: a whole office behind one address can join', async () => {
    for (let i = 0; i < CODE_GUESSES.burst * 3; i++) expect((await redeem(await inviteCode())).status).toBe(200);
  });

  it('counts one IPv6 /64 as one address', async () => {
    for (let i = 0; i < CODE_GUESSES.burst; i++) await redeem('WRONGCODE', `2001:db8:1:2::${(i + 1).toString(16)}`);
    await expectProblem(await redeem('WRONGCODE', '2001:db8:1:2:ffff::1'), 429);
    await expectProblem(await redeem('WRONGCODE', '2001:db8:1:3::1'), 400);
  });
});

describe('POST /v1/auth/oidc/redeem and GET /v1/auth/oidc/start', () => {
  it('are limited too (refusals count)', async () => {
    const post = () =>
      h.request('/v1/auth/oidc/redeem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.7' },
        body: JSON.stringify({ code: 'x'.repeat(43), verifier: 'y'.repeat(43) }),
      });
    for (let i = 0; i < CODE_GUESSES.burst; i++) expect((await post()).status).toBeLessThan(429);
    await expectProblem(await post(), 429);

    const start = () =>
      h.request('/v1/auth/oidc/start?return_to=https://x.chromiumapp.org/&challenge=c', {
        headers: { 'X-Forwarded-For': '198.51.100.7' },
      });
    for (let i = 0; i < SIGN_IN_STARTS.burst; i++) expect((await start()).status).toBeLessThan(429);
    const limited = await start();
    await expectProblem(limited, 429);
    expect(limited.headers.get('retry-after')).toBe(String(SIGN_IN_STARTS.refillEveryMs / 1000));
  });
});

describe('redirects are never rate-limited', () => {
  it('counts every distinct visitor behind one office address', async () => {
    const item = await h.createItem();
    const { token } = await h.employee('Ana');
    const { body } = await h.queue(token);
    const path = new URL(body!.items.find((i) => i.id === item.id)!.links.linkedin).pathname;
    const readers = 200;
    for (let i = 0; i < readers; i++) {
      const res = await h.request(path, {
        headers: { 'X-Forwarded-For': '198.51.100.7', 'User-Agent': `Mozilla/5.0 reader ${i}` },
      });
      expect(res.status).toBe(302);
    }
    expect(await h.flushClicks()).toBe(readers);
  });
});

describe('TokenBuckets', () => {
  it('keeps its memory bounded, forgetting full buckets first', () => {
    const buckets = new TokenBuckets({ burst: 2, refillEveryMs: 1000 }, 100);
    buckets.take('attacker', 0);
    buckets.take('attacker', 0);
    for (let i = 0; i < 99; i++) buckets.take(`visitor-${i}`, 0);
    expect(buckets.size).toBe(100);
    // A second later the visitors' buckets are full again (as good as forgotten); the attacker's is not.
    for (let i = 0; i < 50; i++) buckets.take(`later-${i}`, 1000);
    expect(buckets.size).toBeLessThanOrEqual(100);
    expect(buckets.take('attacker', 1000)).toBe(0);
    expect(buckets.take('attacker', 1000)).toBeGreaterThan(0);
    for (let i = 0; i < 1000; i++) buckets.take(`flood-${i}`, 1000);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });

  it('tells how long until the next token', () => {
    const buckets = new TokenBuckets({ burst: 1, refillEveryMs: 6000 });
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 1000)).toBe(5000);
    expect(buckets.take('a', 6000)).toBe(0);
  });

  it('keys addresses: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by /64', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('2001:db8:1:2::5')).toBe(addressKey('2001:db8:1:2:ab:cd:ef:1'));
    expect(addressKey('2001:db8:1:2::5')).not.toBe(addressKey('2001:db8:1:3::5'));
  });
});
