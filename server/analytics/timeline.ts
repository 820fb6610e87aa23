import { sql, type Kysely } from 'kysely';
import type { ReachOverTime, Traffic } from '../../lib/contract/analytics';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { DAYS, DAY_MS, WEEKS, bucketStart, bucketsIn, type Buckets, type Range } from './range';

/** Up to about a quarter, a point per day stays readable; beyond, a point per week. */
const DAILY_UP_TO_MS = 92 * DAY_MS;

const bucketExpr = (column: 'shared_at' | 'clicked_at', b: Buckets) =>
  sql<number>`(${sql.ref(column)} + ${sql.lit(b.shift)}) / ${sql.lit(b.size)}`;

export async function reachOverTime(db: Kysely<DB>, range: Range): Promise<ReachOverTime> {
  const daily = range.to - range.from <= DAILY_UP_TO_MS;
  const b = daily ? DAYS : WEEKS;
  const rows = await db
    .selectFrom('shares')
    .select([bucketExpr('shared_at', b).as('bucket'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('audience').as('reach')])
    .where('shared_at', '>=', range.from)
    .where('shared_at', '<', range.to)
    .groupBy('bucket')
    .execute();
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  return {
    from: toIso(range.from), to: toIso(range.to), granularity: daily ? 'day' : 'week',
    points: bucketsIn(range, b).map((i) => ({
      start: toIso(bucketStart(i, b)), shares: Number(byBucket.get(i)?.n ?? 0), reach: Number(byBucket.get(i)?.reach ?? 0),
    })),
  };
}

export async function traffic(db: Kysely<DB>, range: Range): Promise<Traffic> {
  const rows = await db
    .selectFrom('clicks')
    .select([bucketExpr('clicked_at', DAYS).as('day'), 'network', (eb) => eb.fn.countAll<number>().as('n')])
    .where('clicked_at', '>=', range.from)
    .where('clicked_at', '<', range.to)
    .groupBy(['day', 'network'])
    .execute();
  const perDay = new Map<number, { linkedin: number; x: number }>();
  for (const r of rows) {
    const d = perDay.get(Number(r.day)) ?? { linkedin: 0, x: 0 };
    d[r.network] += Number(r.n);
    perDay.set(Number(r.day), d);
  }
  const days = bucketsIn(range, DAYS).map((i) => {
    const d = perDay.get(i) ?? { linkedin: 0, x: 0 };
    return { start: toIso(bucketStart(i, DAYS)), clicks: d.linkedin + d.x, ...d };
  });
  return { from: toIso(range.from), to: toIso(range.to), clicks: days.reduce((sum, d) => sum + d.clicks, 0), days };
}
