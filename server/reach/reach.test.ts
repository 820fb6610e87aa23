import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Reach } from '../../lib/contract/reach';
import { DAY, expectProblem, harness, type Harness } from '../test-support';

// The harness clock starts on Wednesday 18 November 2026, 12:00 UTC.
let h: Harness;
let ana: { token: string; id: string };
let bea: { token: string; id: string };
let cai: { token: string; id: string };
let itemId: string;

beforeEach(async () => {
  h = await harness();
  [ana, bea, cai] = [await h.employee('Ana'), await h.employee('Bea'), await h.employee('Cai')];
  itemId = (await h.createItem()).id;
});
afterEach(() => h.close());

const share = (token: string, network: 'linkedin' | 'x', sharedAt: string) =>
  h.as(token, '/v1/shares', { method: 'POST', json: { shares: [{ id: uuidv7(), itemId, network, sharedAt }] } });

const reach = async (token: string, query = '') => {
  const res = await h.as(token, `/v1/me/reach${query}`);
  expect(res.status).toBe(200);
  return Reach.parse(await res.json());
};

async function clickOn(token: string, network: 'linkedin' | 'x', visitors: number) {
  const link = (await h.queue(token)).body!.items[0]!.links[network];
  for (let i = 0; i < visitors; i++) {
    await h.request(new URL(link).pathname, { headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/${120 + i}.0` } });
  }
}

describe('GET /v1/me/reach', () => {
  it('is all zeros with no rank for someone who has not shared', async () => {
    expect(await reach(ana.token)).toEqual({
      reach: 0, clicks: 0, shares: 0,
      from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
      byNetwork: { linkedin: { reach: 0, clicks: 0, shares: 0 }, x: { reach: 0, clicks: 0, shares: 0 } },
      rank: null, participants: 0, streakWeeks: 0,
    });
  });

  it('sums benchmark audiences by default and the employee\'s own once set, counts clicks, per network', async () => {
    await share(ana.token, 'linkedin', '2026-11-02T09:00:00Z');
    await share(ana.token, 'x', '2026-11-03T09:00:00Z');
    await h.as(ana.token, '/v1/me', { method: 'PATCH', json: { audience: { linkedin: 1000, x: 50 } } });
    await share(ana.token, 'linkedin', '2026-11-17T09:00:00Z');
    await share(ana.token, 'x', '2026-11-18T09:00:00Z');
    await clickOn(ana.token, 'linkedin', 3);
    await clickOn(ana.token, 'x', 1);

    const r = await reach(ana.token);
    expect(r.byNetwork).toEqual({
      linkedin: { reach: 459 + 1000, clicks: 3, shares: 2 },
      x: { reach: 772 + 50, clicks: 1, shares: 2 },
    });
    expect(r).toMatchObject({ reach: 459 + 1000 + 772 + 50, clicks: 4, shares: 4 });
  });

  it('counts only the half-open period asked for', async () => {
    await share(ana.token, 'linkedin', '2026-10-31T23:59:59Z');
    await share(ana.token, 'linkedin', '2026-11-01T00:00:00Z');
    await share(ana.token, 'x', '2026-11-10T00:00:00Z');
    expect((await reach(ana.token)).shares).toBe(2);
    const october = await reach(ana.token, '?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(october).toMatchObject({ shares: 1, reach: 459, from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    const slice = await reach(ana.token, '?from=2026-11-01T00:00:00Z&to=2026-11-10T00:00:00Z');
    expect(slice).toMatchObject({ shares: 1, reach: 459 });
  });

  it('counts clicks by when they happened', async () => {
    await clickOn(ana.token, 'x', 2);
    expect((await reach(ana.token)).clicks).toBe(2);
    expect((await reach(ana.token, '?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z')).clicks).toBe(0);
  });

  it('ranks by reach among those who shared in the period', async () => {
    await share(ana.token, 'linkedin', '2026-11-05T00:00:00Z'); // 459
    await share(bea.token, 'x', '2026-11-05T00:00:00Z'); // 772
    await share(cai.token, 'linkedin', '2026-10-05T00:00:00Z'); // other month
    expect(await reach(bea.token)).toMatchObject({ rank: 1, participants: 2 });
    expect(await reach(ana.token)).toMatchObject({ rank: 2, participants: 2 });
    expect(await reach(cai.token)).toMatchObject({ rank: null, participants: 2, shares: 0 });
    expect(await reach(cai.token, '?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z')).toMatchObject({ rank: 1, participants: 1 });
  });

  it('gives equal reach the same rank', async () => {
    await share(ana.token, 'linkedin', '2026-11-05T00:00:00Z');
    await share(bea.token, 'linkedin', '2026-11-06T00:00:00Z');
    expect((await reach(ana.token)).rank).toBe(1);
    expect((await reach(bea.token)).rank).toBe(1);
  });

  it('counts the streak of consecutive ISO weeks up to now, whatever the period', async () => {
    // Weeks starting Mon 2, 9 and 16 November; 16 Nov is the current week.
    await share(ana.token, 'x', '2026-11-03T10:00:00Z');
    await share(ana.token, 'x', '2026-11-15T23:59:00Z'); // Sunday: still the week of 9 Nov
    expect((await reach(ana.token)).streakWeeks).toBe(2); // none yet this week: counts to last week
    await share(ana.token, 'x', '2026-11-16T00:00:00Z');
    expect((await reach(ana.token)).streakWeeks).toBe(3);
    expect((await reach(ana.token, '?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).streakWeeks).toBe(3);
    h.clock.now += 14 * DAY; // two weeks later, nothing new: the streak is over
    expect((await reach(ana.token)).streakWeeks).toBe(0);
  });

  it('answers 400 for a bad period', async () => {
    await expectProblem(await h.as(ana.token, '/v1/me/reach?from=2026-11-10T00:00:00Z&to=2026-11-01T00:00:00Z'), 400);
    const body = await expectProblem(await h.as(ana.token, '/v1/me/reach?to=next-week'), 400);
    expect(body.errors?.[0]?.path).toBe('to');
  });
});
