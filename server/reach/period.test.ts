import { describe, expect, it } from 'vitest';
import { currentUtcMonth, isoWeekIndex, resolvePeriod, streakWeeks } from './period';

const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('defaults to the current UTC calendar month, half-open', () => {
    expect(currentUtcMonth(at('2026-12-31T23:59:59Z'))).toEqual({
      from: at('2026-12-01T00:00:00Z'),
      to: at('2027-01-01T00:00:00Z'),
    });
    expect(resolvePeriod(at('2026-02-10T00:00:00Z'))).toEqual({
      from: at('2026-02-01T00:00:00Z'),
      to: at('2026-03-01T00:00:00Z'),
    });
  });

  it('refuses an empty or reversed period', () => {
    expect(() => resolvePeriod(0, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')).toThrow(/earlier/);
  });
});

describe('ISO weeks', () => {
  it('start on Monday 00:00 UTC', () => {
    expect(isoWeekIndex(at('2026-11-16T00:00:00Z'))).toBe(isoWeekIndex(at('2026-11-22T23:59:59Z')));
    expect(isoWeekIndex(at('2026-11-23T00:00:00Z'))).toBe(isoWeekIndex(at('2026-11-22T23:59:59Z')) + 1);
  });

  const wed = at('2026-11-18T12:00:00Z');
  const w = isoWeekIndex(wed);

  it.each([
    ['nothing shared', [], 0],
    ['this week only', [w], 1],
    ['three weeks up to this one', [w, w - 1, w - 2], 3],
    ['none yet this week: counts up to last week', [w - 1, w - 2], 2],
    ['a gap ends the streak', [w, w - 2, w - 3], 1],
    ['last shared two weeks ago', [w - 2, w - 3], 0],
  ])('streak: %s', (_, weeks, expected) => {
    expect(streakWeeks(new Set(weeks), wed)).toBe(expected);
  });
});
