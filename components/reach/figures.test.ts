import { describe, expect, it } from 'vitest';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { badgeLabel, rankText, sparklinePoints, sparklineSummary, streakText } from './figures';

describe('reach card figures', () => {
  it('ranks in plain English', () => {
    const ranks = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((r) => rankText(r, 200)!.split(' ')[0]);
    expect(ranks).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
    expect(rankText(3, 12)).toBe('3rd of 12');
    expect(rankText(null, 12)).toBeNull();
  });

  it('ranks, counts weeks and names badges in the language shown', () => {
    useLocale('ca');
    expect([1, 2, 3, 4].map((r) => rankText(r, 12))).toEqual(['1r de 12', '2n de 12', '3r de 12', '4t de 12']);
    useLocale('ru');
    expect(rankText(3, 12)).toBe('3-е место из 12');
    expect([1, 2, 5, 21].map(streakText)).toEqual([
      '1 неделя подряд',
      '2 недели подряд',
      '5 недель подряд',
      '21 неделя подряд',
    ]);
    expect(badgeLabel({ id: 'first-share', label: 'First share' })).toBe('Первая публикация');
    expect(badgeLabel({ id: 'from-a-newer-server', label: 'Newer badge' })).toBe('Newer badge');
  });

  it('describes the streak', () => {
    expect(streakText(0)).toMatch(/No streak yet/);
    expect(streakText(1)).toBe('1-week streak');
    expect(streakText(5)).toBe('5-week streak');
  });

  it('draws the sparkline inside its box, highest value at the top', () => {
    expect(sparklinePoints([0, 5, 10], 104, 24)).toBe('2,22 52,12 102,2');
    expect(sparklinePoints([0, 0], 104, 24)).toBe('2,22 102,22');
    expect(sparklinePoints([], 104, 24)).toBe('');
  });

  it('says what the sparkline shows', () => {
    const weeks = [0, 120, 40].map((reach, i) => ({
      start: new Date(Date.UTC(2026, 10, 2 + 7 * i)).toISOString(),
      reach,
      clicks: 0,
      shares: 0,
    }));
    expect(sparklineSummary(weeks, String)).toBe(
      'Reach per week over the last 3 weeks: 0, 120, 40. This week 40; best week 120 (week of Nov 9).',
    );
  });
});
