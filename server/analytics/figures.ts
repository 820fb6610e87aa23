import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rankings, type Ranking } from '../../lib/contract/analytics';
import type { DB } from '../db/schema';
import { DAY_MS, type Buckets, type Range } from './range';

/** What a figure is counted by; each has a daily totals table kept by triggers (migration 0006). */
export type FigureKey = 'network' | 'item_id' | 'employee_id';
const DAILY_TABLE: Record<FigureKey, string> = {
  network: 'daily_network_figures',
  item_id: 'daily_item_figures',
  employee_id: 'daily_employee_figures',
};

export interface Tally {
  shares: number;
  clicks: number;
  reach: number;
}

/** The whole UTC days inside a period (read from daily totals) and the partial days at its edges (read raw). */
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
 * Rows of (t, k, shares, reach, clicks) covering exactly the period: one per day and key from the daily
 * totals, plus one per share or click in the partial days at the edges (`t` is the day's start or the
 * event's time). Summing them gives the same figures as scanning every share and click of the period.
 */
function figureRows(range: Range, key: FigureKey, what: { shares: boolean; clicks: boolean }): RawBuilder<unknown> {
  const { days, edges } = splitRange(range);
  const parts: RawBuilder<unknown>[] = [];
  if (days) {
    parts.push(sql`SELECT day * ${sql.lit(DAY_MS)} AS t, ${sql.ref(key)} AS k, shares, reach, clicks
      FROM ${sql.table(DAILY_TABLE[key])} WHERE day >= ${days[0]} AND day < ${days[1]}`);
  }
  for (const edge of edges) {
    if (what.shares) {
      parts.push(sql`SELECT shared_at AS t, ${sql.ref(key)} AS k, 1 AS shares, audience AS reach, 0 AS clicks
        FROM shares WHERE shared_at >= ${edge.from} AND shared_at < ${edge.to}`);
    }
    if (what.clicks) {
      parts.push(sql`SELECT clicked_at AS t, ${sql.ref(key)} AS k, 0 AS shares, 0 AS reach, 1 AS clicks
        FROM clicks WHERE clicked_at >= ${edge.from} AND clicked_at < ${edge.to}`);
    }
  }
  return sql.join(parts, sql` UNION ALL `);
}

const BOTH = { shares: true, clicks: true };

/** Shares, reach and clicks in the period per key; only keys with any activity appear. */
export async function tallyBy(db: Kysely<DB>, range: Range, key: FigureKey): Promise<Map<string, Tally>> {
  const { rows } = await sql<{ k: string; shares: number; reach: number; clicks: number }>`
    SELECT k, SUM(shares) AS shares, SUM(reach) AS reach, SUM(clicks) AS clicks
    FROM (${figureRows(range, key, BOTH)}) GROUP BY k HAVING SUM(shares) > 0 OR SUM(clicks) > 0`.execute(db);
  return new Map(rows.map((r) => [r.k, { shares: Number(r.shares), reach: Number(r.reach), clicks: Number(r.clicks) }]));
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
    FROM (${figureRows(range, key, BOTH)}) GROUP BY k HAVING SUM(shares) > 0 OR SUM(clicks) > 0
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
    FROM (${figureRows(range, 'network', BOTH)}) GROUP BY bucket, k`.execute(db);
  return rows.map((r) => ({ bucket: Number(r.bucket), network: r.k, shares: Number(r.shares), reach: Number(r.reach), clicks: Number(r.clicks) }));
}

/** How many different people shared in each time bucket of the period. */
export async function sharersByBucket(db: Kysely<DB>, range: Range, b: Buckets): Promise<Map<number, number>> {
  const { rows } = await sql<{ bucket: number; n: number }>`
    SELECT ${bucketExpr(b)} AS bucket, COUNT(DISTINCT k) AS n
    FROM (${figureRows(range, 'employee_id', { shares: true, clicks: false })}) WHERE shares > 0 GROUP BY bucket`.execute(db);
  return new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]));
}

/** How many different people shared in the period. */
export async function sharerCount(db: Kysely<DB>, range: Range): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT COUNT(DISTINCT k) AS n FROM (${figureRows(range, 'employee_id', { shares: true, clicks: false })}) WHERE shares > 0`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
