import { problems } from '../http/problem';

export interface Range {
  from: number;
  to: number;
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: shifting by three days puts week boundaries on Mondays 00:00 UTC (ISO weeks). */
export const WEEK_SHIFT_MS = 3 * DAY_MS;
export const DEFAULT_DAYS = 30;
/** Longer periods would only make slow queries and unreadable charts. */
export const MAX_RANGE_MS = 3 * 366 * DAY_MS;

/** The asked-for period; by default the 30 days that end at the next UTC midnight (today included). */
export function resolveRange(now: number, from?: string, to?: string): Range {
  const end = to ? Date.parse(to) : nextMidnight(now);
  const start = from ? Date.parse(from) : end - DEFAULT_DAYS * DAY_MS;
  if (start >= end) throw problems.badRequest('"from" must be earlier than "to"');
  if (start < 0) throw problems.badRequest('"from" must not be earlier than 1970');
  if (end - start > MAX_RANGE_MS) throw problems.badRequest('The period must not be longer than three years');
  return { from: start, to: end };
}

const nextMidnight = (ms: number) => (Math.floor(ms / DAY_MS) + 1) * DAY_MS;

/** Time buckets: UTC days, or ISO weeks (the shift moves week starts to Mondays). */
export interface Buckets {
  size: number;
  shift: number;
}
export const DAYS: Buckets = { size: DAY_MS, shift: 0 };
export const WEEKS: Buckets = { size: WEEK_MS, shift: WEEK_SHIFT_MS };

export const bucketOf = (ms: number, b: Buckets) => Math.floor((ms + b.shift) / b.size);
export const bucketStart = (index: number, b: Buckets) => index * b.size - b.shift;

/** Every bucket index the range touches, in order. */
export function bucketsIn(range: Range, b: Buckets): number[] {
  const out: number[] = [];
  for (let i = bucketOf(range.from, b); i <= bucketOf(range.to - 1, b); i++) out.push(i);
  return out;
}

/** 4 decimals, and 0 when there is nobody to divide by. */
export const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
