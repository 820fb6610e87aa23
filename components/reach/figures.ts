import type { WeekFigures } from '@/lib/contract/reach';

const ordinals = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  return `${n}${SUFFIX[ordinals.select(n)] ?? 'th'}`;
}

/** "3rd of 12", or null when the person is not ranked this period. */
export function rankText(rank: number | null, participants: number): string | null {
  return rank === null ? null : `${ordinal(rank)} of ${participants}`;
}

export function streakText(weeks: number): string {
  if (weeks === 0) return 'No streak yet — share this week to start one';
  return weeks === 1 ? '1-week streak' : `${weeks}-week streak`;
}

/** Polyline points for a sparkline of `values` in a `width`×`height` box (2px padding; flat when all equal). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const pad = 2;
  const max = Math.max(...values);
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = pad + i * stepX;
      const y = max === 0 ? height - pad : height - pad - (v / max) * (height - 2 * pad);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}
const round = (n: number) => Math.round(n * 10) / 10;

/** The sparkline in words, for people who cannot see it. */
export function sparklineSummary(weeks: readonly WeekFigures[], format: (n: number) => string): string {
  if (weeks.length === 0) return 'No weekly figures yet.';
  const values = weeks.map((w) => w.reach);
  const best = Math.max(...values);
  const bestWeek = weeks[values.indexOf(best)]!;
  const thisWeek = values.at(-1)!;
  const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    `Reach per week over the last ${weeks.length} weeks: ${values.map(format).join(', ')}. ` +
    `This week ${format(thisWeek)}; best week ${format(best)} (week of ${day.format(new Date(bestWeek.start))}).`
  );
}
