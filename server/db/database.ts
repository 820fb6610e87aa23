import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations';
import type { DB } from './schema';

export interface Database {
  /** Typed queries for everything that is not a hot path. */
  db: Kysely<DB>;
  /** The same connection, for prepared statements on hot paths (redirects, 304s, token lookups, batches). */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** Opens (creating the folder if needed) and migrates the database. `:memory:` gives a private one. */
export async function openDatabase(file: string): Promise<Database> {
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
  // SQLite's own lower() folds ASCII only ("АННА" stays "АННА"); PostgreSQL's folds every script. The same
  // name with JavaScript's Unicode folding lets features write `lower(x) LIKE …` once for both databases.
  sqlite.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely's destroy closes the better-sqlite3 handle it was given.
      await db.destroy();
    },
  };
}
