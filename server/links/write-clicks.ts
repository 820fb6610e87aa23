import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import { DailyTotals, dayOf } from '../db/daily-totals';
import { dialectOf } from '../db/dialect';
import { DAILY_TABLES } from '../db/migrations/0006_analytics_rollups';
import { MultiRowStatement } from '../db/multi-row-statement';
import { preparedOnPostgres } from '../db/prepared-on-postgres';
import type { DB } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';

export const DEDUPE_WINDOW_MS = 60 * 60 * 1000;

/** A click that counts, as stored. */
export interface Click {
  code: string;
  employeeId: string;
  itemId: string;
  network: Network;
  clickedAt: number;
}

/** A candidate click and its visitor as stored (the keyed hash of link, address and agent). */
export interface VisitorClick {
  visitor: number;
  click: Click;
}

/**
 * Writes the clicks whose visitors count and returns those visitors: a visitor counts when new to the link or
 * last counted an hour ago or more, decided by `click_visitors`, which every instance shares (another instance
 * writing the same visitor waits for our row or sees it). The clicks that count are added to the daily
 * rollups. No visitor may appear twice in `clicks` (one upsert cannot touch a row twice on PostgreSQL).
 *
 * On PostgreSQL it is one statement, atomic by itself: as five statements in a transaction, each its own
 * round trip, parse and executor start, the statements' overhead cost more than the rows. On SQLite, in the
 * process, it is the same steps in one write transaction. Clicks are written only through here: no trigger
 * adds an inserted click to the rollups.
 */
export async function countClicks(db: Kysely<DB>, clicks: readonly VisitorClick[]): Promise<number[]> {
  if (clicks.length === 0) return [];
  if (dialectOf(db) === 'postgres') return countOnPostgres(db, clicks);
  return writeTransaction(db, async (trx) => {
    const fresh = await countVisitors.run<{ visitor: number }>(
      trx,
      clicks.map((c) => [c.visitor, c.click.clickedAt]),
    );
    const counted = new Set(fresh.map((row) => row.visitor));
    const written = clicks.filter((c) => counted.has(c.visitor)).map((c) => c.click);
    await insertClicks.run(
      trx,
      written.map((c) => [c.code, c.employeeId, c.itemId, c.network, c.clickedAt]),
    );
    await dailyClicks.add(trx, written);
    return [...counted];
  });
}

/** The rule a visitor counts by, on both databases: new to the link, or last counted an hour ago or more. */
const countOncePerHour = sql`ON CONFLICT (visitor) DO UPDATE SET counted_at = excluded.counted_at
  WHERE click_visitors.counted_at <= excluded.counted_at - ${sql.lit(DEDUPE_WINDOW_MS)}`;

const countVisitors = new MultiRowStatement(
  (source) => sql`INSERT INTO click_visitors (visitor, counted_at) ${source} ${countOncePerHour} RETURNING visitor`,
  ['bigint', 'bigint'],
);

const insertClicks = new MultiRowStatement(
  (source) => sql`INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) ${source}`,
  ['text', 'text', 'text', 'text', 'bigint'],
);

const ONE = [1] as const;
const dailyClicks = new DailyTotals<Click>(['clicks'], {
  at: (c) => c.clickedAt,
  keyOf: { network: (c) => c.network, item_id: (c) => c.itemId, employee_id: (c) => c.employeeId },
  amounts: () => ONE,
});

let postgresText: string | undefined;

/**
 * countClicks on PostgreSQL: each column sent as one array; the visitors upserted in visitor order and each
 * daily table's rows in key and day order, so concurrent writers meet the rows they share in the same order;
 * the counted visitors joined back to their clicks, which are written in the order given. Clicks never change
 * a day's shares, so the weekly sharers' reason for splitting DailyTotals' statements does not apply here.
 */
async function countOnPostgres(db: Kysely<DB>, clicks: readonly VisitorClick[]): Promise<number[]> {
  postgresText ??= preparedOnPostgres(postgresStatement().compile(db).sql);
  const arrays = [
    clicks.map((c) => c.visitor),
    clicks.map((c) => c.click.clickedAt),
    clicks.map((c) => dayOf(c.click.clickedAt)),
    clicks.map((c) => c.click.code),
    clicks.map((c) => c.click.employeeId),
    clicks.map((c) => c.click.itemId),
    clicks.map((c) => c.click.network),
  ];
  // bigint comes back as a number (server/db/database.ts sets the driver's parser).
  const { rows } = await db.executeQuery<{ visitor: number }>(CompiledQuery.raw(postgresText, arrays));
  return rows.map((row) => row.visitor);
}

function postgresStatement() {
  // PostgreSQL runs a statement's data-modifying CTEs in an order of its choosing (here: last first), and a
  // share batch takes the daily rows network, item, employee, each table's running totals right after it. The
  // click statement's running totals come at its end (row triggers fire once the whole statement is done);
  // taking the daily rows in the shares' order is then what keeps the two from deadlocking: a click batch and a
  // share batch of one person and item on one day wait at the first daily row they share. Each table's upsert
  // therefore waits for the one before it: its rows are gated on a count of the previous one's, which
  // PostgreSQL must finish before the next inserts anything.
  const rollups = DAILY_TABLES.map(([table, key], i) => {
    const [t, k] = [sql.table(table), sql.ref(key)];
    const previous = DAILY_TABLES[i - 1];
    const after = previous ? sql`WHERE (SELECT count(*) FROM ${sql.raw(`${previous[0]}_in`)}) >= 0` : sql``;
    return sql`${sql.raw(`${table}_in`)} AS (
      INSERT INTO ${t} (day, ${k}, clicks)
        SELECT day, ${k}, count(*) FROM counted ${after} GROUP BY ${k}, day ORDER BY ${k}, day
      ON CONFLICT (day, ${k}) DO UPDATE SET clicks = ${sql.ref(`${table}.clicks`)} + excluded.clicks
      RETURNING 1
    )`;
  });
  return sql`WITH input AS (
      SELECT * FROM unnest(${null}::bigint[], ${null}::bigint[], ${null}::bigint[],
        ${null}::text[], ${null}::text[], ${null}::text[], ${null}::text[])
        WITH ORDINALITY AS t (visitor, clicked_at, day, code, employee_id, item_id, network, n)
    ),
    fresh AS (
      INSERT INTO click_visitors (visitor, counted_at) SELECT visitor, clicked_at FROM input ORDER BY visitor
      ${countOncePerHour}
      RETURNING visitor
    ),
    counted AS (SELECT input.* FROM input JOIN fresh USING (visitor)),
    clicks_in AS (
      INSERT INTO clicks (code, employee_id, item_id, network, clicked_at)
        SELECT code, employee_id, item_id, network, clicked_at FROM counted ORDER BY n
    ),
    ${sql.join(rollups)}
    SELECT visitor FROM fresh`;
}
