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
  // Published long before the shares below, which are each delivered when made (the server refuses
  // shares dated before their item was published, or more than 30 days old).
  itemId = (await h.createItem({ publishAt: '2024-01-01T00:00:00Z' })).id;
});
afterEach(() => h.close());

async function share(token: string, network: 'linkedin' | 'x', sharedAt: string) {
  const now = h.clock.now;
  h.clock.now = Math.max(Date.parse(sharedAt), Date.parse('2024-01-01T00:00:00Z'));
  try {
    const res = await h.as(token, '/v1/shares', {
      method: 'POST',
      json: { shares: [{ id: uuidv7(), itemId, network, sharedAt }] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return res;
  } finally {
    h.clock.now = now;
  }
}

const reach = async (token: string, query = '') => {
  const res = await h.as(token, `/v1/me/reach${query}`);
  expect(res.status).toBe(200);
  return Reach.parse(await res.json());
};

async function clickOn(token: string, network: 'linkedin' | 'x', visitors: number) {
  const link = (await h.queue(token)).body!.items[0]!.links[network];
  for (let i = 0; i < visitors; i++) {
    await h.request(new URL(link).pathname, {
      headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/${120 + i}.0` },
    });
  }
}

describe('GET /v1/me/reach', () => {
  it('is all zeros with no rank for someone who has not shared', async () => {
    const r = await reach(ana.token);
    expect(r).toMatchObject({
      reach: 0,
      clicks: 0,
      shares: 0,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      byNetwork: { linkedin: { reach: 0, clicks: 0, shares: 0 }, x: { reach: 0, clicks: 0, shares: 0 } },
      rank: null,
      participants: 0,
      streakWeeks: 0,
      lifetime: { reach: 0, clicks: 0, shares: 0 },
    });
    expect(r.weeks.every((w) => w.reach === 0 && w.clicks === 0 && w.shares === 0)).toBe(true);
    expect(r.badges.map((b) => [b.id, b.earned])).toEqual([
      ['first-share', false],
      ['shares-10', false],
      ['shares-50', false],
      ['reach-1k', false],
      ['reach-10k', false],
      ['clicks-100', false],
    ]);
  });

  it("sums benchmark audiences by default and the employee's own once set, counts clicks, per network", async () => {
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
    expect(october).toMatchObject({
      shares: 1,
      reach: 459,
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
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
    expect(await reach(cai.token, '?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z')).toMatchObject({
      rank: 1,
      participants: 1,
    });
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

  it('gives the last 12 ISO weeks up to this one, oldest first, for the sparkline', async () => {
    // The current week starts Monday 16 November 2026; the first of the twelve, Monday 31 August.
    await share(ana.token, 'linkedin', '2026-08-30T23:59:59Z'); // the Sunday before: outside
    await share(ana.token, 'linkedin', '2026-08-31T00:00:00Z'); // first week
    await share(ana.token, 'x', '2026-09-06T23:59:59Z'); // still the first week
    await share(ana.token, 'x', '2026-11-10T08:00:00Z'); // week of 9 Nov
    await share(ana.token, 'linkedin', '2026-11-16T00:00:00Z'); // this week
    await share(bea.token, 'linkedin', '2026-11-16T00:00:00Z'); // someone else's
    await clickOn(ana.token, 'x', 2); // clicked now, Wednesday 18 November

    const { weeks } = await reach(ana.token, '?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(weeks).toHaveLength(12);
    expect(weeks[0]!.start).toBe('2026-08-31T00:00:00.000Z');
    expect(weeks[11]!.start).toBe('2026-11-16T00:00:00.000Z');
    expect(weeks.map((w) => Date.parse(w.start) - Date.parse(weeks[0]!.start))).toEqual(
      weeks.map((_, i) => i * 7 * DAY),
    );
    expect(weeks[0]).toMatchObject({ reach: 459 + 772, shares: 2, clicks: 0 });
    expect(weeks[10]).toMatchObject({ start: '2026-11-09T00:00:00.000Z', reach: 772, shares: 1, clicks: 0 });
    expect(weeks[11]).toMatchObject({ reach: 459, shares: 1, clicks: 2 });
    expect(weeks.slice(1, 10).every((w) => w.shares === 0 && w.reach === 0 && w.clicks === 0)).toBe(true);
  });

  it('counts lifetime figures over all time, whatever the period', async () => {
    await share(ana.token, 'linkedin', '2025-01-05T09:00:00Z');
    await share(ana.token, 'x', '2026-11-03T09:00:00Z');
    await share(bea.token, 'x', '2026-11-03T09:00:00Z');
    await clickOn(ana.token, 'linkedin', 3);
    const r = await reach(ana.token, '?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(r.shares).toBe(0);
    expect(r.lifetime).toEqual({ reach: 459 + 772, clicks: 3, shares: 2 });
  });

  it('earns badges from lifetime figures and shows progress towards the rest', async () => {
    // 11 LinkedIn shares with an audience of 100 each: 10 shares and first share earned, 1,100 reach.
    await h.as(ana.token, '/v1/me', { method: 'PATCH', json: { audience: { linkedin: 100 } } });
    for (let i = 0; i < 11; i++) await share(ana.token, 'linkedin', `2026-0${1 + (i % 9)}-10T09:00:00Z`);
    const { badges } = await reach(ana.token);
    const byId = Object.fromEntries(badges.map((b) => [b.id, b]));
    expect(byId['first-share']).toEqual({ id: 'first-share', label: 'First share', earned: true });
    expect(byId['shares-10']).toMatchObject({ earned: true });
    expect(byId['shares-50']).toEqual({
      id: 'shares-50',
      label: '50 shares',
      earned: false,
      progress: { current: 11, target: 50 },
    });
    expect(byId['reach-1k']).toMatchObject({ earned: true });
    expect(byId['reach-10k']).toMatchObject({ earned: false, progress: { current: 1100, target: 10_000 } });
    expect(byId['clicks-100']).toMatchObject({ earned: false, progress: { current: 0, target: 100 } });
    expect(badges.every((b) => b.label.length > 0 && !b.label.includes('-'))).toBe(true);
  });
});
