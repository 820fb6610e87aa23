import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../dialect';

// A SQLite trigger's body becomes, on PostgreSQL, a PL/pgSQL function of the same name run by a row trigger
// of that name: one name drops both.

/** PostgreSQL: creates function `name` with `body` and the row trigger `name` that runs it `when` on `table`. */
export async function rowTrigger(
  db: Kysely<unknown>,
  name: string,
  when: string,
  table: string,
  body: RawBuilder<unknown>,
  condition?: string,
) {
  await sql`CREATE FUNCTION ${sql.raw(name)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body};
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(when)} ON ${sql.raw(table)} FOR EACH ROW
    ${sql.raw(condition ? `WHEN (${condition})` : '')} EXECUTE FUNCTION ${sql.raw(name)}()`.execute(db);
}

/** Drops the triggers named `names`: SQLite's triggers, or PostgreSQL's functions and with them their triggers. */
export async function dropTriggers(db: Kysely<unknown>, names: readonly string[]): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (const name of names) {
    if (postgres) await sql`DROP FUNCTION IF EXISTS ${sql.raw(name)}() CASCADE`.execute(db);
    else await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
}
