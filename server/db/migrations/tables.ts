import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/** Drops `tables`, in this order, where they exist: what most migrations' `down` does. */
export async function dropTables(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}

/** The type of a counter column: SQLite's INTEGER is 64 bits, PostgreSQL's is 32, so there BIGINT. */
export function counter(db: Kysely<unknown>) {
  return sql.raw(dialectOf(db) === 'postgres' ? 'BIGINT' : 'INTEGER');
}

/** After a SQLite table's definition: rows kept in their primary key's order (PostgreSQL has no such thing). */
export function withoutRowid(db: Kysely<unknown>) {
  return sql.raw(dialectOf(db) === 'sqlite' ? ' WITHOUT ROWID' : '');
}
