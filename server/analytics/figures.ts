import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rankings, type Ranking } from '../../lib/contract/analytics';
import { dialectOf, type DialectName } from '../db/dialect';
import type { DB } from '../db/schema';
import { DAY_MS, WEEKS, bucketOf, bucketStart, type Buckets, type Range } from './range';

/** What a figure is counted by. */
export type FigureKey = 'network' | 'item_id' | 'employee_id';
/** Totals per day (migration 0006): a couple of rows a day per network, so any period reads them whole. */
const DAILY_TABLE = 'daily_network_figures';
/**
 * Running totals (migration 0008) for the keys with thousands of values, and the table listing every
 * value: each share and click names an existing employee and item (shares by foreign key, clicks through
 * the link they came from; neither is ever deleted, items only archived).
 */
const RUNNING: Record<Exclude<FigureKey, 'network'>, { table: string; keys: 'employees' | 'items' }> = {
  employee_id: { table: 'running_employee_figures', keys: 'employees' },
  item_id: { table: 'running_item_figures', keys: 'items' },
};

export interface Tally {
  shares: number;
  clicks: number;
  reach: number;
}

/** The whole UTC days inside a period (read from the rollups) and the partial days at its edges (read raw). */
export function splitRange(range: Range): { days: [number, number] | null; edges: Range[] } {
  const firstDay = Math.ceil(range.from / DAY_MS);
  const endDay = Math.floor(range.to / DAY_MS);
  if (firstDay >= endDay) return { days: null, edges: [range] };
  const edges: Range[] = [];
  if (range.from < firstDay * DAY_MS) edges.push({ from: range.from, to: firstDay * DAY_MS });
  if (endDay * DAY_MS < range.to) edges.push({ from: endDay * DAY_MS, to: range.to });
  return { days: [firstDay, endDay], edges };
}

/**
 * One row (k, shares, reach, clicks) per share and per click in the partial days at a period's edges,
 * with the event's time `t` first when `timed`.
 */
function edgeRows(edges: Range[], key: FigureKey, timed: boolean): RawBuilder<unknown>[] {
  return edges.flatMap((edge) => [
    sql`SELECT ${sql.raw(timed ? 'shared_at AS t, ' : '')}${sql.ref(key)} AS k, 1 AS shares, audience AS reach, 0 AS clicks
      FROM shares WHERE shared_at >= ${edge.from} AND shared_at < ${edge.to}`,
    sql`SELECT ${sql.raw(timed ? 'clicked_at AS t, ' : '')}${sql.ref(key)} AS k, 0 AS shares, 0 AS reach, 1 AS clicks
      FROM clicks WHERE clicked_at >= ${edge.from} AND clicked_at < ${edge.to}`,
  ]);
}

/**
 * Rows of (t, k, shares, reach, clicks) per network covering exactly the period: one per day from the
 * daily totals, plus one per share or click in the partial days at the edges (`t` is the day's start or
 * the event's time). Summing them gives the same figures as scanning every share and click of the period.
 */
function networkRows(range: Range): RawBuilder<unknown> {
  const { days, edges } = splitRange(range);
  const parts = edgeRows(edges, 'network', true);
  if (days) {
    // day is a 32-bit integer on PostgreSQL, where day × 86,400,000 would overflow: widen it first.
    parts.unshift(sql`SELECT CAST(day AS BIGINT) * ${sql.lit(DAY_MS)} AS t, network AS k, shares, reach, clicks
      FROM ${sql.table(DAILY_TABLE)} WHERE day >= ${days[0]} AND day < ${days[1]}`);
  }
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * Rows of (k, shares, reach, clicks) that sum to each key's figures in the period: per key, its running
 * totals at the end of the period's last whole day minus those at the end of the day before its first,
 * plus the raw rows of the partial days at the edges.
 */
function periodRows(range: Range, key: FigureKey, dialect: DialectName): RawBuilder<unknown> {
  if (key === 'network') return sql`SELECT k, shares, reach, clicks FROM (${networkRows(range)}) AS n`;
  const { days, edges } = splitRange(range);
  const parts = edgeRows(edges, key, false);
  if (days) parts.unshift(dialect === 'postgres' ? latestRowsLateral(key, days) : latestRowsCrossJoin(key, days));
  return sql.join(parts, sql` UNION ALL `);
}

/** Per key x, its running totals at the period's end (hi) minus those before its start (lo, none yet: 0). */
const HI_MINUS_LO = sql`x.id AS k, hi.shares - COALESCE(lo.shares, 0) AS shares,
  hi.reach - COALESCE(lo.reach, 0) AS reach, hi.clicks - COALESCE(lo.clicks, 0) AS clicks`;
/** Keys whose totals moved in the period; the others add nothing. */
const MOVED = sql`(hi.shares <> COALESCE(lo.shares, 0) OR hi.clicks <> COALESCE(lo.clicks, 0))`;

/**
 * SQLite: CROSS JOIN keeps it on the plan of each employee or item, then its two rows by primary key; left
 * to choose, it scans every running total.
 */
function latestRowsCrossJoin(key: Exclude<FigureKey, 'network'>, [first, end]: [number, number]): RawBuilder<unknown> {
  const { table, keys } = RUNNING[key];
  const t = sql.table(table);
  const k = sql.ref(key);
  const latestBefore = (day: number) => sql`(SELECT MAX(day) FROM ${t} WHERE ${k} = x.id AND day < ${day})`;
  return sql`SELECT ${HI_MINUS_LO}
    FROM ${sql.table(keys)} AS x
    CROSS JOIN ${t} AS hi
    LEFT JOIN ${t} AS lo ON lo.${k} = x.id AND lo.day = ${latestBefore(first)}
    WHERE hi.${k} = x.id AND hi.day = ${latestBefore(end)} AND ${MOVED}`;
}

/**
 * PostgreSQL: the same two rows per key, each one backward step of the primary key (LATERAL … LIMIT 1).
 * Given the SQLite form, PostgreSQL cannot use `lo.day = (subquery)` as an index condition: it hashed
 * every running total and took three times as long, over the 300 ms budget with 10,000 employees.
 */
function latestRowsLateral(key: Exclude<FigureKey, 'network'>, [first, end]: [number, number]): RawBuilder<unknown> {
  const { table, keys } = RUNNING[key];
  const t = sql.table(table);
  const k = sql.ref(key);
  const latestBefore = (day: number) =>
    sql`(SELECT shares, reach, clicks FROM ${t} WHERE ${k} = x.id AND day < ${day} ORDER BY day DESC LIMIT 1)`;
  return sql`SELECT ${HI_MINUS_LO}
    FROM ${sql.table(keys)} AS x
    CROSS JOIN LATERAL ${latestBefore(end)} AS hi
    LEFT JOIN LATERAL ${latestBefore(first)} AS lo ON TRUE
    WHERE ${MOVED}`;
}

/** Shares, reach and clicks in the period per key; only keys with any activity appear. */
export async function tallyBy(db: Kysely<DB>, range: Range, key: FigureKey): Promise<Map<string, Tally>> {
  const { rows } = await sql<{ k: string; shares: number; reach: number; clicks: number }>`
    SELECT k, SUM(shares) AS shares, SUM(reach) AS reach, SUM(clicks) AS clicks
    FROM (${periodRows(range, key, dialectOf(db))}) AS p GROUP BY k HAVING SUM(shares) > 0 OR SUM(clicks) > 0`.execute(
    db,
  );
  return new Map(
    rows.map((r) => [r.k, { shares: Number(r.shares), reach: Number(r.reach), clicks: Number(r.clicks) }]),
  );
}

/**
 * The `limit` keys with the most `by` in the period, ties broken by the other figures and then the key,
 * so the order never depends on the database's whim. Sorting and cutting in SQL keeps thousands of
 * employees from crossing into JavaScript for a top ten.
 */
export async function topBy(db: Kysely<DB>, range: Range, key: FigureKey, by: Ranking, limit: number) {
  const [second, third] = rankings.filter((f) => f !== by) as [Ranking, Ranking];
  const { rows } = await sql<{ k: string; shares: number; reach: number; clicks: number }>`
    SELECT k, SUM(shares) AS shares, SUM(reach) AS reach, SUM(clicks) AS clicks
    FROM (${periodRows(range, key, dialectOf(db))}) AS p GROUP BY k HAVING SUM(shares) > 0 OR SUM(clicks) > 0
    ORDER BY ${sql.ref(by)} DESC, ${sql.ref(second)} DESC, ${sql.ref(third)} DESC, k LIMIT ${limit}`.execute(db);
  const out: (Tally & { key: string; rank: number })[] = [];
  for (const [i, r] of rows.entries()) {
    const row = { key: r.k, shares: Number(r.shares), reach: Number(r.reach), clicks: Number(r.clicks) };
    const prev = out[i - 1];
    // Competition ranking: equal figures share a rank, the next one skips.
    out.push({ ...row, rank: prev && prev[by] === row[by] ? prev.rank : i + 1 });
  }
  return out;
}

const bucketExpr = (b: Buckets) => sql<number>`(t + ${sql.lit(b.shift)}) / ${sql.lit(b.size)}`;

/** Figures per time bucket and network. */
export async function tallyByBucket(db: Kysely<DB>, range: Range, b: Buckets) {
  const { rows } = await sql<{ bucket: number; k: 'linkedin' | 'x'; shares: number; reach: number; clicks: number }>`
    SELECT ${bucketExpr(b)} AS bucket, k, SUM(shares) AS shares, SUM(reach) AS reach, SUM(clicks) AS clicks
    FROM (${networkRows(range)}) AS n GROUP BY bucket, k`.execute(db);
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    network: r.k,
    shares: Number(r.shares),
    reach: Number(r.reach),
    clicks: Number(r.clicks),
  }));
}

/**
 * How many different people shared in each ISO week the period touches, counting only the part of the
 * week inside the period: whole weeks from the weekly counts (migration 0008), the clipped first and
 * last weeks by asking each person's shares.
 */
export async function sharersByWeek(db: Kysely<DB>, range: Range): Promise<Map<number, number>> {
  const first = bucketOf(range.from, WEEKS);
  const last = bucketOf(range.to - 1, WEEKS);
  const clipped = (week: number) => ({
    from: Math.max(range.from, bucketStart(week, WEEKS)),
    to: Math.min(range.to, bucketStart(week + 1, WEEKS)),
  });
  const isWhole = (week: number) => {
    const r = clipped(week);
    return r.to - r.from === WEEKS.size;
  };
  const out = new Map<number, number>();
  const [wholeFrom, wholeTo] = [isWhole(first) ? first : first + 1, isWhole(last) ? last + 1 : last];
  if (wholeFrom < wholeTo) {
    const { rows } = await sql<{ week: number; sharers: number }>`
      SELECT week, sharers FROM weekly_sharers WHERE week >= ${wholeFrom} AND week < ${wholeTo} AND sharers > 0`.execute(
      db,
    );
    for (const r of rows) out.set(Number(r.week), Number(r.sharers));
  }
  for (const week of new Set([first, last])) {
    if (isWhole(week)) continue;
    const n = await sharerCount(db, clipped(week));
    if (n > 0) out.set(week, n);
  }
  return out;
}

/**
 * How many different people shared in the period: the people with shares in its whole days (daily
 * totals) and in its partial days (raw rows). Meant for a week or less (the active window, the clipped
 * weeks of participation): a scan of a week's rows beats a lookup per employee.
 */
export async function sharerCount(db: Kysely<DB>, range: Range): Promise<number> {
  const { days, edges } = splitRange(range);
  const parts = edges.map(
    (edge) => sql`SELECT employee_id AS k FROM shares WHERE shared_at >= ${edge.from} AND shared_at < ${edge.to}`,
  );
  if (days)
    parts.push(
      sql`SELECT employee_id AS k FROM daily_employee_figures WHERE day >= ${days[0]} AND day < ${days[1]} AND shares > 0`,
    );
  const { rows } = await sql<{
    n: number;
  }>`SELECT COUNT(DISTINCT k) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) AS p`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
