import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './schema';

/** The SQLite write transaction of this process in progress, if any: the next waits for it. */
let sqliteWriting: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` in a transaction that writes. On SQLite it takes the write lock as it begins (BEGIN IMMEDIATE),
 * so it never fails half-way when another instance commits first, and the write transactions of one process
 * run one after another: SQLite waits for a lock by blocking the thread, so a second connection in this
 * process waiting for the first's lock would stop the first from ever committing. On PostgreSQL a
 * transaction rolled back to end a deadlock runs again, so `work` must do nothing but write to the database.
 */
export function writeTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return retried(() => db.transaction().execute(work));
  const run = () =>
    db.connection().execute(async (connection) => {
      await sql`BEGIN IMMEDIATE`.execute(connection);
      let out: T;
      try {
        out = await work(connection);
      } catch (error) {
        await sql`ROLLBACK`.execute(connection);
        throw error;
      }
      await sql`COMMIT`.execute(connection);
      return out;
    });
  const next = sqliteWriting.then(run, run);
  sqliteWriting = next.catch(() => undefined);
  return next;
}

/**
 * PostgreSQL's codes for a transaction it rolled back so that another could go on (deadlock detected,
 * serialization failure); its advice is to run it again. Relay's writers take the rows they share in one
 * order (server/db/daily-totals.ts, server/links/write-clicks.ts), so this is the safety net for a pair that
 * does not: without it the share batch it picked would be answered with an error instead of written.
 */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}
