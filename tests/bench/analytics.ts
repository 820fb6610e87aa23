/**
 * Analytics speed, and the same answers on both databases: every report of /v1/admin/analytics
 * answers in ≤ 300 ms (median) for 10,000 employees, 2,000 items, 1,000,000 shares and 1,000,000 clicks,
 * on the embedded SQLite database and on PostgreSQL (a throw-away local cluster, as the tests start it), and
 * both answer every report with the same JSON. Here (2 cores, shared with other work) the contributors, two
 * index lookups for each of the 10,000 people, took 35–80 ms on SQLite and 155–240 ms on PostgreSQL, every
 * other report ≤ 30 ms and ≤ 55 ms; seeding and migrating 80–125 s (SQLite) and 75–110 s (PostgreSQL).
 *
 * The data set is written straight into each database (SQLite: multi-row inserts in transactions;
 * PostgreSQL: COPY; going through the REST API would take an hour), spread over 180 days, with one
 * deterministic generator (tests/bench/analytics-data.ts), so both hold the same rows. The raw rows are
 * written into the schema as it stood before the analytics rollups (migration 0005) and then the real
 * migrations run to the latest: their own backfill statements fill the rollups, as on a server upgraded
 * with years of data (on PostgreSQL then VACUUM ANALYZE, which autovacuum would otherwise be doing during
 * the measurements; its time is in the backfill figure). Keeping the rollups up to date as shares and clicks
 * are written is what the unit tests check against the raw rows (server/analytics/*.test.ts); writing
 * 2,000,000 rows that way here took over ten minutes for no extra knowledge.
 * Then each report is asked through the real app (`createApp` + `app.request`, JSON, as the admin page asks
 * for it): one warm-up, then the median of BENCH_ANALYTICS_RUNS (≥ 5) runs, for the default period (the
 * last 30 days) and for all 180 days, both within the budget, and the bodies of the two databases are
 * compared. BENCH_ANALYTICS_SHARES / BENCH_ANALYTICS_CLICKS shrink the data set.
 *
 * Run alone: BENCH_ONLY=analytics npx tsx tests/bench/run.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createApp } from '../../server/app';
import { openDatabase, type Database } from '../../server/db/database';
import type { DB } from '../../server/db/schema';
import { writeTransaction } from '../../server/db/write-transaction';
import { writeShares } from '../../server/shares/write-shares';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server';
import {
  CLICKS,
  DAY,
  EMPLOYEES,
  ITEMS,
  NOW,
  SHARES,
  START,
  log,
  seedPostgres,
  seedSqlite,
  settlePostgres,
  uuid,
} from './analytics-data';
import { envNumber, median, type Row } from './common';
import { seededRandom } from '../helpers/seeded-random';

const RUNS = Math.max(5, Math.round(envNumber('BENCH_ANALYTICS_RUNS', 7)));
const BUDGET_MS = 300;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

const REPORTS = [
  'adoption',
  'participation',
  'contributors',
  'contributors?anonymise=true',
  'networks',
  'items',
  'topics',
  'content-types',
  'reach',
  'traffic',
];

/** The period the console opens on, and the whole data set (its first and last days partial). */
const PERIODS = [
  { label: 'last 30 days', query: '' },
  { label: 'all 180 days', query: `from=${new Date(START).toISOString()}&to=${new Date(NOW).toISOString()}` },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * What the rollups cost the write path at this size: shares in batches of 100, written as POST /v1/shares
 * writes them (writeShares in a write transaction: the rows, then each batch's daily totals, whose triggers
 * move the running totals), one in ten of them recorded three days late (an outbox that was offline), which
 * moves the running totals of the days since. Written after the reports were measured.
 */
async function writeThroughRollups(db: Kysely<DB>, where: string): Promise<Row> {
  const COUNT = 20_000;
  const rnd = seededRandom(2026_11_18);
  const started = performance.now();
  for (let from = 0; from < COUNT; from += 100) {
    const batch = Array.from({ length: 100 }, (_, n) => {
      const i = from + n;
      const at = NOW - (i % 10 === 0 ? 3 * DAY : 0) + i;
      return {
        id: uuid(4, i),
        employee_id: uuid(1, Math.floor(rnd() ** 2 * EMPLOYEES)),
        item_id: uuid(2, Math.floor(rnd() * ITEMS)),
        network: rnd() < 0.6 ? ('linkedin' as const) : ('x' as const),
        caption_id: null,
        edited: 0,
        shared_at: at,
        received_at: NOW,
        audience: 100,
      };
    });
    await writeTransaction(db, (trx) => writeShares(trx, batch));
  }
  const perSecond = COUNT / ((performance.now() - started) / 1000);
  log(`${where}: ${COUNT} shares written with their rollups: ${Math.round(perSecond)} per second`);
  return {
    name: `analytics: shares written with their rollups at this size (batches of 100, one in ten 3 days late) · ${where}`,
    figure: `${Math.round(perSecond).toLocaleString('en')}/s`,
    budget: 'reported',
    pass: true,
  };
}

/** Every report's JSON body, by report and period, as one database answered it. */
type Bodies = Map<string, unknown>;

/** One database's rows: its seeding, each report (by report and period), its write path; and its answers. */
interface Measured {
  seeding: Row;
  reports: Row[];
  writes: Row;
  bodies: Bodies;
}

/** Seeds one database, then asks every report through the real app on it. */
async function benchOne(where: string, seed: () => Promise<void>, open: () => Promise<Database>): Promise<Measured> {
  const reports: Row[] = [];
  const bodies: Bodies = new Map();
  const started = performance.now();
  await seed();
  const written = performance.now();
  // The real start-up path: every later migration, the rollups' backfill included.
  const database = await open();
  const migrated = performance.now();
  log(`${where}: raw rows in ${seconds(written - started)}, migrations and backfill in ${seconds(migrated - written)}`);
  const seeding: Row = {
    name: `analytics: write ${EMPLOYEES.toLocaleString('en')} employees, ${ITEMS.toLocaleString('en')} items, ${SHARES.toLocaleString('en')} shares, ${CLICKS.toLocaleString('en')} clicks, then migrate (backfill) · ${where}`,
    figure: `${seconds(migrated - started)} (backfill ${seconds(migrated - written)})`,
    budget: 'reported',
    pass: true,
  };
  const relay = await createApp({
    database,
    publicUrl: 'http://127.0.0.1:1',
    adminToken: ADMIN_TOKEN,
    now: () => NOW,
    clickFlushMs: 0,
  });
  try {
    for (const period of PERIODS) {
      for (const report of REPORTS) {
        const path = `/v1/admin/analytics/${report}${period.query ? `${report.includes('?') ? '&' : '?'}${period.query}` : ''}`;
        const ask = async () => {
          const t = performance.now();
          const res = await relay.app.request(path, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${where}: ${path} answered ${res.status}: ${body.slice(0, 200)}`);
          return { ms: performance.now() - t, body };
        };
        const warm = await ask(); // warm-up: statement compilation, page cache
        bodies.set(`${report} (${period.label})`, JSON.parse(warm.body));
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push((await ask()).ms);
        const m = median(times);
        reports.push({
          name: `analytics: ${report} (${period.label}), median of ${RUNS} · ${where}`,
          figure: `${m.toFixed(1)} ms`,
          budget: `≤ ${BUDGET_MS} ms`,
          pass: m <= BUDGET_MS,
          ratio: Number((m / BUDGET_MS).toFixed(2)),
        });
        log(`${where}: ${report} (${period.label}): ${m.toFixed(1)} ms`);
      }
    }
    const writes = await writeThroughRollups(database.db, where);
    return { seeding, reports, writes, bodies };
  } finally {
    await relay.close();
  }
}

/** Where two JSON values first differ, as `path: a vs b`; undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const show = (v: unknown) => (JSON.stringify(v) ?? 'nothing').slice(0, 60);
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path || 'body'}: ${show(a)} vs ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)
    return `${path || 'body'}: ${a.length} vs ${b.length} entries`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const step = Array.isArray(a) ? `[${key}]` : `.${key}`;
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}${step}`,
    );
    if (found) return found;
  }
  return undefined;
}

function sameAnswers(sqlite: Bodies, postgres: Bodies): Row {
  const differences = [...sqlite].flatMap(([report, body]) => {
    const found = firstDifference(body, postgres.get(report));
    return found ? [`${report} ${found}`] : [];
  });
  for (const d of differences) log(`SQLite vs PostgreSQL: ${d}`);
  return {
    name: `analytics: every report's JSON the same on SQLite and PostgreSQL (${sqlite.size} reports)`,
    figure: differences.length ? `${differences.length} differ: ${differences.slice(0, 3).join('; ')}` : 'all the same',
    budget: 'identical',
    pass: differences.length === 0,
  };
}

/** A database of its own on the throw-away cluster. */
async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.href;
}

export async function analyticsBench(): Promise<Row[]> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'relay-analytics-bench-'));
  let postgres: PostgresServer | undefined;
  try {
    const file = join(dir, 'relay.db');
    const onSqlite = await benchOne(
      'SQLite',
      () => seedSqlite(file),
      () => openDatabase(file),
    );
    // One database after the other: each has the machine to itself while it is measured.
    rmSync(dir, { recursive: true, force: true });
    postgres = await startPostgres();
    const url = await createDatabase(postgres, 'relay_analytics');
    const onPostgres = await benchOne(
      'PostgreSQL',
      () => seedPostgres(url),
      async () => {
        const database = await openDatabase(url);
        await settlePostgres(url);
        return database;
      },
    );
    const total = performance.now() - started;
    log(`both databases in ${seconds(total)}`);
    // Each figure on SQLite, then the same on PostgreSQL.
    const both = [onSqlite, onPostgres];
    return [
      ...both.map((m) => m.seeding),
      ...onSqlite.reports.flatMap((row, i) => [row, onPostgres.reports[i]!]),
      ...both.map((m) => m.writes),
      sameAnswers(onSqlite.bodies, onPostgres.bodies),
      {
        name: 'analytics: the whole part, both databases (seed, migrate, measure, compare)',
        figure: seconds(total),
        budget: 'reported',
        pass: true,
      },
    ];
  } finally {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
