import { sql, type Kysely } from 'kysely';
import type { DB } from './db/schema';

/**
 * How many rows a table holds, optionally only those whose columns equal the given values: what tests
 * check a request wrote (or did not). Through Kysely, so the same test runs on SQLite and PostgreSQL.
 */
export async function countRows(db: Kysely<DB>, table: keyof DB, where: Record<string, string | number> = {}): Promise<number> {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  for (const [column, value] of Object.entries(where)) query = query.where(sql.ref(column), '=', value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
