import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import { dialectOf } from '../dialect';
import { counter, dropTables, withoutRowid } from './tables';
import { dropTriggers, rowTrigger } from './triggers';

/** Each running-totals table, the daily table of 0006 it is kept from, and the column both count by. */
const RUNNING_TABLES = [
  ['running_employee_figures', 'daily_employee_figures', 'employee_id'],
  ['running_item_figures', 'daily_item_figures', 'item_id'],
] as const;

const TRIGGERS = [
  'running_employee_figures_day_in',
  'running_employee_figures_day_change',
  'running_item_figures_day_in',
  'running_item_figures_day_change',
  'weekly_sharers_day_in',
  'weekly_sharers_day_change',
];

/**
 * Running totals per employee and per item: for each day with activity, everything from the first share up to
 * the end of that day. Any period of whole days is then the latest row before its end minus the latest row
 * before its start: two lookups per person or item, however long the period. They are kept from the daily
 * totals of 0006 by triggers on those tables, so days are bucketed in one place only.
 *
 * And how many different people shared in each ISO week (week n starts on Monday, day 7n - 3), for the
 * participation report. A person starts or stops counting in a week when their daily shares go from none to
 * some (or back) on a day while the week's other days have none: seven key lookups.
 */
export const analyticsRunningTotals: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = dialectOf(db) === 'postgres';
    const int = counter(db);
    for (const [table, daily, key] of RUNNING_TABLES) {
      const [t, d, k] = [sql.raw(table), sql.raw(daily), sql.raw(key)];
      await sql`CREATE TABLE ${t} (
        ${k} TEXT NOT NULL, day ${int} NOT NULL,
        shares ${int} NOT NULL, reach ${int} NOT NULL, clicks ${int} NOT NULL,
        PRIMARY KEY (${k}, day)
      )${withoutRowid(db)}`.execute(db);
      await sql`INSERT INTO ${t} (${k}, day, shares, reach, clicks)
        SELECT ${k}, day, SUM(shares) OVER w, SUM(reach) OVER w, SUM(clicks) OVER w FROM ${d}
        WINDOW w AS (PARTITION BY ${k} ORDER BY day ROWS UNBOUNDED PRECEDING)`.execute(db);
      if (postgres) await postgresRunningTriggers(db, table, daily, key);
      else await sqliteRunningTriggers(db, table, daily, key);
    }

    await sql`CREATE TABLE weekly_sharers (week ${int} PRIMARY KEY, sharers ${int} NOT NULL)`.execute(db);
    await sql`INSERT INTO weekly_sharers (week, sharers)
      SELECT (day + 3) / 7 AS week, COUNT(DISTINCT employee_id) FROM daily_employee_figures WHERE shares > 0 GROUP BY week`.execute(
      db,
    );
    const othersInWeek = sql`NOT EXISTS (SELECT 1 FROM daily_employee_figures o
      WHERE o.employee_id = NEW.employee_id AND o.shares > 0 AND o.day <> NEW.day
        AND o.day IN (${sql.join([0, 1, 2, 3, 4, 5, 6].map((i) => sql.raw(`(NEW.day + 3) / 7 * 7 - 3 + ${i}`)))}))`;
    if (postgres) await postgresWeeklyTriggers(db, othersInWeek);
    else await sqliteWeeklyTriggers(db, othersInWeek);
  },
  async down(db: Kysely<unknown>) {
    await dropTriggers(db, TRIGGERS);
    await dropTables(db, ['running_employee_figures', 'running_item_figures', 'weekly_sharers']);
  },
};

type RunningTable = (typeof RUNNING_TABLES)[number];

/**
 * A daily row is created once, on a day's first share or click (they are never deleted): its running row
 * starts from the latest earlier one, and every later day moves by the same amount (shares recorded late,
 * from an outbox that was offline for days).
 */
async function sqliteRunningTriggers(
  db: Kysely<unknown>,
  table: RunningTable[0],
  daily: RunningTable[1],
  key: RunningTable[2],
) {
  const [t, d, k] = [sql.raw(table), sql.raw(daily), sql.raw(key)];
  await sql`CREATE TRIGGER ${sql.raw(`${table}_day_in`)} AFTER INSERT ON ${d} BEGIN
    INSERT INTO ${t} (${k}, day, shares, reach, clicks)
      SELECT NEW.${k}, NEW.day, IFNULL(p.shares, 0) + NEW.shares, IFNULL(p.reach, 0) + NEW.reach, IFNULL(p.clicks, 0) + NEW.clicks
      FROM (SELECT 1) LEFT JOIN (
        SELECT shares, reach, clicks FROM ${t} WHERE ${k} = NEW.${k} AND day < NEW.day ORDER BY day DESC LIMIT 1
      ) AS p ON 1;
    UPDATE ${t} SET shares = shares + NEW.shares, reach = reach + NEW.reach, clicks = clicks + NEW.clicks
      WHERE ${k} = NEW.${k} AND day > NEW.day;
  END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_day_change`)} AFTER UPDATE OF shares, reach, clicks ON ${d} BEGIN
    UPDATE ${t} SET shares = shares + NEW.shares - OLD.shares, reach = reach + NEW.reach - OLD.reach,
      clicks = clicks + NEW.clicks - OLD.clicks
      WHERE ${k} = NEW.${k} AND day >= NEW.day;
  END`.execute(db);
}

async function sqliteWeeklyTriggers(db: Kysely<unknown>, othersInWeek: RawBuilder<unknown>) {
  await sql`CREATE TRIGGER weekly_sharers_day_in AFTER INSERT ON daily_employee_figures WHEN NEW.shares > 0 BEGIN
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, 1 WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = sharers + 1;
  END`.execute(db);
  await sql`CREATE TRIGGER weekly_sharers_day_change AFTER UPDATE OF shares ON daily_employee_figures
    WHEN (OLD.shares > 0) <> (NEW.shares > 0) BEGIN
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, CASE WHEN NEW.shares > 0 THEN 1 ELSE -1 END WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = sharers + excluded.sharers;
  END`.execute(db);
}

/** PostgreSQL's words for sqliteRunningTriggers. */
async function postgresRunningTriggers(
  db: Kysely<unknown>,
  table: RunningTable[0],
  daily: RunningTable[1],
  key: RunningTable[2],
) {
  const [t, k] = [sql.raw(table), sql.raw(key)];
  await rowTrigger(
    db,
    `${table}_day_in`,
    'AFTER INSERT',
    daily,
    sql`
    INSERT INTO ${t} (${k}, day, shares, reach, clicks)
      SELECT NEW.${k}, NEW.day, COALESCE(p.shares, 0) + NEW.shares, COALESCE(p.reach, 0) + NEW.reach, COALESCE(p.clicks, 0) + NEW.clicks
      FROM (SELECT 1) AS one LEFT JOIN (
        SELECT shares, reach, clicks FROM ${t} WHERE ${k} = NEW.${k} AND day < NEW.day ORDER BY day DESC LIMIT 1
      ) AS p ON true;
    UPDATE ${t} SET shares = shares + NEW.shares, reach = reach + NEW.reach, clicks = clicks + NEW.clicks
      WHERE ${k} = NEW.${k} AND day > NEW.day`,
  );
  await rowTrigger(
    db,
    `${table}_day_change`,
    'AFTER UPDATE OF shares, reach, clicks',
    daily,
    sql`
    UPDATE ${t} SET shares = shares + NEW.shares - OLD.shares, reach = reach + NEW.reach - OLD.reach,
      clicks = clicks + NEW.clicks - OLD.clicks
      WHERE ${k} = NEW.${k} AND day >= NEW.day`,
  );
}

/** PostgreSQL's words for sqliteWeeklyTriggers. */
async function postgresWeeklyTriggers(db: Kysely<unknown>, othersInWeek: RawBuilder<unknown>) {
  await rowTrigger(
    db,
    'weekly_sharers_day_in',
    'AFTER INSERT',
    'daily_employee_figures',
    sql`
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, 1 WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = weekly_sharers.sharers + 1`,
    'NEW.shares > 0',
  );
  await rowTrigger(
    db,
    'weekly_sharers_day_change',
    'AFTER UPDATE OF shares',
    'daily_employee_figures',
    sql`
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, CASE WHEN NEW.shares > 0 THEN 1 ELSE -1 END WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = weekly_sharers.sharers + excluded.sharers`,
    '(OLD.shares > 0) <> (NEW.shares > 0)',
  );
}
