import { problems } from '../http/problem';

export interface Period {
  from: number;
  to: number;
}

/** [first instant of this UTC month, first instant of the next). */
export function currentUtcMonth(now: number): Period {
  const d = new Date(now);
  return {
    from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

/** The requested half-open period; a missing end defaults to the current month's. */
export function resolvePeriod(now: number, from?: string, to?: string): Period {
  const month = currentUtcMonth(now);
  const period = { from: from ? Date.parse(from) : month.from, to: to ? Date.parse(to) : month.to };
  if (period.from >= period.to) throw problems.badRequest('"from" must be earlier than "to"');
  return period;
}

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: shifting by three days puts week boundaries on Mondays 00:00 UTC (ISO weeks). */
export const ISO_WEEK_SHIFT_MS = 3 * DAY_MS;

export const isoWeekIndex = (ms: number) => Math.floor((ms + ISO_WEEK_SHIFT_MS) / WEEK_MS);

/**
 * Consecutive ISO weeks with a share, ending at the current week, or at the previous one when
 * nothing was shared yet this week (a streak is not broken on Monday morning).
 */
export function streakWeeks(weeksWithShares: ReadonlySet<number>, now: number): number {
  let week = isoWeekIndex(now);
  if (!weeksWithShares.has(week)) week -= 1;
  let streak = 0;
  while (weeksWithShares.has(week)) {
    streak += 1;
    week -= 1;
  }
  return streak;
}
