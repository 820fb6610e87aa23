/**
 * The analytics bench's data set and its two writers. One deterministic generator makes the rows; SQLite
 * and PostgreSQL each write the same rows their own fastest way, into the schema as it stood before the
 * analytics rollups (migration 0005), so that the real migrations' backfill fills the rollups afterwards.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Insertable } from 'kysely';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../../server/db/database';
import { migrateTo } from '../../server/db/migrations';
import type { DB } from '../../server/db/schema';
import { envNumber } from './common';
import { copyRows } from './pg-copy';
import { seededRandom } from '../helpers/seeded-random';

export const EMPLOYEES = 10_000;
export const ITEMS = 2_000;
export const SHARES = Math.round(envNumber('BENCH_ANALYTICS_SHARES', 1_000_000));
export const CLICKS = Math.round(envNumber('BENCH_ANALYTICS_CLICKS', 1_000_000));
export const DAY = 86_400_000;
export const SPAN_DAYS = 180;
/** The bench's "now": Wednesday 18 November 2026, 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 18, 12);
export const START = NOW - SPAN_DAYS * DAY;
const TOPICS = [
  'company',
  'engineering',
  'hiring',
  'finance',
  'open-source',
  'events',
  'product',
  'culture',
  'ai',
  'security',
];
const TYPES = [
  'curated',
  'curated',
  'curated',
  'curated',
  'curated',
  'curated',
  'owned',
  'owned',
  'owned',
  'promotional',
] as const;

export const uuid = (kind: number, n: number) =>
  `0190a000-${kind.toString(16).padStart(4, '0')}-7000-8000-${n.toString(16).padStart(12, '0')}`;
export const log = (line: string) => process.stdout.write(`analytics bench: ${line}\n`);

/** The last migration before the first analytics rollup: the raw rows are written into this schema. */
const BEFORE_ROLLUPS = '0005_analytics_indexes';

type Table = 'employees' | 'items' | 'shares' | 'clicks';
/** Up to BATCH rows of one table; `last` on its final batch. */
type Batch = { [T in Table]: { table: T; rows: Insertable<DB[T]>[]; last: boolean } }[Table];
/** Rows per batch: one transaction (SQLite) or one COPY (PostgreSQL) each. */
const BATCH = 50_000;

function* batches<T extends Table>(table: T, count: number, row: (i: number) => Insertable<DB[T]>): Generator<Batch> {
  for (let from = 0; from < count; from += BATCH) {
    const to = Math.min(from + BATCH, count);
    const rows = Array.from({ length: to - from }, (_, i) => row(from + i));
    yield { table, rows, last: to === count } as Batch;
  }
}

/** Every row of the data set, table by table, spread over 180 days. */
function* dataSet(): Generator<Batch> {
  const rnd = seededRandom(5_000_2026);
  const employeeAudience: [number, number][] = [];

  yield* batches('employees', EMPLOYEES, (i) => {
    const created = START - 30 * DAY + Math.floor(rnd() * (SPAN_DAYS + 20) * DAY);
    const activated = rnd() < 0.6 ? created + Math.floor(rnd() * 5 * DAY) : null;
    const audience: [number, number] = [50 + Math.floor(rnd() * 2000), Math.floor(rnd() * 3000)];
    employeeAudience.push(audience);
    return {
      id: uuid(1, i),
      name: `Person ${i} Example`,
      role: i < 20 ? ('admin' as const) : ('employee' as const),
      active: 1,
      audience_linkedin: audience[0],
      audience_x: audience[1],
      created_at: created,
      activated_at: activated,
    };
  });

  yield* batches('items', ITEMS, (i) => {
    const at = START - 10 * DAY + Math.floor((i / ITEMS) * SPAN_DAYS * DAY);
    const topics = [TOPICS[i % TOPICS.length]!, ...(i % 3 === 0 ? [TOPICS[(i * 7 + 3) % TOPICS.length]!] : [])];
    return {
      id: uuid(2, i),
      url: `https://example.com/post/${i}`,
      title: `Post number ${i}`,
      topics: JSON.stringify([...new Set(topics)]),
      content_type: TYPES[i % TYPES.length]!,
      pinned: 0,
      publish_at: at,
      created_at: at,
      updated_at: at,
      version: i + 1,
    };
  });

  // Times ascend with the row number (as real traffic arrives), so the time indexes grow at their end.
  yield* batches('shares', SHARES, (i) => {
    const employee = Math.floor(rnd() ** 2 * EMPLOYEES); // a few people share a lot
    const linkedin = rnd() < 0.6;
    const at = START + Math.floor((i / SHARES) * SPAN_DAYS * DAY);
    const audience = employeeAudience[employee]![linkedin ? 0 : 1];
    return {
      id: uuid(3, i),
      employee_id: uuid(1, employee),
      item_id: uuid(2, Math.floor(rnd() * ITEMS)),
      network: linkedin ? ('linkedin' as const) : ('x' as const),
      edited: 0,
      shared_at: at,
      received_at: at,
      audience,
    };
  });

  yield* batches('clicks', CLICKS, (i) => {
    const employee = Math.floor(rnd() ** 2 * EMPLOYEES);
    const item = Math.floor(rnd() * ITEMS);
    const network = rnd() < 0.6 ? ('linkedin' as const) : ('x' as const);
    return {
      code: `c${employee}i${item}${network[0]}`,
      employee_id: uuid(1, employee),
      item_id: uuid(2, item),
      network,
      clicked_at: START + Math.floor((i / CLICKS) * SPAN_DAYS * DAY),
    };
  });
}

/** Hands every batch to `write`, saying as each table is done. */
async function writeDataSet(where: string, write: (batch: Batch) => Promise<void>): Promise<void> {
  let count = 0;
  for (const batch of dataSet()) {
    await write(batch);
    count += batch.rows.length;
    if (batch.last) {
      log(`${where}: ${count.toLocaleString('en')} ${batch.table} written`);
      count = 0;
    }
  }
}

/** Rows per INSERT: at most 10 values each, inside SQLite's limit on bound values. */
const ROWS_PER_INSERT = 1000;

/**
 * Writes the raw data set into a new SQLite file, without a journal or fsync (a crash here only loses a
 * throw-away file) and with a large page cache, so that the random-order index inserts (shares by item, by
 * employee) stay in memory.
 */
export async function seedSqlite(file: string): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateTo(db as Kysely<unknown>, BEFORE_ROLLUPS);
    await writeDataSet('SQLite', (batch) =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.rows.length; i += ROWS_PER_INSERT) {
          // Kysely's typing of a table chosen at run time is too wide to follow; the rows are that table's.
          await trx
            .insertInto(batch.table)
            .values(batch.rows.slice(i, i + ROWS_PER_INSERT) as never)
            .execute();
        }
      }),
    );
  } finally {
    await db.destroy();
  }
}

/**
 * Writes the raw data set into the (empty) PostgreSQL database at `url`, one COPY per batch, foreign keys
 * and indexes checked as they are written. Then ANALYZE, as autovacuum would long have done on a server
 * that gathered this much data before upgrading.
 */
export async function seedPostgres(url: string): Promise<void> {
  const database = await openDatabase(url, { migrate: false });
  try {
    await migrateTo(database.db as Kysely<unknown>, BEFORE_ROLLUPS);
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The cluster is throw-away: no commit waits for its WAL.
    await client.query('SET synchronous_commit = off');
    await writeDataSet('PostgreSQL', (batch) =>
      copyRows(client, batch.table, batch.rows as Record<string, string | number | null>[]),
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE of the migrated database: what autovacuum does in the minutes after a bulk load and a
 * backfill (statistics, visibility map, hint bits). Left to autovacuum it runs during the measurements,
 * on the same two cores, and the reports measure it; a server with this much data has long had it done.
 */
export async function settlePostgres(url: string): Promise<void> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  log(`PostgreSQL: VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
