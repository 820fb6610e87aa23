import { batch, computed, signal } from '@preact/signals';
import type { CsvDelimiter, Ranking } from '@/lib/contract/analytics';
import { lastDays, rangeToQuery, type DayRange } from '@/lib/admin/dates';
import { plural, t } from '@/lib/i18n';
import { defaultDelimiter } from './csv-download';
import { Field } from './Field';

/** lib/admin/dates explains a wrong period in English: the same sentences in the shown language. */
function rangeMessage(err: unknown): string {
  const message = (err as Error).message;
  if (message === 'Pick a start date.') return t('analytics.rangeStart');
  if (message === 'Pick an end date.') return t('analytics.rangeEnd');
  if (message === 'The end date must not be before the start date.') return t('analytics.rangeOrder');
  return message;
}

function checkRange(range: DayRange): { query: { from: string; to: string } | null; error: string | null } {
  try {
    return { query: rangeToQuery(range), error: null };
  } catch (err) {
    return { query: null, error: rangeMessage(err) };
  }
}

/**
 * What the analytics reports are asked for: the days (the last 30 at first), the ranking, whether contributors
 * are shown by their initials only, and the CSV delimiter. The reports load again when what they read changes.
 */
export function analyticsFilters(now: number) {
  const start = lastDays(30, now);
  const from = signal(start.from);
  const to = signal(start.to);
  const checked = computed(() => checkRange({ from: from.value, to: to.value }));
  return {
    from,
    to,
    by: signal<Ranking>('shares'),
    anonymise: signal(false),
    delimiter: signal<CsvDelimiter>(defaultDelimiter()),
    /** The period to ask for: null while the days are not one, and unchanged until the days change. */
    query: computed(() => checked.value.query),
    /** Why the days are not a period, in the shown language. */
    rangeError: computed(() => checked.value.error),
    setDays(days: DayRange) {
      batch(() => {
        from.value = days.from;
        to.value = days.to;
      });
    },
  };
}

export type AnalyticsFilters = ReturnType<typeof analyticsFilters>;

export function AnalyticsFilterForm({ filters }: { filters: AnalyticsFilters }) {
  const { from, to, by, anonymise, delimiter } = filters;
  return (
    <form class="range" aria-label={t('analytics.period')} onSubmit={(e) => e.preventDefault()}>
      <Field id="range-from" label={t('analytics.from')}>
        <input id="range-from" type="date" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
      </Field>
      <Field id="range-to" label={t('analytics.to')}>
        <input id="range-to" type="date" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />
      </Field>
      <div class="presets" role="group" aria-label={t('analytics.quickPeriods')}>
        {[7, 30, 90].map((d) => (
          <button
            key={d}
            type="button"
            class="button secondary"
            onClick={() => filters.setDays(lastDays(d, Date.now()))}
          >
            {plural('analytics.lastDays', d)}
          </button>
        ))}
      </div>
      <Field id="rank-by" label={t('analytics.rankBy')}>
        <select id="rank-by" value={by.value} onChange={(e) => (by.value = e.currentTarget.value as Ranking)}>
          <option value="shares">{t('analytics.shares')}</option>
          <option value="clicks">{t('analytics.clicks')}</option>
          <option value="reach">{t('analytics.reach')}</option>
        </select>
      </Field>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={anonymise.value}
          onChange={(e) => (anonymise.value = e.currentTarget.checked)}
        />{' '}
        {t('analytics.initialsOnly')}
      </label>
      <Field id="csv-delimiter" label={t('analytics.delimiter')}>
        <select
          id="csv-delimiter"
          value={delimiter.value}
          onChange={(e) => (delimiter.value = e.currentTarget.value as CsvDelimiter)}
        >
          <option value=",">{t('analytics.delimiterComma')}</option>
          <option value=";">{t('analytics.delimiterSemicolon')}</option>
        </select>
      </Field>
    </form>
  );
}
