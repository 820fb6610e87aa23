/**
 * Analytics speed (issue 5): every report of /v1/admin/analytics answers in ≤ 300 ms (median) for 10,000
 * employees, 2,000 items, 1,000,000 shares and 1,000,000 clicks on the embedded SQLite database.
 *
 * The data set is written straight into a temporary database file (bulk inserts in transactions: going
 * through the REST API would take an hour), spread over 180 days, with a deterministic generator. The raw
 * rows are written into the schema as it stood before the analytics rollups (migration 0005), with the
 * file's durability switched off, and then the real migrations run to the latest: their own backfill
 * statements fill the rollups, as on a server upgraded with years of data. Keeping the rollups up to date
 * row by row (the triggers) is what the unit tests check against the raw rows (server/analytics/*.test.ts);
 * writing 2,000,000 rows through them here took over ten minutes for no extra knowledge.
 * Then each report is asked through the real app (`createApp` + `app.request`, JSON, as the admin page asks
 * for it): one warm-up, then the median of BENCH_ANALYTICS_RUNS (≥ 5) runs, for the default period (the
 * last 30 days) and for all 180 days, both within the budget. BENCH_ANALYTICS_SHARES /
 * BENCH_ANALYTICS_CLICKS shrink the data set.
 *
 * Run alone: npx tsx -e "import('./tests/bench/analytics.ts').then(m => m.analyticsBench()).then(r => console.table(r))"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Insertable } from 'kysely';
import { createApp } from '../../server/app';
import { openDatabase } from '../../server/db/database';
import { migrateTo } from '../../server/db/migrations';
import type { DB } from '../../server/db/schema';
import { envNumber, median, type Row } from './common';

const EMPLOYEES = 10_000;
const ITEMS = 2_000;
const SHARES = Math.round(envNumber('BENCH_ANALYTICS_SHARES', 1_000_000));
const CLICKS = Math.round(envNumber('BENCH_ANALYTICS_CLICKS', 1_000_000));
const RUNS = Math.max(5, Math.round(envNumber('BENCH_ANALYTICS_RUNS', 7)));
const BUDGET_MS = 300;
const DAY = 86_400_000;
const SPAN_DAYS = 180;
/** The bench's "now": Wednesday 18 November 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 10, 18, 12);
const START = NOW - SPAN_DAYS * DAY;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const TOPICS = ['company', 'engineering', 'hiring', 'finance', 'open-source', 'events', 'product', 'culture', 'ai', 'security'];
const TYPES = ['curated', 'curated', 'curated', 'curated', 'curated', 'curated', 'owned', 'owned', 'owned', 'promotional'] as const;

const REPORTS = [
  'adoption', 'participation', 'contributors', 'contributors?anonymise=true', 'networks', 'items', 'topics',
  'content-types', 'reach', 'traffic',
];

/** mulberry32: the same data set on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuid = (kind: number, n: number) => `0190a000-${kind.toString(16).padStart(4, '0')}-7000-8000-${n.toString(16).padStart(12, '0')}`;
const log = (line: string) => process.stdout.write(`analytics bench: ${line}\n`);

/** The last migration before the first analytics rollup: the raw rows are written into this schema. */
const BEFORE_ROLLUPS = '0005_analytics_indexes';

/**
 * Writes the raw data set into a new database file at the schema before the rollups, without a journal or
 * fsync (a crash here only loses a throw-away file) and with a large page cache, so that the random-order
 * index inserts (shares by item, by employee) stay in memory.
 */
export async function seedRaw(file: string): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateTo(db as Kysely<unknown>, BEFORE_ROLLUPS);
    await writeRows(db);
  } finally {
    await db.destroy();
  }
}

/** Rows per INSERT: at most 8 values each, inside both SQLite's and PostgreSQL's limits on bound values. */
const ROWS_PER_INSERT = 1000;

/** Inserts rows in multi-row statements, `perTransaction` rows to a transaction. */
async function insertAll<T extends keyof DB>(
  db: Kysely<DB>, table: T, count: number, row: (i: number) => Insertable<DB[T]>, perTransaction = 50_000,
): Promise<void> {
  for (let from = 0; from < count; from += perTransaction) {
    const to = Math.min(from + perTransaction, count);
    // Rows are made before the transaction opens: inside one, only its own queries are awaited.
    const rows = Array.from({ length: to - from }, (_, i) => row(from + i));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        // Kysely's typing of a table chosen by a type parameter is too wide to follow; the rows are that table's.
        await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
      }
    });
  }
}

async function writeRows(db: Kysely<DB>): Promise<void> {
  const rnd = random(5_000_2026);
  const employeeAudience: [number, number][] = [];

  await insertAll(db, 'employees', EMPLOYEES, (i) => {
    const created = START - 30 * DAY + Math.floor(rnd() * (SPAN_DAYS + 20) * DAY);
    const activated = rnd() < 0.6 ? created + Math.floor(rnd() * 5 * DAY) : null;
    const audience: [number, number] = [50 + Math.floor(rnd() * 2000), Math.floor(rnd() * 3000)];
    employeeAudience.push(audience);
    return {
      id: uuid(1, i), name: `Person ${i} Example`, role: i < 20 ? ('admin' as const) : ('employee' as const), active: 1,
      audience_linkedin: audience[0], audience_x: audience[1], created_at: created, activated_at: activated,
    };
  });

  await insertAll(db, 'items', ITEMS, (i) => {
    const at = START - 10 * DAY + Math.floor((i / ITEMS) * SPAN_DAYS * DAY);
    const topics = [TOPICS[i % TOPICS.length]!, ...(i % 3 === 0 ? [TOPICS[(i * 7 + 3) % TOPICS.length]!] : [])];
    return {
      id: uuid(2, i), url: `https://example.com/post/${i}`, title: `Post number ${i}`, topics: JSON.stringify([...new Set(topics)]),
      content_type: TYPES[i % TYPES.length]!, pinned: 0, publish_at: at, created_at: at, updated_at: at, version: i + 1,
    };
  });
  log(`${EMPLOYEES} employees and ${ITEMS} items written`);

  // Times ascend with the row number (as real traffic arrives), so the time indexes grow at their end.
  await insertAll(db, 'shares', SHARES, (i) => {
    const employee = Math.floor(rnd() ** 2 * EMPLOYEES); // a few people share a lot
    const linkedin = rnd() < 0.6;
    const at = START + Math.floor((i / SHARES) * SPAN_DAYS * DAY);
    const audience = employeeAudience[employee]![linkedin ? 0 : 1];
    return {
      id: uuid(3, i), employee_id: uuid(1, employee), item_id: uuid(2, Math.floor(rnd() * ITEMS)), network: linkedin ? ('linkedin' as const) : ('x' as const),
      edited: 0, shared_at: at, received_at: at, audience,
    };
  });
  log(`${SHARES.toLocaleString('en')} shares written`);

  await insertAll(db, 'clicks', CLICKS, (i) => {
    const employee = Math.floor(rnd() ** 2 * EMPLOYEES);
    const item = Math.floor(rnd() * ITEMS);
    const network = rnd() < 0.6 ? ('linkedin' as const) : ('x' as const);
    return {
      code: `c${employee}i${item}${network[0]}`, employee_id: uuid(1, employee), item_id: uuid(2, item), network,
      clicked_at: START + Math.floor((i / CLICKS) * SPAN_DAYS * DAY),
    };
  });
  log(`${CLICKS.toLocaleString('en')} clicks written`);
}

/**
 * What the rollups cost the write path at this size: shares in batches of 100, one INSERT each (as
 * POST /v1/shares writes them), through every trigger, one in ten of them recorded three days late (an
 * outbox that was offline), which moves the running totals of the days since. Written after the reports
 * were measured.
 */
async function writeThroughTriggers(db: Kysely<DB>): Promise<Row> {
  const COUNT = 20_000;
  const rnd = random(2026_11_18);
  const started = performance.now();
  for (let from = 0; from < COUNT; from += 100) {
    const batch = Array.from({ length: 100 }, (_, n) => {
      const i = from + n;
      const at = NOW - (i % 10 === 0 ? 3 * DAY : 0) + i;
      return {
        id: uuid(4, i), employee_id: uuid(1, Math.floor(rnd() ** 2 * EMPLOYEES)), item_id: uuid(2, Math.floor(rnd() * ITEMS)),
        network: rnd() < 0.6 ? ('linkedin' as const) : ('x' as const), edited: 0, shared_at: at, received_at: NOW, audience: 100,
      };
    });
    await db.insertInto('shares').values(batch).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  const perSecond = COUNT / ((performance.now() - started) / 1000);
  log(`${COUNT} shares through the triggers: ${Math.round(perSecond)} per second`);
  return {
    name: `analytics: shares written through the rollup triggers at this size (batches of 100, one in ten 3 days late)`,
    figure: `${Math.round(perSecond).toLocaleString('en')}/s`, budget: 'reported', pass: true,
  };
}

export async function analyticsBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-analytics-bench-'));
  const rows: Row[] = [];
  try {
    const file = join(dir, 'relay.db');
    const started = performance.now();
    await seedRaw(file);
    const written = performance.now();
    // The real start-up path: WAL, then every later migration, the rollups' backfill included.
    const database = await openDatabase(file);
    const migrated = performance.now();
    log(`raw rows in ${((written - started) / 1000).toFixed(1)} s, migrations and backfill in ${((migrated - written) / 1000).toFixed(1)} s`);
    rows.push({
      name: `analytics: write ${EMPLOYEES.toLocaleString('en')} employees, ${ITEMS.toLocaleString('en')} items, ${SHARES.toLocaleString('en')} shares, ${CLICKS.toLocaleString('en')} clicks, then migrate (backfill)`,
      figure: `${((migrated - started) / 1000).toFixed(1)} s (backfill ${((migrated - written) / 1000).toFixed(1)} s)`, budget: 'reported', pass: true,
    });
    const relay = await createApp({ database, publicUrl: 'http://127.0.0.1:1', adminToken: ADMIN_TOKEN, now: () => NOW, clickFlushMs: 0 });
    try {
      // The period the console opens on, and the whole data set (its first and last days partial).
      const periods = [
        { label: 'last 30 days', query: '' },
        { label: 'all 180 days', query: `from=${new Date(START).toISOString()}&to=${new Date(NOW).toISOString()}` },
      ];
      for (const period of periods) {
        for (const report of REPORTS) {
          const path = `/v1/admin/analytics/${report}${period.query ? `${report.includes('?') ? '&' : '?'}${period.query}` : ''}`;
          const ask = async () => {
            const t = performance.now();
            const res = await relay.app.request(path, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
            const body = await res.text();
            if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
            return performance.now() - t;
          };
          await ask(); // warm-up: statement compilation, page cache
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) times.push(await ask());
          const m = median(times);
          rows.push({
            name: `analytics: ${report} (${period.label}), median of ${RUNS}`,
            figure: `${m.toFixed(1)} ms`, budget: `≤ ${BUDGET_MS} ms`, pass: m <= BUDGET_MS, ratio: Number((m / BUDGET_MS).toFixed(2)),
          });
          log(`${report} (${period.label}): ${m.toFixed(1)} ms`);
        }
      }
      rows.push(await writeThroughTriggers(database.db));
    } finally {
      await relay.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
