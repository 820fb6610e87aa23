import { sql, type Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import { REACH_WEEKS, type Figures, type Reach, type WeekFigures } from '../../lib/contract/reach';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { badgesFor } from './badges';
import { ISO_WEEK_SHIFT_MS, WEEK_MS, isoWeekIndex, streakWeeks, type Period } from './period';

const zero = (): Figures => ({ reach: 0, clicks: 0, shares: 0 });

/** An employee's reach card: their figures in the period, their rank among those who shared, their streak. */
export async function personalReach(db: Kysely<DB>, employeeId: string, period: Period, now: number): Promise<Reach> {
  const { from, to } = period;

  const shareRows = await sharesIn(db, employeeId, from, to)
    .select(['network', (eb) => eb.fn.sum<number>('audience').as('reach'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('network')
    .execute();

  const clickRows = await clicksIn(db, employeeId, from, to)
    .select(['network', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('network')
    .execute();

  const byNetwork: Record<Network, Figures> = { linkedin: zero(), x: zero() };
  for (const r of shareRows) {
    byNetwork[r.network].reach = Number(r.reach);
    byNetwork[r.network].shares = Number(r.n);
  }
  for (const r of clickRows) byNetwork[r.network].clicks = Number(r.n);
  const total = zero();
  for (const f of Object.values(byNetwork)) {
    total.reach += f.reach;
    total.clicks += f.clicks;
    total.shares += f.shares;
  }

  const board = await db
    .selectFrom('shares')
    .select(['employee_id', (eb) => eb.fn.sum<number>('audience').as('reach')])
    .where('shared_at', '>=', from)
    .where('shared_at', '<', to)
    .groupBy('employee_id')
    .execute();
  const above = board.filter((r) => Number(r.reach) > total.reach).length;
  const rank = total.shares > 0 ? above + 1 : null;

  // Streaks are about "now", whatever period was asked for; future-dated shares do not extend them.
  const weekEnd = (isoWeekIndex(now) + 1) * WEEK_MS - ISO_WEEK_SHIFT_MS;
  const weeks = await db
    .selectFrom('shares')
    .select(weekOf('shared_at').as('week'))
    .distinct()
    .where('employee_id', '=', employeeId)
    .where('shared_at', '<', weekEnd)
    .execute();

  const [weeksOf, lifetime] = await Promise.all([recentWeeks(db, employeeId, now), lifetimeFigures(db, employeeId)]);

  return {
    ...total,
    from: toIso(from),
    to: toIso(to),
    byNetwork,
    rank,
    participants: board.length,
    streakWeeks: streakWeeks(new Set(weeks.map((w) => Number(w.week))), now),
    weeks: weeksOf,
    lifetime,
    badges: badgesFor(lifetime),
  };
}

/** `(t + shift) / WEEK` in SQL: integer division of integers, the same ISO week index as isoWeekIndex(). */
const weekOf = (column: 'shared_at' | 'clicked_at') =>
  sql<number>`(${sql.ref(column)} + ${sql.lit(ISO_WEEK_SHIFT_MS)}) / ${sql.lit(WEEK_MS)}`;

/** One employee's shares made in [from, to): a range scan on (employee_id, shared_at). */
const sharesIn = (db: Kysely<DB>, employeeId: string, from: number, to: number) =>
  db
    .selectFrom('shares')
    .where('employee_id', '=', employeeId)
    .where('shared_at', '>=', from)
    .where('shared_at', '<', to);

/** One employee's counted clicks in [from, to): a range scan on (employee_id, clicked_at). */
const clicksIn = (db: Kysely<DB>, employeeId: string, from: number, to: number) =>
  db
    .selectFrom('clicks')
    .where('employee_id', '=', employeeId)
    .where('clicked_at', '>=', from)
    .where('clicked_at', '<', to);

/** The sparkline: the last REACH_WEEKS ISO weeks up to the current one, oldest first, empty weeks as zeros. */
async function recentWeeks(db: Kysely<DB>, employeeId: string, now: number): Promise<WeekFigures[]> {
  const current = isoWeekIndex(now);
  const first = current - REACH_WEEKS + 1;
  const weekStart = (index: number) => index * WEEK_MS - ISO_WEEK_SHIFT_MS;
  const from = weekStart(first);
  const to = weekStart(current + 1);

  const shareRows = await sharesIn(db, employeeId, from, to)
    .select([
      weekOf('shared_at').as('week'),
      (eb) => eb.fn.sum<number>('audience').as('reach'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('week')
    .execute();
  const clickRows = await clicksIn(db, employeeId, from, to)
    .select([weekOf('clicked_at').as('week'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('week')
    .execute();

  const weeks: WeekFigures[] = [];
  for (let index = first; index <= current; index++) weeks.push({ start: toIso(weekStart(index)), ...zero() });
  for (const r of shareRows) {
    const w = weeks[Number(r.week) - first];
    if (w) {
      w.reach = Number(r.reach);
      w.shares = Number(r.n);
    }
  }
  for (const r of clickRows) {
    const w = weeks[Number(r.week) - first];
    if (w) w.clicks = Number(r.n);
  }
  return weeks;
}

/** All-time figures (badges, the export). */
export async function lifetimeFigures(db: Kysely<DB>, employeeId: string): Promise<Figures> {
  const shares = await db
    .selectFrom('shares')
    .select([(eb) => eb.fn.sum<number>('audience').as('reach'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('employee_id', '=', employeeId)
    .executeTakeFirstOrThrow();
  const clicks = await db
    .selectFrom('clicks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('employee_id', '=', employeeId)
    .executeTakeFirstOrThrow();
  return { reach: Number(shares.reach ?? 0), clicks: Number(clicks.n), shares: Number(shares.n) };
}
