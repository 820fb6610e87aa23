import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyticsReports,
  Adoption,
  ContentTypeFigures,
  Contributors,
  NetworkFigures,
  Participation,
  ReachOverTime,
  TopicFigures,
  TopItems,
  Traffic,
  type Ranking,
} from '../../lib/contract/analytics';
import type { ContentType, Network } from '../../lib/contract/common';
import { DAY, T0, expectProblem, harness, type Harness } from '../test-support';
import { seededRandom } from '../../tests/helpers/seeded-random';

// A generated programme with answers worked out here, by plain loops over what was generated, and never
// by SQL. Everything goes through the real API: invites, redemptions, audiences, shares and redirects.

const at = Date.parse;
const iso = (ms: number) => new Date(ms).toISOString();

interface PersonSpec {
  name: string;
  invited: string;
  activated?: string;
  audience?: { linkedin: number; x: number };
}
const PEOPLE: PersonSpec[] = [
  {
    name: 'Núria Puig i Soler',
    invited: '2026-09-01T09:00:00Z',
    activated: '2026-09-02T10:00:00Z',
    audience: { linkedin: 1000, x: 50 },
  },
  { name: 'Cai Wu', invited: '2026-09-08T09:00:00Z', activated: '2026-09-10T15:30:00Z' }, // benchmark audience
  {
    name: 'Eli Sanz',
    invited: '2026-09-14T09:00:00Z',
    activated: '2026-09-15T11:00:00Z',
    audience: { linkedin: 250, x: 4000 },
  },
  { name: 'Fede Roca', invited: '2026-10-01T09:00:00Z' },
  {
    name: 'Ana López',
    invited: '2026-10-05T09:00:00Z',
    activated: '2026-10-07T08:00:00Z',
    audience: { linkedin: 300, x: 20 },
  },
  {
    name: 'Bea Martí',
    invited: '2026-10-18T09:00:00Z',
    activated: '2026-10-20T12:00:00Z',
    audience: { linkedin: 120, x: 900 },
  },
  {
    name: 'Dana Oyelaran',
    invited: '2026-11-01T09:00:00Z',
    activated: '2026-11-03T00:00:00Z',
    audience: { linkedin: 77, x: 5 },
  },
  { name: 'Gil Vidal', invited: '2026-11-10T09:00:00Z' },
  {
    name: 'Hana Ito',
    invited: '2026-11-16T00:00:00Z',
    activated: '2026-11-16T00:00:01Z',
    audience: { linkedin: 10, x: 10 },
  },
];
const ITEMS: { title: string; topics: string[]; contentType: ContentType }[] = [
  { title: 'AI in the cloud', topics: ['ai', 'cloud'], contentType: 'curated' },
  { title: 'Our AI lab', topics: ['ai'], contentType: 'owned' },
  { title: 'Spring offer', topics: [], contentType: 'promotional' },
  { title: 'Hiring now', topics: ['hr'], contentType: 'curated' },
];

interface Person {
  id: string;
  token?: string;
  name: string;
  invited: number;
  activated: number | null;
  audience: Record<Network, number>;
}
interface Share {
  employeeId: string;
  itemId: string;
  network: Network;
  at: number;
  audience: number;
}
interface Click {
  employeeId: string;
  itemId: string;
  network: Network;
  at: number;
}

let h: Harness;
const people: Person[] = [];
const items: { id: string; title: string; url: string; topics: string[]; contentType: ContentType }[] = [];
const shares: Share[] = [];
const clicks: Click[] = [];

beforeAll(async () => {
  h = await harness();
  h.clock.now = at('2026-08-31T00:00:00Z');
  for (const spec of ITEMS) {
    const item = await h.createItem({
      title: spec.title,
      url: `https://example.com/${spec.title.replace(/\W+/g, '-')}`,
      topics: spec.topics,
      contentType: spec.contentType,
    });
    items.push({ id: item.id, title: item.title, url: item.url, topics: spec.topics, contentType: spec.contentType });
  }
  for (const spec of PEOPLE) {
    h.clock.now = at(spec.invited);
    const invite = await h.admin('/v1/admin/invites', { method: 'POST', json: { name: spec.name, role: 'employee' } });
    const { code, employeeId } = (await invite.json()) as { code: string; employeeId: string };
    const person: Person = {
      id: employeeId,
      name: spec.name,
      invited: h.clock.now,
      activated: null,
      audience: spec.audience ?? { linkedin: 459, x: 772 },
    };
    if (spec.activated) {
      h.clock.now = at(spec.activated);
      const res = await h.request('/v1/auth/redeem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      person.token = ((await res.json()) as { token: string }).token;
      person.activated = h.clock.now;
      if (spec.audience) await h.as(person.token, '/v1/me', { method: 'PATCH', json: { audience: spec.audience } });
    }
    people.push(person);
  }

  const rnd = seededRandom(20261118);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const hana = people.find((p) => p.name === 'Hana Ito')!;
  const sharers = people.filter((p) => p.activated !== null && p !== hana);
  h.clock.now = T0;
  for (let i = 0; i < 240; i++) {
    const person = pick(sharers);
    const network: Network = rnd() < 0.6 ? 'linkedin' : 'x';
    const when = Math.floor(person.activated! + rnd() * (T0 - person.activated!));
    shares.push({
      employeeId: person.id,
      itemId: pick(items).id,
      network,
      at: when,
      audience: person.audience[network],
    });
  }
  // Hana shares once, exactly at the end of the main period: outside [from, to).
  shares.push({
    employeeId: hana.id,
    itemId: items[0]!.id,
    network: 'x',
    at: at('2026-11-16T00:00:00Z'),
    audience: 10,
  });
  // Each day's shares are delivered that day: the server refuses shares more than 30 days old.
  for (const person of [...sharers, hana]) {
    const byDay = new Map<number, typeof shares>();
    for (const s of shares.filter((x) => x.employeeId === person.id)) {
      const day = Math.floor(s.at / DAY);
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    for (const mine of byDay.values()) {
      h.clock.now = Math.max(...mine.map((s) => s.at));
      const res = await h.as(person.token!, '/v1/shares', {
        method: 'POST',
        json: {
          shares: mine.map((s) => ({ id: uuidv7(), itemId: s.itemId, network: s.network, sharedAt: iso(s.at) })),
        },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
  }
  h.clock.now = T0;

  // Clicks on tracked links at known times; bots follow the same links and must not count.
  h.clock.now = T0;
  const links = new Map<string, string>();
  for (const person of [...sharers, hana]) {
    for (const item of (await h.queue(person.token!)).body!.items) {
      for (const network of ['linkedin', 'x'] as const)
        links.set(`${person.id} ${item.id} ${network}`, new URL(item.links[network]).pathname);
    }
  }
  for (let i = 0; i < 150; i++) {
    const share = pick(shares);
    const when = Math.min(share.at + Math.floor(rnd() * 6 * DAY), T0 - 1);
    h.clock.now = when;
    const path = links.get(`${share.employeeId} ${share.itemId} ${share.network}`)!;
    const res = await h.request(path, {
      headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64; rv:${i}.0) Gecko/20100101 Firefox/${i}.0` },
    });
    expect(res.status).toBe(302);
    clicks.push({ employeeId: share.employeeId, itemId: share.itemId, network: share.network, at: when });
    if (i % 10 === 0) {
      await h.request(path, {
        headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      });
      await h.request(path, {
        headers: {
          'User-Agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
        },
      });
    }
  }
  h.clock.now = T0;
}, 60_000);
afterAll(() => h.close());

// The main period: six ISO weeks, Monday 5 October to Monday 16 November 2026.
const FROM = '2026-10-05T00:00:00.000Z';
const TO = '2026-11-16T00:00:00.000Z';
const R = { from: at(FROM), to: at(TO) };
const inR = (t: number, r = R) => t >= r.from && t < r.to;
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

async function get<T>(schema: { parse(v: unknown): T }, path: string): Promise<T> {
  const res = await h.admin(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return schema.parse(await res.json());
}

interface Figures {
  shares: number;
  clicks: number;
  reach: number;
}
function figuresBy(key: (e: { employeeId: string; itemId: string; network: Network }) => string[], r = R) {
  const out = new Map<string, Figures>();
  const of = (k: string) => out.get(k) ?? (out.set(k, { shares: 0, clicks: 0, reach: 0 }), out.get(k)!);
  for (const s of shares.filter((s) => inR(s.at, r)))
    for (const k of key(s)) {
      of(k).shares += 1;
      of(k).reach += s.audience;
    }
  for (const c of clicks.filter((c) => inR(c.at, r))) for (const k of key(c)) of(k).clicks += 1;
  return out;
}
function top(map: Map<string, Figures>, by: Ranking, limit: number) {
  const others = (['shares', 'clicks', 'reach'] as const).filter((f) => f !== by);
  return [...map]
    .sort(
      ([ka, a], [kb, b]) =>
        b[by] - a[by] || b[others[0]!] - a[others[0]!] || b[others[1]!] - a[others[1]!] || (ka < kb ? -1 : 1),
    )
    .slice(0, limit);
}

describe('the generated data set', () => {
  it('has enough in the period to mean something', () => {
    expect(shares.filter((s) => inR(s.at)).length).toBeGreaterThan(100);
    expect(clicks.filter((c) => inR(c.at)).length).toBeGreaterThan(50);
  });
});

describe('GET /v1/admin/analytics/adoption', () => {
  it('counts invited, activated and active (shared in the last 7 days of the period) at its end', async () => {
    const got = await get(Adoption, `/v1/admin/analytics/adoption?from=${FROM}&to=${TO}`);
    const invited = people.filter((p) => p.invited < R.to).length;
    const activated = people.filter((p) => p.activated !== null && p.activated < R.to).length;
    const since = R.to - 7 * DAY;
    const active = new Set(shares.filter((s) => s.at >= since && s.at < R.to).map((s) => s.employeeId)).size;
    expect({ invited, activated }).toEqual({ invited: 8, activated: 6 }); // Hana comes after; Fede and Gil never redeemed
    expect(got).toEqual({
      from: FROM,
      to: TO,
      activeSince: iso(since),
      invited,
      activated,
      active,
      activationRate: ratio(activated, invited),
      activeRate: ratio(active, activated),
    });
  });

  it('limits the active window to the period when the period is shorter than a week', async () => {
    const got = await get(Adoption, '/v1/admin/analytics/adoption?from=2026-11-12T00:00:00Z&to=2026-11-14T00:00:00Z');
    const r = { from: at('2026-11-12T00:00:00Z'), to: at('2026-11-14T00:00:00Z') };
    expect(got.activeSince).toBe('2026-11-12T00:00:00.000Z');
    expect(got.active).toBe(new Set(shares.filter((s) => inR(s.at, r)).map((s) => s.employeeId)).size);
  });
});

describe('GET /v1/admin/analytics/participation', () => {
  it('gives each ISO week the share of activated people who shared in it', async () => {
    const got = await get(Participation, `/v1/admin/analytics/participation?from=${FROM}&to=${TO}`);
    const expected = [];
    for (let start = R.from; start < R.to; start += 7 * DAY) {
      const end = start + 7 * DAY;
      const activated = people.filter((p) => p.activated !== null && p.activated < end).length;
      const participants = new Set(shares.filter((s) => s.at >= start && s.at < end).map((s) => s.employeeId)).size;
      expected.push({ weekStart: iso(start), activated, participants, rate: ratio(participants, activated) });
    }
    expect(expected).toHaveLength(6);
    expect(expected[0]!.activated).toBe(4); // Núria, Cai, Eli, and Ana who joined that Wednesday
    expect(got).toEqual({ from: FROM, to: TO, weeks: expected });
  });

  it('counts only the part of a week inside the period', async () => {
    const got = await get(
      Participation,
      '/v1/admin/analytics/participation?from=2026-10-07T00:00:00Z&to=2026-10-09T00:00:00Z',
    );
    expect(got.weeks).toHaveLength(1);
    expect(got.weeks[0]!.weekStart).toBe('2026-10-05T00:00:00.000Z');
    const r = { from: at('2026-10-07T00:00:00Z'), to: at('2026-10-09T00:00:00Z') };
    expect(got.weeks[0]!.participants).toBe(new Set(shares.filter((s) => inR(s.at, r)).map((s) => s.employeeId)).size);
  });
});

describe('GET /v1/admin/analytics/contributors', () => {
  const expectedTop = (by: Ranking, limit: number) =>
    top(
      figuresBy((e) => [e.employeeId]),
      by,
      limit,
    ).map(([id, f]) => ({ id, name: people.find((p) => p.id === id)!.name, ...f }));

  for (const by of ['shares', 'clicks', 'reach'] as const) {
    it(`ranks people by ${by}, with their id and name`, async () => {
      const got = await get(Contributors, `/v1/admin/analytics/contributors?from=${FROM}&to=${TO}&by=${by}&limit=4`);
      const want = expectedTop(by, 4);
      expect(got.by).toBe(by);
      expect(
        got.contributors.map(({ employeeId, name, shares, clicks, reach }) => ({
          id: employeeId,
          name,
          shares,
          clicks,
          reach,
        })),
      ).toEqual(want);
      expect(got.contributors[0]!.rank).toBe(1);
    });
  }

  it('answers initials only when anonymised', async () => {
    const got = await get(
      Contributors,
      `/v1/admin/analytics/contributors?from=${FROM}&to=${TO}&anonymise=true&limit=10`,
    );
    expect(got.anonymised).toBe(true);
    const initials: Record<string, string> = {
      'Núria Puig i Soler': 'NS',
      'Cai Wu': 'CW',
      'Eli Sanz': 'ES',
      'Ana López': 'AL',
      'Bea Martí': 'BM',
      'Dana Oyelaran': 'DO',
    };
    expect(got.contributors.map((c) => c.initials)).toEqual(expectedTop('shares', 10).map((p) => initials[p.name]));
    for (const c of got.contributors)
      expect(Object.keys(c).sort()).toEqual(['clicks', 'initials', 'rank', 'reach', 'shares']);
    const text = JSON.stringify(got);
    for (const p of people) expect(text).not.toContain(p.id);
    expect(text).not.toContain('Núria');
  });

  it('gives equal figures the same rank', async () => {
    // One share each on a quiet day in the future: two people tie.
    h.clock.now = at('2026-11-19T06:00:00Z');
    const [ana, bea] = [people.find((p) => p.name === 'Ana López')!, people.find((p) => p.name === 'Bea Martí')!];
    for (const p of [ana, bea]) {
      await h.as(p.token!, '/v1/shares', {
        method: 'POST',
        json: {
          shares: [{ id: uuidv7(), itemId: items[1]!.id, network: 'linkedin', sharedAt: '2026-11-19T06:00:00Z' }],
        },
      });
    }
    h.clock.now = T0;
    const got = await get(
      Contributors,
      '/v1/admin/analytics/contributors?from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z&by=shares',
    );
    expect(got.contributors.map((c) => c.rank)).toEqual([1, 1]);
    expect(new Set(got.contributors.map((c) => c.name))).toEqual(new Set([ana.name, bea.name]));
  });
});

describe('figures per network, item, topic and content type', () => {
  it('per network', async () => {
    const got = await get(NetworkFigures, `/v1/admin/analytics/networks?from=${FROM}&to=${TO}`);
    const want = figuresBy((e) => [e.network]);
    expect(got.networks).toEqual((['linkedin', 'x'] as const).map((network) => ({ network, ...want.get(network)! })));
  });

  it('top items by each figure, with title and URL', async () => {
    for (const by of ['shares', 'clicks', 'reach'] as const) {
      const got = await get(TopItems, `/v1/admin/analytics/items?from=${FROM}&to=${TO}&by=${by}&limit=3`);
      const want = top(
        figuresBy((e) => [e.itemId]),
        by,
        3,
      ).map(([id, f]) => {
        const item = items.find((i) => i.id === id)!;
        return { itemId: id, title: item.title, url: item.url, ...f };
      });
      expect(got.items, by).toEqual(want);
    }
  });

  it('per topic, an item with two topics counting under both and untopical items under null', async () => {
    const got = await get(TopicFigures, `/v1/admin/analytics/topics?from=${FROM}&to=${TO}`);
    const topicsOf = (itemId: string) => {
      const t = items.find((i) => i.id === itemId)!.topics;
      return t.length ? t : ['(none)'];
    };
    const want = figuresBy((e) => topicsOf(e.itemId));
    expect(new Map(got.topics.map(({ topic, ...f }) => [topic ?? '(none)', f]))).toEqual(want);
    expect(got.topics.map((t) => t.shares)).toEqual([...got.topics.map((t) => t.shares)].sort((a, b) => b - a));
  });

  it('per content type, all three always listed', async () => {
    const got = await get(ContentTypeFigures, `/v1/admin/analytics/content-types?from=${FROM}&to=${TO}`);
    const want = figuresBy((e) => [items.find((i) => i.id === e.itemId)!.contentType]);
    expect(got.contentTypes).toEqual(
      (['curated', 'owned', 'promotional'] as const).map((contentType) => ({ contentType, ...want.get(contentType)! })),
    );
  });
});

describe('periods of any length and alignment', () => {
  // Whole days come from running and daily totals, whole ISO weeks of participation from weekly counts,
  // partial days and clipped weeks from the raw rows: every piece must add up to the raw truth.
  const periods = [
    { from: '2026-10-05T06:30:00.000Z', to: '2026-11-15T18:45:00.000Z' },
    { from: '2026-11-02T09:15:00.000Z', to: '2026-11-02T17:00:00.000Z' }, // inside one day
    { from: '2026-10-31T23:59:59.999Z', to: '2026-11-02T00:00:00.001Z' }, // a millisecond either side of a day
    { from: '2026-09-30T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' }, // Wednesday to Tuesday, across two month ends
    { from: '2026-10-12T00:00:00.000Z', to: '2026-10-19T00:00:00.000Z' }, // exactly one ISO week
    { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }, // a Sunday: a week's last day, a month's first
    { from: '2026-10-31T00:00:00.000Z', to: '2026-11-10T00:00:00.000Z' }, // Saturday to Tuesday across a month end
    // Before the first share to after the last (the tie test of the contributors adds shares on 19 November).
    { from: '2026-08-01T00:00:00.000Z', to: '2026-11-19T00:00:00.000Z' },
    { from: '2026-09-13T12:00:00.000Z', to: '2026-11-16T00:00:00.000Z' }, // from a Sunday's midday (half a day of a week) to a Monday
  ];
  for (const p of periods) {
    it(`counts exactly from ${p.from} to ${p.to}`, async () => {
      const r = { from: at(p.from), to: at(p.to) };
      const query = `from=${p.from}&to=${p.to}`;
      const networks = await get(NetworkFigures, `/v1/admin/analytics/networks?${query}`);
      const byNetwork = figuresBy((e) => [e.network], r);
      expect(networks.networks).toEqual(
        (['linkedin', 'x'] as const).map((network) => ({
          network,
          shares: 0,
          clicks: 0,
          reach: 0,
          ...byNetwork.get(network),
        })),
      );
      const people = await get(Contributors, `/v1/admin/analytics/contributors?${query}&limit=100`);
      const byPerson = figuresBy((e) => [e.employeeId], r);
      expect(
        new Map(people.contributors.map((c) => [c.employeeId, { shares: c.shares, clicks: c.clicks, reach: c.reach }])),
      ).toEqual(byPerson);
      const weeks = await get(Participation, `/v1/admin/analytics/participation?${query}`);
      for (const w of weeks.weeks) {
        const inWeek = { from: Math.max(at(w.weekStart), r.from), to: Math.min(at(w.weekStart) + 7 * DAY, r.to) };
        expect(w.participants, w.weekStart).toBe(
          new Set(shares.filter((s) => inR(s.at, inWeek)).map((s) => s.employeeId)).size,
        );
      }
      const traffic = await get(Traffic, `/v1/admin/analytics/traffic?${query}`);
      expect(traffic.clicks).toBe(clicks.filter((c) => inR(c.at, r)).length);
      const topItems = await get(TopItems, `/v1/admin/analytics/items?${query}&limit=100`);
      expect(
        new Map(topItems.items.map((i) => [i.itemId, { shares: i.shares, clicks: i.clicks, reach: i.reach }])),
      ).toEqual(figuresBy((e) => [e.itemId], r));
      const adoption = await get(Adoption, `/v1/admin/analytics/adoption?${query}`);
      const since = { from: Math.max(r.from, r.to - 7 * DAY), to: r.to };
      expect(adoption.active).toBe(new Set(shares.filter((s) => inR(s.at, since)).map((s) => s.employeeId)).size);
    });
  }
});

describe('over time', () => {
  it('reach per day for a period up to 92 days, every day present', async () => {
    const got = await get(ReachOverTime, `/v1/admin/analytics/reach?from=${FROM}&to=${TO}`);
    expect(got.granularity).toBe('day');
    expect(got.points).toHaveLength(42);
    const want = got.points.map((p) => {
      const day = shares.filter((s) => inR(s.at, { from: at(p.start), to: at(p.start) + DAY }));
      return { start: p.start, shares: day.length, reach: day.reduce((sum, s) => sum + s.audience, 0) };
    });
    expect(got.points[0]!.start).toBe(FROM);
    expect(got.points).toEqual(want);
  });

  it('reach per ISO week for a longer period', async () => {
    const got = await get(ReachOverTime, '/v1/admin/analytics/reach?from=2026-06-03T00:00:00Z&to=2026-11-18T00:00:00Z');
    expect(got.granularity).toBe('week');
    expect(got.points[0]!.start).toBe('2026-06-01T00:00:00.000Z'); // the Monday of the week holding 3 June
    expect(got.points.at(-1)!.start).toBe('2026-11-16T00:00:00.000Z');
    const r = { from: at('2026-06-03T00:00:00Z'), to: at('2026-11-18T00:00:00Z') };
    for (const p of got.points) {
      const week = shares.filter((s) => inR(s.at, r) && s.at >= at(p.start) && s.at < at(p.start) + 7 * DAY);
      expect(p, p.start).toEqual({
        start: p.start,
        shares: week.length,
        reach: week.reduce((sum, s) => sum + s.audience, 0),
      });
    }
  });

  it('traffic: counted clicks per day and network, bots left out', async () => {
    const got = await get(Traffic, `/v1/admin/analytics/traffic?from=${FROM}&to=${TO}`);
    expect(got.days).toHaveLength(42);
    for (const d of got.days) {
      const day = clicks.filter((c) => inR(c.at, { from: at(d.start), to: at(d.start) + DAY }));
      const linkedin = day.filter((c) => c.network === 'linkedin').length;
      expect(d, d.start).toEqual({ start: d.start, clicks: day.length, linkedin, x: day.length - linkedin });
    }
    expect(got.clicks).toBe(clicks.filter((c) => inR(c.at)).length);
  });

  it('defaults to the 30 days ending at the next UTC midnight', async () => {
    const got = await get(Traffic, '/v1/admin/analytics/traffic');
    expect(got).toMatchObject({ from: '2026-10-20T00:00:00.000Z', to: '2026-11-19T00:00:00.000Z' });
    expect(got.days).toHaveLength(30);
    expect(got.clicks).toBe(clicks.filter((c) => inR(c.at, { from: at(got.from), to: at(got.to) })).length);
  });
});

describe('CSV', () => {
  const parse = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));

  it('answers the same table as CSV for Accept: text/csv, with a header row and a file name', async () => {
    const res = await h.admin(`/v1/admin/analytics/networks?from=${FROM}&to=${TO}`, {
      headers: { Accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="relay-networks-2026-10-05-to-2026-11-16.csv"',
    );
    const want = figuresBy((e) => [e.network]);
    expect(parse(await res.text())).toEqual([
      ['network', 'shares', 'clicks', 'reach'],
      ...(['linkedin', 'x'] as const).map((n) => [
        n,
        String(want.get(n)!.shares),
        String(want.get(n)!.clicks),
        String(want.get(n)!.reach),
      ]),
    ]);
  });

  it('answers CSV for ?format=csv for every report, one line per JSON row', async () => {
    const reports: [string, (body: never) => unknown[]][] = [
      ['adoption', () => [1, 2, 3]],
      ['participation', (b: Participation) => b.weeks],
      ['contributors', (b: Contributors) => b.contributors],
      ['networks', (b: NetworkFigures) => b.networks],
      ['items', (b: TopItems) => b.items],
      ['topics', (b: TopicFigures) => b.topics],
      ['content-types', (b: ContentTypeFigures) => b.contentTypes],
      ['reach', (b: ReachOverTime) => b.points],
      ['traffic', (b: Traffic) => b.days],
    ];
    for (const [name, rowsOf] of reports) {
      const json = await (await h.admin(`/v1/admin/analytics/${name}?from=${FROM}&to=${TO}`)).json();
      const res = await h.admin(`/v1/admin/analytics/${name}?from=${FROM}&to=${TO}&format=csv`);
      expect(res.headers.get('content-type'), name).toBe('text/csv; charset=utf-8');
      const lines = (await res.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines.length, name).toBe(rowsOf(json as never).length + 1);
    }
  });

  it('keeps names with commas and accents intact, and leaves ids and names out when anonymised', async () => {
    const named = await h.admin(`/v1/admin/analytics/contributors?from=${FROM}&to=${TO}&format=csv&limit=10`);
    const bytes = Buffer.from(await named.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM spreadsheet apps look for
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFrank,employee_id,name,initials,shares,clicks,reach');
    expect(text).toContain('Núria Puig i Soler');
    const anonymous = await (
      await h.admin(`/v1/admin/analytics/contributors?from=${FROM}&to=${TO}&format=csv&anonymise=true`)
    ).text();
    const rows = parse(anonymous);
    expect(rows.slice(1).every((r) => r[1] === '' && r[2] === '' && /^[A-ZÀ-Ý?]{1,2}$/u.test(r[3]!))).toBe(true);
    for (const p of people) expect(anonymous).not.toContain(p.id);
  });

  it('answers ";"-delimited CSV with a BOM for ?delimiter=;, rates with a decimal comma', async () => {
    const res = await h.admin(`/v1/admin/analytics/participation?from=${FROM}&to=${TO}&format=csv&delimiter=%3B`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(header).toBe('week_start;activated;participants;rate');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[^;,]+;\d+;\d+;(0|1|0,\d+)$/);
    expect(rows.some((row) => row.endsWith(';1') || /;0,\d+$/.test(row))).toBe(true);
    // (Response.text() drops the BOM: the bytes show it.)
    const named = Buffer.from(
      await (
        await h.admin(`/v1/admin/analytics/contributors?from=${FROM}&to=${TO}&format=csv&delimiter=;`)
      ).arrayBuffer(),
    ).toString('utf8');
    expect(named.split('\r\n')[0]).toBe('\uFEFFrank;employee_id;name;initials;shares;clicks;reach');
    expect(named).toContain(';Núria Puig i Soler;');
    await expectProblem(await h.admin('/v1/admin/analytics/networks?format=csv&delimiter=%7C'), 400);
  });

  it('prefers JSON when the client lists it first', async () => {
    const res = await h.admin(`/v1/admin/analytics/networks?from=${FROM}&to=${TO}`, {
      headers: { Accept: 'application/json, text/csv' },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('validation and authorisation', () => {
  // Every report the contract names (the route table is built from it).
  const reports = Object.keys(analyticsReports);

  it('answers 400 naming the parameter for a date that is not one', async () => {
    for (const name of reports) {
      const body = await expectProblem(await h.admin(`/v1/admin/analytics/${name}?from=last-week`), 400);
      expect(body.errors?.[0]?.path, name).toBe('from');
    }
  });

  it('answers 400 when from is not before to, or the period is longer than three years', async () => {
    await expectProblem(await h.admin(`/v1/admin/analytics/networks?from=${TO}&to=${FROM}`), 400);
    await expectProblem(await h.admin(`/v1/admin/analytics/networks?from=${FROM}&to=${FROM}`), 400);
    const long = await expectProblem(
      await h.admin('/v1/admin/analytics/traffic?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
      400,
    );
    expect(long.detail).toMatch(/three years/);
  });

  it('answers 400 for a bad limit, ranking, anonymise flag or format', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['by=likes', 'by'],
      ['anonymise=maybe', 'anonymise'],
      ['format=xml', 'format'],
    ]) {
      const body = await expectProblem(await h.admin(`/v1/admin/analytics/contributors?${query}`), 400);
      expect(body.errors?.[0]?.path, query).toBe(path);
    }
  });

  it('is for admins only: an employee gets 403 on every report, no token 401', async () => {
    const employee = people.find((p) => p.token)!;
    for (const name of reports) {
      await expectProblem(await h.as(employee.token!, `/v1/admin/analytics/${name}`), 403);
      await expectProblem(await h.request(`/v1/admin/analytics/${name}`), 401);
    }
  });
});
