import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase, TEST_DATABASE } from '../test-support';
import type { Database } from './database';

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

describe(`the analytics rollup triggers on ${TEST_DATABASE}`, () => {
  it('keep daily and running totals and weekly sharers equal to the raw shares, through late inserts and deletes', async () => {
    database = await testDatabase();
    const { db } = database;
    const people = ['e-ana', 'e-bea', 'e-cai'];
    const items = ['i-one', 'i-two'];
    await db
      .insertInto('employees')
      .values(
        people.map((id) => ({
          id,
          name: id,
          role: 'employee' as const,
          active: 1,
          created_at: 0,
          activated_at: null,
          email: null,
          sso_issuer: null,
          sso_subject: null,
        })),
      )
      .execute();
    await db
      .insertInto('items')
      .values(
        items.map((id, n) => ({
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

    const shares: Share[] = [];
    for (let n = 0; n < 61; n++) {
      const i = (n * 37) % 61; // out of time order, as an outbox delivers old shares late
      const at = BASE + Math.floor(i / 4) * DAY + [0, DAY - 1, 12 * 3_600_000, 1][i % 4]!;
      shares.push({
        id: `s${i}`,
        employee: people[i % 3]!,
        item: items[i % 2]!,
        network: i % 2 ? 'x' : 'linkedin',
        at,
        audience: 100 + i,
      });
    }
    for (const s of shares) {
      await db
        .insertInto('shares')
        .values({
          id: s.id,
          employee_id: s.employee,
          item_id: s.item,
          network: s.network,
          caption_id: null,
          edited: 0,
          shared_at: s.at,
          received_at: s.at,
          audience: s.audience,
        })
        .execute();
    }
    let found = await actual(db);
    let want = expected(shares);
    expect(found).toEqual(want);
    expect(want.weeks.size).toBeGreaterThan(1);

    // Deleting every share of a person in a week takes them out of that week's count.
    const gone = shares.filter((s, n) => n % 3 === 0 || (s.employee === 'e-cai' && s.at < BASE + 7 * DAY));
    await db
      .deleteFrom('shares')
      .where(
        'id',
        'in',
        gone.map((s) => s.id),
      )
      .execute();
    const left = shares.filter((s) => !gone.includes(s));
    want = expected(left);
    found = onlyLiveDays(await actual(db), want);
    expect(found).toEqual(want);
  });
});
