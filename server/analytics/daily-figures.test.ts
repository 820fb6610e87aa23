import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../db/migrations';
import type { DB } from '../db/schema';
import { writeClicks, type Click as CountedClick } from '../links/click-buffer';
import { harness, type Harness } from '../test-support';

// The analytics rollups (daily totals of migration 0006; running totals and weekly sharers of 0008) are
// kept by triggers (and, for inserted clicks, by the click writer) and filled for older rows by each migration's backfill; here they are compared with
// the raw shares and clicks they summarise, worked out in plain JavaScript.

const DAY = 86_400_000;
const KEYS = ['network', 'item_id', 'employee_id'] as const;
type Key = (typeof KEYS)[number];
type Figures = { shares: number; reach: number; clicks: number };
type Share = { employee_id: string; item_id: string; network: string; shared_at: number; audience: number };
type Click = { employee_id: string; item_id: string; network: string; clicked_at: number };

function raw(sqlite: BetterSqlite3.Database) {
  return {
    shares: sqlite.prepare('SELECT employee_id, item_id, network, shared_at, audience FROM shares').all() as Share[],
    clicks: sqlite.prepare('SELECT employee_id, item_id, network, clicked_at FROM clicks').all() as Click[],
  };
}

/** Per key and UTC day, what the raw rows add up to ("key day" → figures). */
function perDay(sqlite: BetterSqlite3.Database, key: Key): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const of = (k: string, day: number) => {
    const id = `${k} ${day}`;
    if (!out.has(id)) out.set(id, { shares: 0, reach: 0, clicks: 0 });
    return out.get(id)!;
  };
  const { shares, clicks } = raw(sqlite);
  for (const s of shares) {
    const f = of(s[key], Math.floor(s.shared_at / DAY));
    f.shares += 1;
    f.reach += s.audience;
  }
  for (const c of clicks) of(c[key], Math.floor(c.clicked_at / DAY)).clicks += 1;
  return out;
}

function expectDailyTotals(sqlite: BetterSqlite3.Database) {
  for (const key of KEYS) {
    const table = `daily_${key.replace('_id', '')}_figures`;
    const stored = sqlite.prepare(`SELECT ${key} AS k, day, shares, reach, clicks FROM ${table} WHERE shares <> 0 OR reach <> 0 OR clicks <> 0`).all() as
      ({ k: string; day: number } & Figures)[];
    expect(new Map(stored.map(({ k, day, ...f }) => [`${k} ${day}`, f])), table).toEqual(perDay(sqlite, key));
  }
}

/** Every running total is everything of its key up to the end of its day, and every active day has one. */
function expectRunningTotals(sqlite: BetterSqlite3.Database) {
  for (const key of ['item_id', 'employee_id'] as const) {
    const table = `running_${key.replace('_id', '')}_figures`;
    const days = perDay(sqlite, key);
    const stored = sqlite.prepare(`SELECT ${key} AS k, day, shares, reach, clicks FROM ${table}`).all() as ({ k: string; day: number } & Figures)[];
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
function expectWeeklySharers(sqlite: BetterSqlite3.Database) {
  const people = new Map<number, Set<string>>();
  for (const s of raw(sqlite).shares) {
    const week = Math.floor((s.shared_at + 3 * DAY) / (7 * DAY));
    people.set(week, (people.get(week) ?? new Set()).add(s.employee_id));
  }
  const stored = sqlite.prepare('SELECT week, sharers FROM weekly_sharers WHERE sharers <> 0').all() as { week: number; sharers: number }[];
  expect(new Map(stored.map((r) => [r.week, r.sharers]))).toEqual(new Map([...people].map(([w, p]) => [w, p.size])));
}

function expectRollupsMatch(sqlite: BetterSqlite3.Database) {
  expectDailyTotals(sqlite);
  expectRunningTotals(sqlite);
  expectWeeklySharers(sqlite);
}

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
/** Sunday 1 November 2026, 00:00 UTC: the last day of an ISO week and the first of a month. */
const BASE = Date.UTC(2026, 10, 1);

/**
 * Writes `count` shares and a click after each, straddling midnights (the first and last millisecond of
 * a day) over two ISO weeks, in an order that is not time order (an outbox sends old shares late). Clicks
 * go through the click writer (which keeps their rollups), or straight into the table when `db` is absent
 * (a release without rollups).
 */
async function writeActivity(sqlite: BetterSqlite3.Database, people: string[], items: string[], count: number, firstId = 0, db?: Kysely<DB>) {
  const share = sqlite.prepare(`INSERT INTO shares (id, employee_id, item_id, network, shared_at, received_at, audience)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const click = sqlite.prepare('INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) VALUES (?, ?, ?, ?, ?)');
  const clicks: CountedClick[] = [];
  for (let n = 0; n < count; n++) {
    const i = (n * 37) % count; // a permutation of 0..count-1 when count and 37 are coprime
    const who = people[i % 3 === 0 ? 1 % people.length : 0]!;
    const network = i % 2 ? 'x' : 'linkedin';
    const at = BASE + Math.floor(i / 4) * DAY + [0, DAY - 1, 12 * 3_600_000, 1][i % 4]!;
    share.run(id(firstId + i), who, items[i % items.length], network, at, at, 100 + i);
    const written: CountedClick = { code: `c${i}`, employeeId: who, itemId: items[(i + 1) % items.length]!, network, clickedAt: at + 5 };
    if (db) clicks.push(written);
    else click.run(written.code, written.employeeId, written.itemId, written.network, written.clickedAt);
  }
  if (db) await db.transaction().execute((trx) => writeClicks(trx, clicks));
}

describe('rollups kept by triggers', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('match the raw shares and clicks after inserts out of time order, ignored duplicates and deletes', async () => {
    const { sqlite } = h.database;
    const people = [(await h.employee('Ana')).id, (await h.employee('Bea')).id];
    const cai = (await h.employee('Cai')).id;
    const items = [(await h.createItem()).id, (await h.createItem()).id];
    await writeActivity(sqlite, people, items, 60, 0, h.database.db);
    // Cai shares twice in one week and once in the next; deleting them below takes the weeks' count down.
    const caiShare = sqlite.prepare(`INSERT INTO shares (id, employee_id, item_id, network, shared_at, received_at, audience)
      VALUES (?, ?, ?, 'x', ?, ?, 7)`);
    for (const [n, at] of [[900, BASE + 2 * DAY], [901, BASE + 4 * DAY + 1], [902, BASE + 9 * DAY]] as const) caiShare.run(id(n), cai, items[0], at, at);
    sqlite.prepare(`INSERT INTO shares (id, employee_id, item_id, network, shared_at, received_at, audience)
      VALUES (?, ?, ?, 'x', ?, ?, 999999) ON CONFLICT (id) DO NOTHING`).run(id(1), people[0], items[0], BASE, BASE); // a duplicate: ignored
    expectRollupsMatch(sqlite);
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM weekly_sharers WHERE sharers = 3').get()).toEqual({ n: 2 });

    sqlite.prepare('DELETE FROM shares WHERE rowid % 3 = 0 AND employee_id <> ?').run(cai);
    sqlite.prepare('DELETE FROM clicks WHERE id % 4 = 0').run();
    sqlite.prepare('DELETE FROM shares WHERE employee_id = ? AND shared_at < ?').run(cai, BASE + 5 * DAY);
    expectRollupsMatch(sqlite);
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM shares WHERE employee_id = ?').get(cai)).toEqual({ n: 1 });
    expect(perDay(sqlite, 'network').size).toBeGreaterThan(10);
  });
});

describe('rollups filled by the migrations for rows written before them', () => {
  let sqlite: BetterSqlite3.Database;
  let db: Kysely<unknown>;
  beforeEach(() => {
    sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  });
  afterEach(() => db.destroy());

  it('counts shares and clicks written by a release without rollups, and keeps counting after', async () => {
    await migrateTo(db, '0005_analytics_indexes');
    const person = sqlite.prepare(`INSERT INTO employees (id, name, role, active, created_at) VALUES (?, ?, 'employee', 1, 0)`);
    const item = sqlite.prepare(`INSERT INTO items (id, url, title, content_type, publish_at, created_at, updated_at, version)
      VALUES (?, 'https://example.com/', 'A post', 'curated', 0, 0, 0, ?)`);
    const people = ['e-ana', 'e-bea'];
    const items = ['i-one', 'i-two', 'i-three'];
    for (const p of people) person.run(p, p);
    items.forEach((i, n) => item.run(i, n + 1));
    await writeActivity(sqlite, people, items, 59);
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name LIKE '%figures' OR name = 'weekly_sharers'`).get()).toEqual({ n: 0 });

    const applied = await migrateToLatest(db);
    expect(applied).toEqual(expect.arrayContaining(['0006_analytics_rollups', '0008_analytics_running_totals']));
    expect(sqlite.prepare('SELECT SUM(shares) AS n FROM daily_network_figures').get()).toEqual({ n: 59 });
    expectRollupsMatch(sqlite);

    // The triggers carry on from what the backfill wrote, early days included.
    await writeActivity(sqlite, people, items, 41, 1000, db as Kysely<DB>);
    sqlite.prepare('DELETE FROM shares WHERE rowid % 5 = 0').run();
    expectRollupsMatch(sqlite);
  });
});
