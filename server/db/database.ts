import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { isPostgresUrl, type DialectName } from './dialect';
import { migrateToLatest } from './migrations';
import { preparingPool } from './prepared-on-postgres';
import type { DB } from './schema';

export interface Database {
  /** Every query goes through Kysely, on either database. */
  db: Kysely<DB>;
  dialect: DialectName;
  /** SQLite only (pragmas, backups): the better-sqlite3 connection under `db`. Throws on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** false: leave the schema as it is (tests of the migrations themselves). */
  migrate?: boolean;
}

/**
 * Opens and migrates the database `target` names: a `postgres://` URL (DATABASE_URL), or a SQLite file
 * (its folder created if needed); `:memory:` gives a private SQLite database.
 */
export async function openDatabase(target: string, options: OpenOptions = {}): Promise<Database> {
  return isPostgresUrl(target) ? openPostgres(target, options) : openSqlite(target, options);
}

async function openSqlite(file: string, options: OpenOptions): Promise<Database> {
  if (file !== ':memory:' && !file.startsWith('file:')) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers (e.g. the CLI, backups) run while the server writes; busy_timeout makes a
  // concurrent writer wait instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's default page cache is 2 MB; analytics over a million shares re-read their indexes from the OS
  // on every report with it. 64 MB is an upper bound, allocated only as pages are read.
  sqlite.pragma('cache_size = -65536');
  // A statement that writes several rows inside a transaction keeps a statement journal (the pages it
  // changed, to undo it alone), spilled to a temporary file past 64 KB: a batch of clicks made that two
  // writes per page, 17 % of the CPU of writing clicks. In memory, a batch of 40 clicks cost 39–43 µs of CPU a
  // click instead of 54–58. Temporary tables and sorts stay in memory too: Relay sorts lists (items, people,
  // one person's export), rollups and at most two partial days of raw rows, never a whole table.
  sqlite.pragma('temp_store = MEMORY');
  // A checkpoint (copying the WAL into the database, with an fsync) runs inside the commit that crosses this
  // many pages, on the thread that answers requests. Clicks of new visitors dirty a page each, so at SQLite's
  // 1,000 that was several checkpoints a second; at 10,000 (a WAL of up to ~40 MB) a written click measured
  // 46–56 µs of wall time against 63–71 µs.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // SQLite's own lower() folds ASCII only ("АННА" stays "АННА"); PostgreSQL's folds every script. The same
  // name with JavaScript's Unicode folding lets features write `lower(x) LIKE …` once for both databases.
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
  return ready(db, 'sqlite', options, sqlite);
}

/** How many prepared statements a SQLite connection keeps: every query shape the server has, with room to spare. */
const KEPT_STATEMENTS = 500;

/**
 * Kysely prepares every query anew, and SQLite compiles a statement's triggers into it as it prepares it:
 * preparing the upserts of the daily totals (running totals, weekly sharers) cost more than running them.
 * Statements are kept by their text and reused; nothing here iterates one, so no statement is ever busy
 * when asked for again.
 */
function keepingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (statement === undefined) {
        statement = sqlite.prepare(text);
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
        kept.set(text, statement);
      }
      return statement;
    },
  };
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * pg hands 64-bit integers and numerics over as strings, since not all of them fit a double. Here they are
 * epoch milliseconds, counts and sums of counts, far below 2^53, and the code (like SQLite's driver) expects
 * numbers: COUNT(*) is int8 and SUM(bigint) numeric on PostgreSQL.
 */
const numberTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, types: numberTypes });
  // An idle connection the server drops (restart, fail-over) is replaced on next use; without a listener
  // pg would turn the event into an uncaught exception and stop the process.
  pool.on('error', (error) => console.error(`Relay: a PostgreSQL connection was lost (${error.message})`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return ready(db, 'postgres', options);
}

async function ready(
  db: Kysely<DB>,
  dialect: DialectName,
  options: OpenOptions,
  sqlite?: BetterSqlite3.Database,
): Promise<Database> {
  try {
    if (options.migrate !== false) await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    dialect,
    get sqlite() {
      if (!sqlite) throw new Error('This database is PostgreSQL: there is no SQLite connection');
      return sqlite;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy closes the better-sqlite3 handle or ends the pg pool it was given.
      await db.destroy();
    },
  };
}
