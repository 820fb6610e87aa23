import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { plural } from '@/lib/i18n';
import { useLocale } from '@/lib/i18n/test-catalogue';
import { analyticsFilters } from './AnalyticsFilters';

const now = Date.parse('2026-11-23T15:00:00Z');

/** How many times the period the reports ask for changed, after the first look. */
function countChanges(filters: ReturnType<typeof analyticsFilters>) {
  let runs = -1;
  const stop = effect(() => {
    void filters.query.value;
    runs += 1;
  });
  return { changes: () => runs, stop };
}

describe('analyticsFilters', () => {
  it('starts with the last 30 days as a half-open UTC period', () => {
    const filters = analyticsFilters(now);
    expect([filters.from.value, filters.to.value]).toEqual(['2026-10-25', '2026-11-23']);
    expect(filters.query.value).toEqual({ from: '2026-10-25T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' });
    expect(filters.rangeError.value).toBeNull();
  });

  it('says in the shown language why the days are not a period, and asks for nothing meanwhile', () => {
    useLocale('ru');
    const filters = analyticsFilters(now);
    filters.to.value = '2026-10-01';
    expect(filters.query.value).toBeNull();
    expect(filters.rangeError.value).toBe('Дата окончания не может быть раньше даты начала.');
    filters.from.value = '';
    expect(filters.rangeError.value).toBe('Выберите дату начала.');
  });

  it('changes the period only when the days do: edits that keep it invalid, or the same preset again, ask for nothing', () => {
    const filters = analyticsFilters(now);
    const { changes, stop } = countChanges(filters);
    filters.setDays({ from: '2026-10-25', to: '2026-11-23' });
    expect(changes()).toBe(0);
    filters.to.value = '2026-10-01';
    filters.to.value = '2026-10-02';
    filters.from.value = '';
    expect(changes()).toBe(1);
    filters.setDays({ from: '2026-11-17', to: '2026-11-23' });
    expect(changes()).toBe(2);
    expect(filters.query.value).toEqual({ from: '2026-11-17T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' });
    stop();
  });
});

describe('analytics words', () => {
  it('has Russian plurals for 1, 2, 5 and 21', () => {
    useLocale('ru');
    expect([1, 2, 5, 21].map((n) => plural('analytics.lastDays', n))).toEqual([
      'Последний 1 день',
      'Последние 2 дня',
      'Последние 5 дней',
      'Последний 21 день',
    ]);
    expect([1, 2, 5, 21].map((n) => plural('analytics.showRows', n))).toEqual([
      'Показать 1 строку',
      'Показать 2 строки',
      'Показать 5 строк',
      'Показать 21 строку',
    ]);
  });
});
