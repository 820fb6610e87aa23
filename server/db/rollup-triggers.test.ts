import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ShareRecorder } from '../shares/record-shares';
import { writeShares } from '../shares/write-shares';
import { shareRow, testDatabase, TEST_DATABASE } from '../test-support';
import type { Database } from './database';
import { migrateTo, migrateToLatest } from './migrations';
import type { SharesTable } from './schema';

const DAY = 86_400_000;
/** Monday 2 November 2026, 00:00 UTC. */
const BASE = Date.UTC(2026, 10, 2);

let database: Database;
afterEach(() => database.close());

interface Share {
  id: string;
  employee: string;
  item: string;
  network: 'linkedin' | 'x';
  at: number;
  audience: number;
}

/** What the rollup tables must hold for `shares`, recomputed from scratch. */
function expected(shares: Share[]) {
  const daily = {
    network: new Map<string, number[]>(),
    item_id: new Map<string, number[]>(),
    employee_id: new Map<string, number[]>(),
  };
  const weeks = new Map<number, Set<string>>();
  for (const s of shares) {
    const day = Math.floor(s.at / DAY);
    for (const [key, value] of [
      ['network', s.network],
      ['item_id', s.item],
      ['employee_id', s.employee],
    ] as const) {
      const row = daily[key].get(`${day}|${value}`) ?? [0, 0];
      daily[key].set(`${day}|${value}`, [row[0]! + 1, row[1]! + s.audience]);
    }
    const week = Math.floor((day + 3) / 7);
    weeks.set(week, (weeks.get(week) ?? new Set()).add(s.employee));
  }
  const running = (key: 'item_id' | 'employee_id') => {
    const out = new Map<string, number[]>();
    const keys = new Set([...daily[key].keys()].map((k) => k.split('|')[1]!));
    for (const value of keys) {
      const days = [...daily[key].keys()]
        .filter((k) => k.endsWith(`|${value}`))
        .map((k) => Number(k.split('|')[0]))
        .sort((a, b) => a - b);
      let [n, reach] = [0, 0];
      for (const day of days) {
        const row = daily[key].get(`${day}|${value}`)!;
        [n, reach] = [n + row[0]!, reach + row[1]!];
        out.set(`${day}|${value}`, [n, reach]);
      }
    }
    return out;
  };
  return {
    daily,
    running: { item_id: running('item_id'), employee_id: running('employee_id') },
    weeks: new Map([...weeks].map(([w, s]) => [w, s.size])),
  };
}

async function actual(db: Database['db']) {
  const read = async (table: string, key: string, skipEmpty: boolean) => {
    const { rows } = await sql<{ day: number; k: string; shares: number; reach: number }>`
      SELECT day, ${sql.ref(key)} AS k, shares, reach FROM ${sql.table(table)}`.execute(db);
    return new Map(
      rows.filter((r) => !skipEmpty || r.shares !== 0).map((r) => [`${r.day}|${r.k}`, [r.shares, r.reach]]),
    );
  };
  const { rows: weeks } = await sql<{
    week: number;
    sharers: number;
  }>`SELECT week, sharers FROM weekly_sharers WHERE sharers <> 0`.execute(db);
  return {
    daily: {
      network: await read('daily_network_figures', 'network', true),
      item_id: await read('daily_item_figures', 'item_id', true),
      employee_id: await read('daily_employee_figures', 'employee_id', true),
    },
    running: {
      item_id: await read('running_item_figures', 'item_id', false),
      employee_id: await read('running_employee_figures', 'employee_id', false),
    },
    weeks: new Map(weeks.map((r) => [r.week, r.sharers])),
  };
}

/** Running rows stay for days whose shares were all deleted: compare at the days that still have shares. */
function onlyLiveDays(found: Awaited<ReturnType<typeof actual>>, want: ReturnType<typeof expected>) {
  for (const key of ['item_id', 'employee_id'] as const) {
    found.running[key] = new Map([...found.running[key]].filter(([k]) => want.running[key].has(k)));
  }
  return found;
}

const PEOPLE = ['e-ana', 'e-bea', 'e-cai'];
const ITEMS = ['i-one', 'i-two'];

/** A database with PEOPLE (each with their own audience on each network) and ITEMS. */
async function seeded(): Promise<Database['db']> {
  database = await testDatabase();
  const { db } = database;
  await db
    .insertInto('employees')
    .values(
      PEOPLE.map((id, n) => ({
        id,
        name: id,
        role: 'employee' as const,
        active: 1,
        created_at: 0,
        activated_at: null,
        email: null,
        sso_issuer: null,
        sso_subject: null,
        audience_linkedin: 1000 + n,
        audience_x: 2000 + n,
      })),
    )
    .execute();
  await db
    .insertInto('items')
    .values(
      ITEMS.map((id, n) => ({
        id,
        url: 'https://example.com/',
        title: id,
        summary: null,
        image_url: null,
        topics: '[]',
        content_type: 'curated' as const,
        campaign: null,
        pinned: 0,
        publish_at: 0,
        expires_at: null,
        created_at: 0,
        updated_at: 0,
        deleted_at: null,
        version: n + 1,
      })),
    )
    .execute();
  return db;
}

/** `count` shares out of time order (as an outbox delivers old shares late), straddling midnights, ids from `first`. */
function someShares(count: number, first = 0): Share[] {
  const shares: Share[] = [];
  for (let n = 0; n < count; n++) {
    const i = (n * 37) % count; // a permutation of 0..count-1 when count and 37 are coprime
    shares.push({
      id: `s${first + i}`,
      employee: PEOPLE[i % 3]!,
      item: ITEMS[i % 2]!,
      network: i % 2 ? 'x' : 'linkedin',
      at: BASE + Math.floor(i / 4) * DAY + [0, DAY - 1, 12 * 3_600_000, 1][i % 4]!,
      audience: 100 + i,
    });
  }
  return shares;
}

const row = (s: Share): SharesTable =>
  shareRow({
    id: s.id,
    employee_id: s.employee,
    item_id: s.item,
    network: s.network,
    shared_at: s.at,
    audience: s.audience,
  });

/** Through the share writer, `size` at a time: each batch spans several days, people, items and networks. */
async function write(db: Database['db'], shares: Share[], size: number): Promise<string[]> {
  const written: string[] = [];
  for (let i = 0; i < shares.length; i += size) {
    const batch = shares.slice(i, i + size).map(row);
    const fresh = await db.transaction().execute((trx) => writeShares(trx, batch));
    written.push(...fresh);
  }
  return written;
}

/** Deletes `gone` (through the `*_share_out` triggers). */
async function remove(db: Database['db'], gone: Share[]) {
  await db
    .deleteFrom('shares')
    .where(
      'id',
      'in',
      gone.map((s) => s.id),
    )
    .execute();
}

describe(`the analytics rollups on ${TEST_DATABASE}`, () => {
  it('keep daily and running totals and weekly sharers equal to the raw shares, through late inserts and deletes', async () => {
    const db = await seeded();
    const shares = someShares(61);
    await write(db, shares, 7);
    let found = await actual(db);
    let want = expected(shares);
    expect(found).toEqual(want);
    expect(want.weeks.size).toBeGreaterThan(1);

    // Deleting every share of a person in a week takes them out of that week's count.
    const gone = shares.filter((s, n) => n % 3 === 0 || (s.employee === 'e-cai' && s.at < BASE + 7 * DAY));
    await remove(db, gone);
    const left = shares.filter((s) => !gone.includes(s));
    want = expected(left);
    found = onlyLiveDays(await actual(db), want);
    expect(found).toEqual(want);
  });

  it('count a share already recorded once, when it comes again beside new ones', async () => {
    const db = await seeded();
    const shares = someShares(41);
    expect(await write(db, shares.slice(0, 20), 20)).toHaveLength(20);
    // Replays of the first 20 with other figures (they must not count), mixed with the rest, 9 at a time.
    const replays = shares.slice(0, 20).map((s) => ({ ...s, at: BASE + 20 * DAY, audience: 1, employee: 'e-bea' }));
    const mixed = shares.slice(20).flatMap((s, i) => (replays[i] ? [replays[i], s] : [s]));
    expect((await write(db, mixed, 9)).sort()).toEqual(
      shares
        .slice(20)
        .map((s) => s.id)
        .sort(),
    );
    expect(await write(db, replays, 20)).toEqual([]);
    expect(await actual(db)).toEqual(expected(shares));
  });

  it('through the recorder, count an id repeated in a batch and a batch sent twice at once once', async () => {
    const db = await seeded();
    const recorder = new ShareRecorder(db, () => BASE + 30 * DAY);
    const audience = { 'e-ana': { linkedin: 1000, x: 2000 }, 'e-bea': { linkedin: 1001, x: 2001 } } as const;
    const input = (s: Share) => ({
      id: s.id,
      itemId: s.item,
      network: s.network,
      sharedAt: new Date(s.at).toISOString(),
    });
    const ana = someShares(12).map((s) => ({ ...s, employee: 'e-ana', audience: audience['e-ana'][s.network] }));
    const bea = someShares(10, 100).map((s) => ({ ...s, employee: 'e-bea', audience: audience['e-bea'][s.network] }));
    // The second copy of an id, on another day and item, is not the one written.
    const copy = { ...ana[3]!, at: BASE + 25 * DAY, item: 'i-two' };
    const results = await Promise.all([
      recorder.record('e-ana', [...ana.slice(0, 6).map(input), input(copy), ...ana.slice(6).map(input)]),
      recorder.record('e-ana', ana.map(input)),
      recorder.record('e-bea', bea.map(input)),
    ]);
    expect(results[0]!.accepted.length + results[1]!.accepted.length).toBe(12);
    expect(results[0]!.duplicates).toContain(copy.id);
    expect(results[2]!.accepted).toHaveLength(10);
    expect(await actual(db)).toEqual(expected([...ana, ...bea]));
  });

  it('stay equal to the raw shares through migration 0012 down (triggers count) and up (the writer counts)', async () => {
    const db = await seeded();
    const shares = someShares(61);
    await write(db, shares.slice(0, 20), 10);
    await migrateTo(db as Kysely<unknown>, '0011_daily_employee_figures_in_day_order');
    expect(await actual(db)).toEqual(expected(shares.slice(0, 20)));
    // A release before 0012 writes shares with a plain insert; its triggers count them.
    for (const s of shares.slice(20, 40)) await db.insertInto('shares').values(row(s)).execute();
    expect(await actual(db)).toEqual(expected(shares.slice(0, 40)));
    await migrateToLatest(db as Kysely<unknown>);
    expect(await actual(db)).toEqual(expected(shares.slice(0, 40)));
    await write(db, shares.slice(40), 10);
    expect(await actual(db)).toEqual(expected(shares));
    const gone = shares.filter((_, n) => n % 4 === 0);
    await remove(db, gone);
    const want = expected(shares.filter((s) => !gone.includes(s)));
    expect(onlyLiveDays(await actual(db), want)).toEqual(want);
  });
});
