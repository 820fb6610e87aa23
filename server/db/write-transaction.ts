import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './schema';

/** The SQLite write transaction of this process in progress, if any: the next waits for it. */
let sqliteWriting: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` in a transaction that writes. On SQLite it takes the write lock as it begins (BEGIN IMMEDIATE),
 * so it never fails half-way when another instance commits first, and the write transactions of one process
 * run one after another: SQLite waits for a lock by blocking the thread, so a second connection in this
 * process waiting for the first's lock would stop the first from ever committing.
 */
export function writeTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(work);
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
