import { PostgresAdapter, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Which database a Kysely instance talks to, for the few statements whose SQL differs (triggers, joins the
 * planners read differently). Read from the adapter, so migrations and queries need nothing passed in.
 */
export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file (or `:memory:`). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/** How to name `target` in messages: a PostgreSQL URL without its user and password. */
export function describeDatabase(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const url = new URL(target);
    return `PostgreSQL ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
