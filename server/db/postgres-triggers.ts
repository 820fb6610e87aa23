import { sql, type Kysely, type RawBuilder } from 'kysely';

// PostgreSQL's words for migrations 0006 and 0008 (server/db/migrations.ts has SQLite's and the reasons).
// A SQLite trigger's body becomes a PL/pgSQL function of the same name, run by a row trigger of that name.
// SQLite INTEGER becomes BIGINT: SQLite's is 64 bits (a day's reach adds up audiences; day * 86400000 is ms).

/** Creates function `name` with `body` and the row trigger `name` that runs it `when` on `table`. */
async function rowTrigger(db: Kysely<unknown>, name: string, when: string, table: string, body: RawBuilder<unknown>, condition?: string) {
  await sql`CREATE FUNCTION ${sql.raw(name)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body};
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(when)} ON ${sql.raw(table)} FOR EACH ROW
    ${sql.raw(condition ? `WHEN (${condition})` : '')} EXECUTE FUNCTION ${sql.raw(name)}()`.execute(db);
}

/** Drops the functions (and with them their triggers) named `names`. */
export async function dropTriggerFunctions(db: Kysely<unknown>, names: string[]) {
  for (const name of names) await sql`DROP FUNCTION IF EXISTS ${sql.raw(name)}() CASCADE`.execute(db);
}

/** 0006: daily totals per network, item and employee. */
export async function postgresRollups(db: Kysely<unknown>) {
  for (const [table, key] of [['daily_network_figures', 'network'], ['daily_item_figures', 'item_id'], ['daily_employee_figures', 'employee_id']] as const) {
    const [t, k] = [sql.raw(table), sql.raw(key)];
    await sql`CREATE TABLE ${t} (
      day BIGINT NOT NULL, ${k} TEXT NOT NULL,
      shares BIGINT NOT NULL DEFAULT 0, reach BIGINT NOT NULL DEFAULT 0, clicks BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (day, ${k})
    )`.execute(db);
    const day = (column: string) => sql.raw(`${column} / 86400000`);
    await rowTrigger(db, `${table}_share_in`, 'AFTER INSERT', 'shares', sql`
      INSERT INTO ${t} (day, ${k}, shares, reach) VALUES (${day('NEW.shared_at')}, NEW.${k}, 1, NEW.audience)
      ON CONFLICT (day, ${k}) DO UPDATE SET shares = ${t}.shares + 1, reach = ${t}.reach + excluded.reach`);
    await rowTrigger(db, `${table}_share_out`, 'AFTER DELETE', 'shares', sql`
      UPDATE ${t} SET shares = shares - 1, reach = reach - OLD.audience
      WHERE day = ${day('OLD.shared_at')} AND ${k} = OLD.${k}`);
    await rowTrigger(db, `${table}_click_in`, 'AFTER INSERT', 'clicks', sql`
      INSERT INTO ${t} (day, ${k}, clicks) VALUES (${day('NEW.clicked_at')}, NEW.${k}, 1)
      ON CONFLICT (day, ${k}) DO UPDATE SET clicks = ${t}.clicks + 1`);
    await rowTrigger(db, `${table}_click_out`, 'AFTER DELETE', 'clicks', sql`
      UPDATE ${t} SET clicks = clicks - 1
      WHERE day = ${day('OLD.clicked_at')} AND ${k} = OLD.${k}`);
    await sql`INSERT INTO ${t} (day, ${k}, shares, reach, clicks)
      SELECT day, k, SUM(s), SUM(r), SUM(c) FROM (
        SELECT ${day('shared_at')} AS day, ${k} AS k, 1 AS s, audience AS r, 0 AS c FROM shares
        UNION ALL SELECT ${day('clicked_at')}, ${k}, 0, 0, 1 FROM clicks
      ) AS activity GROUP BY day, k`.execute(db);
  }
}

/** 0008: running totals per employee and per item, and sharers per ISO week. */
export async function postgresRunningTotals(db: Kysely<unknown>) {
  for (const [table, daily, key] of [
    ['running_employee_figures', 'daily_employee_figures', 'employee_id'],
    ['running_item_figures', 'daily_item_figures', 'item_id'],
  ] as const) {
    const [t, d, k] = [sql.raw(table), sql.raw(daily), sql.raw(key)];
    await sql`CREATE TABLE ${t} (
      ${k} TEXT NOT NULL, day BIGINT NOT NULL,
      shares BIGINT NOT NULL, reach BIGINT NOT NULL, clicks BIGINT NOT NULL,
      PRIMARY KEY (${k}, day)
    )`.execute(db);
    await sql`INSERT INTO ${t} (${k}, day, shares, reach, clicks)
      SELECT ${k}, day, SUM(shares) OVER w, SUM(reach) OVER w, SUM(clicks) OVER w FROM ${d}
      WINDOW w AS (PARTITION BY ${k} ORDER BY day ROWS UNBOUNDED PRECEDING)`.execute(db);
    await rowTrigger(db, `${table}_day_in`, 'AFTER INSERT', daily, sql`
      INSERT INTO ${t} (${k}, day, shares, reach, clicks)
        SELECT NEW.${k}, NEW.day, COALESCE(p.shares, 0) + NEW.shares, COALESCE(p.reach, 0) + NEW.reach, COALESCE(p.clicks, 0) + NEW.clicks
        FROM (SELECT 1) AS one LEFT JOIN (
          SELECT shares, reach, clicks FROM ${t} WHERE ${k} = NEW.${k} AND day < NEW.day ORDER BY day DESC LIMIT 1
        ) AS p ON true;
      UPDATE ${t} SET shares = shares + NEW.shares, reach = reach + NEW.reach, clicks = clicks + NEW.clicks
        WHERE ${k} = NEW.${k} AND day > NEW.day`);
    await rowTrigger(db, `${table}_day_change`, 'AFTER UPDATE OF shares, reach, clicks', daily, sql`
      UPDATE ${t} SET shares = shares + NEW.shares - OLD.shares, reach = reach + NEW.reach - OLD.reach,
        clicks = clicks + NEW.clicks - OLD.clicks
        WHERE ${k} = NEW.${k} AND day >= NEW.day`);
  }

  await sql`CREATE TABLE weekly_sharers (week BIGINT PRIMARY KEY, sharers BIGINT NOT NULL)`.execute(db);
  await sql`INSERT INTO weekly_sharers (week, sharers)
    SELECT (day + 3) / 7 AS week, COUNT(DISTINCT employee_id) FROM daily_employee_figures WHERE shares > 0 GROUP BY week`.execute(db);
  const othersInWeek = sql`NOT EXISTS (SELECT 1 FROM daily_employee_figures o
    WHERE o.employee_id = NEW.employee_id AND o.shares > 0 AND o.day <> NEW.day
      AND o.day IN (${sql.join([0, 1, 2, 3, 4, 5, 6].map((i) => sql.raw(`(NEW.day + 3) / 7 * 7 - 3 + ${i}`)))}))`;
  await rowTrigger(db, 'weekly_sharers_day_in', 'AFTER INSERT', 'daily_employee_figures', sql`
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, 1 WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = weekly_sharers.sharers + 1`, 'NEW.shares > 0');
  await rowTrigger(db, 'weekly_sharers_day_change', 'AFTER UPDATE OF shares', 'daily_employee_figures', sql`
    INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, CASE WHEN NEW.shares > 0 THEN 1 ELSE -1 END WHERE ${othersInWeek}
      ON CONFLICT (week) DO UPDATE SET sharers = weekly_sharers.sharers + excluded.sharers`, '(OLD.shares > 0) <> (NEW.shares > 0)');
}
