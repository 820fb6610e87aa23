import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../db/migrations';
import type { DB, SharesTable } from '../db/schema';
import { countClicks, type Click as CountedClick, type VisitorClick } from '../links/write-clicks';
import { writeShares } from '../shares/write-shares';
import { harness, shareRow, type Harness } from '../test-support';

// The analytics rollups (daily totals of migration 0006, added to by the share and click writers and taken
// off by triggers on delete; running totals and weekly sharers of 0008, kept by triggers on the daily
// tables) are filled for older rows by each migration's backfill; here they are compared with
// the raw shares and clicks they summarise, worked out in plain JavaScript.

const DAY = 86_400_000;
const KEYS = ['network', 'item_id', 'employee_id'] as const;
type Key = (typeof KEYS)[number];
type Figures = { shares: number; reach: number; clicks: number };
type Share = { employee_id: string; item_id: string; network: string; shared_at: number; audience: number };
type Click = { employee_id: string; item_id: string; network: string; clicked_at: number };
// The rollup tables are not in the app's schema types (only analytics SQL reads them): plain SQL here.
type AnyDb = Kysely<unknown>;

/** The rows of a query, with every bigint-ish figure as a JavaScript number. */
async function rows<T extends Record<string, unknown>>(
  db: AnyDb,
  query: ReturnType<typeof sql>,
  numeric: readonly string[],
): Promise<T[]> {
  const { rows: found } = await query.execute(db);
  return (found as Record<string, unknown>[]).map((r) => {
    const out = { ...r };
    for (const column of numeric) if (out[column] !== null) out[column] = Number(out[column]);
    return out as T;
  });
}

async function raw(db: AnyDb) {
  return {
    shares: await rows<Share>(db, sql`SELECT employee_id, item_id, network, shared_at, audience FROM shares`, [
      'shared_at',
      'audience',
    ]),
    clicks: await rows<Click>(db, sql`SELECT employee_id, item_id, network, clicked_at FROM clicks`, ['clicked_at']),
  };
}

const FIGURES = ['day', 'shares', 'reach', 'clicks'] as const;

/** Per key and UTC day, what the raw rows add up to ("key day" → figures). */
async function perDay(db: AnyDb, key: Key): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  const of = (k: string, day: number) => {
    const id = `${k} ${day}`;
    if (!out.has(id)) out.set(id, { shares: 0, reach: 0, clicks: 0 });
    return out.get(id)!;
  };
  const { shares, clicks } = await raw(db);
  for (const s of shares) {
    const f = of(s[key], Math.floor(s.shared_at / DAY));
    f.shares += 1;
    f.reach += s.audience;
  }
  for (const c of clicks) of(c[key], Math.floor(c.clicked_at / DAY)).clicks += 1;
  return out;
}

async function expectDailyTotals(db: AnyDb) {
  for (const key of KEYS) {
    const table = `daily_${key.replace('_id', '')}_figures`;
    const stored = await rows<{ k: string; day: number } & Figures>(
      db,
      sql`SELECT ${sql.ref(key)} AS k, day, shares, reach, clicks FROM ${sql.table(table)} WHERE shares <> 0 OR reach <> 0 OR clicks <> 0`,
      FIGURES,
    );
    expect(new Map(stored.map(({ k, day, ...f }) => [`${k} ${day}`, f])), table).toEqual(await perDay(db, key));
  }
}

/** Every running total is everything of its key up to the end of its day, and every active day has one. */
async function expectRunningTotals(db: AnyDb) {
  for (const key of ['item_id', 'employee_id'] as const) {
    const table = `running_${key.replace('_id', '')}_figures`;
    const days = await perDay(db, key);
    const stored = await rows<{ k: string; day: number } & Figures>(
      db,
      sql`SELECT ${sql.ref(key)} AS k, day, shares, reach, clicks FROM ${sql.table(table)}`,
      FIGURES,
    );
    const want = stored.map(({ k, day }) => {
      const total = { shares: 0, reach: 0, clicks: 0 };
      for (const [id, f] of days) {
        const [dk, dd] = id.split(' ');
        if (dk !== k || Number(dd) > day) continue;
        total.shares += f.shares;
        total.reach += f.reach;
        total.clicks += f.clicks;
      }
      return { k, day, ...total };
    });
    expect(stored, table).toEqual(want);
    const present = new Set(stored.map((r) => `${r.k} ${r.day}`));
    for (const id of days.keys()) expect(present.has(id), `${table} has ${id}`).toBe(true);
  }
}

/** ISO weeks (Monday 00:00 UTC) → how many different people shared in them. */
async function expectWeeklySharers(db: AnyDb) {
  const people = new Map<number, Set<string>>();
  for (const s of (await raw(db)).shares) {
    const week = Math.floor((s.shared_at + 3 * DAY) / (7 * DAY));
    people.set(week, (people.get(week) ?? new Set()).add(s.employee_id));
  }
  const stored = await rows<{ week: number; sharers: number }>(
    db,
    sql`SELECT week, sharers FROM weekly_sharers WHERE sharers <> 0`,
    ['week', 'sharers'],
  );
  expect(new Map(stored.map((r) => [r.week, r.sharers]))).toEqual(new Map([...people].map(([w, p]) => [w, p.size])));
}

async function expectRollupsMatch(db: AnyDb) {
  await expectDailyTotals(db);
  await expectRunningTotals(db);
  await expectWeeklySharers(db);
}

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
/** Sunday 1 November 2026, 00:00 UTC: the last day of an ISO week and the first of a month. */
const BASE = Date.UTC(2026, 10, 1);

/**
 * Writes `count` shares and a click after each, straddling midnights (the first and last millisecond of
 * a day) over two ISO weeks, in an order that is not time order (an outbox sends old shares late). Shares
 * and clicks go through their writers (which keep their rollups), in one batch each, or straight into the
 * tables when `raw` (a release without rollups).
 */
async function writeActivity(db: AnyDb, people: string[], items: string[], count: number, firstId = 0, raw = false) {
  const shares: SharesTable[] = [];
  const clicks: VisitorClick[] = [];
  for (let n = 0; n < count; n++) {
    const i = (n * 37) % count; // a permutation of 0..count-1 when count and 37 are coprime
    const who = people[i % 3 === 0 ? 1 % people.length : 0]!;
    const network = i % 2 ? 'x' : 'linkedin';
    const at = BASE + Math.floor(i / 4) * DAY + [0, DAY - 1, 12 * 3_600_000, 1][i % 4]!;
    shares.push(share(id(firstId + i), who, items[i % items.length]!, network, at, 100 + i));
    const click: CountedClick = {
      code: `c${i}`,
      employeeId: who,
      itemId: items[(i + 1) % items.length]!,
      network,
      clickedAt: at + 5,
    };
    clicks.push({ visitor: firstId + i + 1, click });
  }
  if (!raw) {
    await (db as Kysely<DB>).transaction().execute((trx) => writeShares(trx, shares));
    // Each click a new visitor, so every one counts.
    expect(await countClicks(db as Kysely<DB>, clicks)).toHaveLength(count);
    return;
  }
  for (const s of shares) {
    await sql`INSERT INTO shares (id, employee_id, item_id, network, shared_at, received_at, audience)
      VALUES (${s.id}, ${s.employee_id}, ${s.item_id}, ${s.network}, ${s.shared_at}, ${s.received_at}, ${s.audience})`.execute(
      db,
    );
  }
  for (const { click: c } of clicks) {
    await sql`INSERT INTO clicks (code, employee_id, item_id, network, clicked_at)
      VALUES (${c.code}, ${c.employeeId}, ${c.itemId}, ${c.network}, ${c.clickedAt})`.execute(db);
  }
}

function share(
  shareId: string,
  employee: string,
  item: string,
  network: 'linkedin' | 'x',
  at: number,
  audience: number,
): SharesTable {
  return shareRow({ id: shareId, employee_id: employee, item_id: item, network, shared_at: at, audience });
}

/** Shares through their writer, in one transaction; resolves to the ids it wrote. */
const writeSharesNow = (db: AnyDb, shares: SharesTable[]) =>
  (db as Kysely<DB>).transaction().execute((trx) => writeShares(trx, shares));

/** Every `nth` share by id (a spread of days, people and networks), for deleting some. */
async function everyNthShare(db: AnyDb, nth: number, except?: string): Promise<string[]> {
  const { rows: found } = await sql<{
    id: string;
    employee_id: string;
  }>`SELECT id, employee_id FROM shares ORDER BY id`.execute(db);
  return found.filter((r, i) => i % nth === nth - 1 && r.employee_id !== except).map((r) => r.id);
}

describe('rollups kept by the writers and triggers', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('match the raw shares and clicks after inserts out of time order, ignored duplicates and deletes', async () => {
    const db = h.database.db as AnyDb;
    const people = [(await h.employee('Ana')).id, (await h.employee('Bea')).id];
    const cai = (await h.employee('Cai')).id;
    const items = [(await h.createItem()).id, (await h.createItem()).id];
    await writeActivity(db, people, items, 60);
    // Cai shares twice in one week and once in the next; deleting them below takes the weeks' count down.
    const cais = [
      share(id(900), cai, items[0]!, 'x', BASE + 2 * DAY, 7),
      share(id(901), cai, items[0]!, 'x', BASE + 4 * DAY + 1, 7),
      share(id(902), cai, items[0]!, 'x', BASE + 9 * DAY, 7),
    ];
    // A share recorded before is neither written nor counted again, alone or beside new ones.
    const again = share(id(1), people[0]!, items[0]!, 'x', BASE, 999999);
    expect(await writeSharesNow(db, [cais[0]!, again, cais[1]!])).toEqual(new Set([id(900), id(901)]));
    expect(await writeSharesNow(db, [cais[2]!, cais[0]!])).toEqual(new Set([id(902)]));
    await expectRollupsMatch(db);
    expect(await rows(db, sql`SELECT COUNT(*) AS n FROM weekly_sharers WHERE sharers = 3`, ['n'])).toEqual([{ n: 2 }]);

    const some = await everyNthShare(db, 3, cai);
    expect(some.length).toBeGreaterThan(10);
    await sql`DELETE FROM shares WHERE id IN (${sql.join(some)})`.execute(db);
    await sql`DELETE FROM clicks WHERE id % 4 = 0`.execute(db);
    await sql`DELETE FROM shares WHERE employee_id = ${cai} AND shared_at < ${BASE + 5 * DAY}`.execute(db);
    await expectRollupsMatch(db);
    expect(await rows(db, sql`SELECT COUNT(*) AS n FROM shares WHERE employee_id = ${cai}`, ['n'])).toEqual([{ n: 1 }]);
    expect((await perDay(db, 'network')).size).toBeGreaterThan(10);
  });
});

describe('rollups filled by the migrations for rows written before them', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('counts shares and clicks written by a release without rollups, and keeps counting after', async () => {
    const db = h.database.db as AnyDb;
    // Back to the schema of a release without rollups.
    await migrateTo(db, '0005_analytics_indexes');
    const people = ['e-ana', 'e-bea'];
    const items = ['i-one', 'i-two', 'i-three'];
    for (const p of people)
      await sql`INSERT INTO employees (id, name, role, active, created_at) VALUES (${p}, ${p}, 'employee', 1, 0)`.execute(
        db,
      );
    for (const [n, i] of items.entries()) {
      await sql`INSERT INTO items (id, url, title, content_type, publish_at, created_at, updated_at, version)
        VALUES (${i}, 'https://example.com/', 'A post', 'curated', 0, 0, 0, ${n + 1})`.execute(db);
    }
    await writeActivity(db, people, items, 59, 0, true);
    const rollups = async () =>
      (await db.introspection.getTables()).filter((t) => t.name.endsWith('figures') || t.name === 'weekly_sharers');
    expect(await rollups()).toEqual([]);

    const applied = await migrateToLatest(db);
    expect(applied).toEqual(expect.arrayContaining(['0006_analytics_rollups', '0008_analytics_running_totals']));
    expect(await rollups()).not.toEqual([]);
    expect(await rows(db, sql`SELECT SUM(shares) AS n FROM daily_network_figures`, ['n'])).toEqual([{ n: 59 }]);
    await expectRollupsMatch(db);

    // The triggers carry on from what the backfill wrote, early days included.
    await writeActivity(db, people, items, 41, 1000);
    const some = await everyNthShare(db, 5);
    expect(some.length).toBeGreaterThan(10);
    await sql`DELETE FROM shares WHERE id IN (${sql.join(some)})`.execute(db);
    await expectRollupsMatch(db);
  });
});
