/*
 * Dates as curators type them and as the API wants them. Schedules are typed in the curator's local time
 * (<input type="datetime-local">) and sent as ISO UTC; analytics periods are whole UTC days, because the
 * backend buckets its figures by UTC day and week.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23T09:30" (local time, as datetime-local gives it) → ISO UTC; null when empty or not a date. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO → the value a datetime-local input shows for it in local time ("" for null). */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface DayRange {
  /** First day, "YYYY-MM-DD" (UTC). */
  from: string;
  /** Last day included, "YYYY-MM-DD" (UTC). */
  to: string;
}

const DAY_MS = 86_400_000;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `days` UTC days ending with today (today included). */
export function lastDays(days: number, now: number): DayRange {
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`);
  return { from: dayOf(today - (days - 1) * DAY_MS), to: dayOf(today) };
}

/**
 * The analytics query of a day range: the half-open period [from 00:00 UTC, the day after `to` 00:00 UTC),
 * so the last day picked is counted whole. Throws a sentence a person can act on when the range is wrong.
 */
export function rangeToQuery(range: DayRange): { from: string; to: string } {
  if (!isDay(range.from)) throw new RangeError('Pick a start date.');
  if (!isDay(range.to)) throw new RangeError('Pick an end date.');
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`) + DAY_MS;
  if (to <= from) throw new RangeError('The end date must not be before the start date.');
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
