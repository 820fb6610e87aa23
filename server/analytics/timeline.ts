import type { Kysely } from 'kysely';
import type { ReachOverTime, Traffic } from '../../lib/contract/analytics';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { tallyByBucket } from './figures';
import { DAYS, DAY_MS, WEEKS, bucketStart, bucketsIn, type Range } from './range';

/** Up to about a quarter, a point per day stays readable; beyond, a point per week. */
const DAILY_UP_TO_MS = 92 * DAY_MS;

export async function reachOverTime(db: Kysely<DB>, range: Range): Promise<ReachOverTime> {
  const daily = range.to - range.from <= DAILY_UP_TO_MS;
  const b = daily ? DAYS : WEEKS;
  const perBucket = new Map<number, { shares: number; reach: number }>();
  for (const r of await tallyByBucket(db, range, b)) {
    const p = perBucket.get(r.bucket) ?? { shares: 0, reach: 0 };
    p.shares += r.shares;
    p.reach += r.reach;
    perBucket.set(r.bucket, p);
  }
  return {
    from: toIso(range.from),
    to: toIso(range.to),
    granularity: daily ? 'day' : 'week',
    points: bucketsIn(range, b).map((i) => ({
      start: toIso(bucketStart(i, b)),
      shares: 0,
      reach: 0,
      ...perBucket.get(i),
    })),
  };
}

export async function traffic(db: Kysely<DB>, range: Range): Promise<Traffic> {
  const perDay = new Map<number, { linkedin: number; x: number }>();
  for (const r of await tallyByBucket(db, range, DAYS)) {
    const d = perDay.get(r.bucket) ?? { linkedin: 0, x: 0 };
    d[r.network] += r.clicks;
    perDay.set(r.bucket, d);
  }
  const days = bucketsIn(range, DAYS).map((i) => {
    const d = perDay.get(i) ?? { linkedin: 0, x: 0 };
    return { start: toIso(bucketStart(i, DAYS)), clicks: d.linkedin + d.x, ...d };
  });
  return { from: toIso(range.from), to: toIso(range.to), clicks: days.reduce((sum, d) => sum + d.clicks, 0), days };
}
