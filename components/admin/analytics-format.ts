import { formatDate, uiLocale } from '@/lib/i18n';

let percent: { locale: string; rate: Intl.NumberFormat; tick: Intl.NumberFormat } | undefined;
/** Percentages in the shown language: "42.9%", "42,9 %". */
function percentFormats() {
  const locale = uiLocale();
  if (percent?.locale !== locale) {
    percent = {
      locale,
      rate: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
      tick: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    };
  }
  return percent;
}

/** A rate (0–1) as a percentage to one decimal. */
export const pct = (rate: number) => percentFormats().rate.format(rate);
/** A chart tick already in percent (0–100), whole. */
export const percentTick = (v: number) => percentFormats().tick.format(v / 100);
/** A bucket's start: buckets are UTC days and weeks. */
export const day = (iso: string) => formatDate(iso, { timeZone: 'UTC' });
