import { sql, type Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import type { Reach } from '../../lib/contract/reach';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { ISO_WEEK_SHIFT_MS, WEEK_MS, isoWeekIndex, streakWeeks, type Period } from './period';

interface Figures {
  reach: number;
  clicks: number;
  shares: number;
}

const zero = (): Figures => ({ reach: 0, clicks: 0, shares: 0 });

/** An employee's reach card: their figures in the period, their rank among those who shared, their streak. */
export async function personalReach(db: Kysely<DB>, employeeId: string, period: Period, now: number): Promise<Reach> {
  const { from, to } = period;

  const shareRows = await db
    .selectFrom('shares')
    .select(['network', (eb) => eb.fn.sum<number>('audience').as('reach'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('employee_id', '=', employeeId)
    .where('shared_at', '>=', from)
    .where('shared_at', '<', to)
    .groupBy('network')
    .execute();

  const clickRows = await db
    .selectFrom('clicks')
    .select(['network', (eb) => eb.fn.countAll<number>().as('n')])
    .where('employee_id', '=', employeeId)
    .where('clicked_at', '>=', from)
    .where('clicked_at', '<', to)
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
    .select(sql<number>`(shared_at + ${sql.lit(ISO_WEEK_SHIFT_MS)}) / ${sql.lit(WEEK_MS)}`.as('week'))
    .distinct()
    .where('employee_id', '=', employeeId)
    .where('shared_at', '<', weekEnd)
    .execute();

  return {
    ...total,
    from: toIso(from),
    to: toIso(to),
    byNetwork,
    rank,
    participants: board.length,
    streakWeeks: streakWeeks(new Set(weeks.map((w) => Number(w.week))), now),
  };
}
