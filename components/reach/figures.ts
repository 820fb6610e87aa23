import type { BadgeId, WeekFigures } from '@/lib/contract/reach';
import { formatDate, ordinal, plural, t, type MessageKey } from '@/lib/i18n';

/** "3rd of 12" (in the language shown), or null when the person is not ranked this period. */
export function rankText(rank: number | null, participants: number): string | null {
  return rank === null ? null : ordinal('popup.reach.rankOrdinal', rank, { rank, count: participants });
}

export function streakText(weeks: number): string {
  if (weeks === 0) return t('popup.reach.noStreak');
  return plural('popup.reach.streak', weeks);
}

const BADGE_KEYS: Record<BadgeId, MessageKey> = {
  'first-share': 'popup.badges.firstShare',
  'shares-10': 'popup.badges.shares10',
  'shares-50': 'popup.badges.shares50',
  'reach-1k': 'popup.badges.reach1k',
  'reach-10k': 'popup.badges.reach10k',
  'clicks-100': 'popup.badges.clicks100',
};

/** A badge's name in the language shown (the server's English label for a badge this version does not know). */
export function badgeLabel(badge: { id: string; label: string }): string {
  const key = BADGE_KEYS[badge.id as BadgeId];
  return key ? t(key) : badge.label;
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
  if (weeks.length === 0) return t('popup.reach.sparkEmpty');
  const values = weeks.map((w) => w.reach);
  const best = Math.max(...values);
  const bestWeek = weeks[values.indexOf(best)]!;
  return t('popup.reach.sparkSummary', {
    weeks: weeks.length,
    values: values.map(format).join(', '),
    thisWeek: format(values.at(-1)!),
    best: format(best),
    date: formatDate(bestWeek.start, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  });
}
