import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect';
import { counter, dropTables, withoutRowid } from './tables';
import { dropTriggers, rowTrigger } from './triggers';

/** The daily totals' tables and the column each one counts by, besides the day. */
export const DAILY_TABLES = [
  ['daily_network_figures', 'network'],
  ['daily_item_figures', 'item_id'],
  ['daily_employee_figures', 'employee_id'],
] as const;
type DailyTable = (typeof DAILY_TABLES)[number];

/** The day (since 1970, UTC) of a time in ms, in SQL. */
const day = (column: string) => sql.raw(`${column} / 86400000`);

/**
 * Daily totals per network, item and employee, kept by triggers as shares and clicks are written, so a report
 * over a month reads thousands of rows instead of hundreds of thousands. Reports add the raw rows of the
 * partial days at a period's edges (server/analytics/figures.ts).
 */
export const analyticsRollups: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = dialectOf(db) === 'postgres';
    const int = counter(db);
    for (const [table, key] of DAILY_TABLES) {
      const [t, k] = [sql.raw(table), sql.raw(key)];
      await sql`CREATE TABLE ${t} (
        day ${int} NOT NULL, ${k} TEXT NOT NULL,
        shares ${int} NOT NULL DEFAULT 0, reach ${int} NOT NULL DEFAULT 0, clicks ${int} NOT NULL DEFAULT 0,
        PRIMARY KEY (day, ${k})
      )${withoutRowid(db)}`.execute(db);
      if (postgres) await postgresTriggers(db, table, key);
      else await sqliteTriggers(db, table, key);
      // What was written before this migration.
      await sql`INSERT INTO ${t} (day, ${k}, shares, reach, clicks)
        SELECT day, k, SUM(s), SUM(r), SUM(c) FROM (
          SELECT ${day('shared_at')} AS day, ${k} AS k, 1 AS s, audience AS r, 0 AS c FROM shares
          UNION ALL SELECT ${day('clicked_at')}, ${k}, 0, 0, 1 FROM clicks
        ) AS activity GROUP BY day, k`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    for (const [table] of DAILY_TABLES) {
      await dropTriggers(
        db,
        ['share_in', 'share_out', 'click_in', 'click_out'].map((suffix) => `${table}_${suffix}`),
      );
      await dropTables(db, [table]);
    }
  },
};

async function sqliteTriggers(db: Kysely<unknown>, table: DailyTable[0], key: DailyTable[1]) {
  const [t, k] = [sql.raw(table), sql.raw(key)];
  await shareIn(db, table, key);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_share_out`)} AFTER DELETE ON shares BEGIN
    UPDATE ${t} SET shares = shares - 1, reach = reach - OLD.audience
    WHERE day = ${day('OLD.shared_at')} AND ${k} = OLD.${k};
  END`.execute(db);
  await sqliteClickIn(db, table, key);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_click_out`)} AFTER DELETE ON clicks BEGIN
    UPDATE ${t} SET clicks = clicks - 1
    WHERE day = ${day('OLD.clicked_at')} AND ${k} = OLD.${k};
  END`.execute(db);
}

/** The trigger that counts each inserted share in `table` (0012 takes it away, and back on its way down). */
export async function shareIn(db: Kysely<unknown>, table: DailyTable[0], key: DailyTable[1]) {
  const [t, k] = [sql.raw(table), sql.raw(key)];
  if (dialectOf(db) === 'postgres') {
    await rowTrigger(
      db,
      `${table}_share_in`,
      'AFTER INSERT',
      'shares',
      sql`
    INSERT INTO ${t} (day, ${k}, shares, reach) VALUES (${day('NEW.shared_at')}, NEW.${k}, 1, NEW.audience)
    ON CONFLICT (day, ${k}) DO UPDATE SET shares = ${t}.shares + 1, reach = ${t}.reach + excluded.reach`,
    );
    return;
  }
  await sql`CREATE TRIGGER ${sql.raw(`${table}_share_in`)} AFTER INSERT ON shares BEGIN
    INSERT INTO ${t} (day, ${k}, shares, reach) VALUES (${day('NEW.shared_at')}, NEW.${k}, 1, NEW.audience)
    ON CONFLICT (day, ${k}) DO UPDATE SET shares = shares + 1, reach = reach + excluded.reach;
  END`.execute(db);
}

/** SQLite: the trigger that counts each inserted click in `table` (0010 takes it away, and back on its way down). */
export async function sqliteClickIn(db: Kysely<unknown>, table: DailyTable[0], key: DailyTable[1]) {
  const [t, k] = [sql.raw(table), sql.raw(key)];
  await sql`CREATE TRIGGER ${sql.raw(`${table}_click_in`)} AFTER INSERT ON clicks BEGIN
    INSERT INTO ${t} (day, ${k}, clicks) VALUES (${day('NEW.clicked_at')}, NEW.${k}, 1)
    ON CONFLICT (day, ${k}) DO UPDATE SET clicks = clicks + 1;
  END`.execute(db);
}

/** PostgreSQL's words for sqliteTriggers. */
async function postgresTriggers(db: Kysely<unknown>, table: DailyTable[0], key: DailyTable[1]) {
  const [t, k] = [sql.raw(table), sql.raw(key)];
  await shareIn(db, table, key);
  await rowTrigger(
    db,
    `${table}_share_out`,
    'AFTER DELETE',
    'shares',
    sql`
    UPDATE ${t} SET shares = shares - 1, reach = reach - OLD.audience
    WHERE day = ${day('OLD.shared_at')} AND ${k} = OLD.${k}`,
  );
  await rowTrigger(
    db,
    `${table}_click_in`,
    'AFTER INSERT',
    'clicks',
    sql`
    INSERT INTO ${t} (day, ${k}, clicks) VALUES (${day('NEW.clicked_at')}, NEW.${k}, 1)
    ON CONFLICT (day, ${k}) DO UPDATE SET clicks = ${t}.clicks + 1`,
  );
  await rowTrigger(
    db,
    `${table}_click_out`,
    'AFTER DELETE',
    'clicks',
    sql`
    UPDATE ${t} SET clicks = clicks - 1
    WHERE day = ${day('OLD.clicked_at')} AND ${k} = OLD.${k}`,
  );
}
