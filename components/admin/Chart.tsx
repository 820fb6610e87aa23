import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDate, formatNumber, t } from '@/lib/i18n';

export interface Series {
  label: string;
  values: number[];
  colour: string;
}

interface Props {
  /** Names the chart for assistive technology; the table next to it carries the same figures. */
  title: string;
  /** Bucket starts (ISO). */
  times: string[];
  series: Series[];
  /** Format of the y values (e.g. percentages). */
  formatY?: (v: number) => string;
}

/** Bucket starts are UTC days and weeks: the axis and the legend name them as the tables do, in the shown language. */
const tickDate = (seconds: number) => formatDate(seconds * 1000, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const legendDate = (seconds: number) => formatDate(seconds * 1000, { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * A small time-series line chart (uPlot), sized to its container and redrawn when the data change. Dates and
 * numbers are written by lib/i18n, not by uPlot (which would write English month names).
 */
export function Chart({ title, times, series, formatY }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, Math.min(el.clientWidth || 640, 900));
    const formatValue = formatY ?? formatNumber;
    const opts: uPlot.Options = {
      width,
      height: 220,
      series: [
        { label: t('analytics.chartTime'), value: (_u: uPlot, v: number | null) => (v === null ? '—' : legendDate(v)) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          width: 2,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatValue(v)),
        })),
      ],
      axes: [
        { values: (_u: uPlot, ticks: number[]) => ticks.map(tickDate) },
        { values: (_u: uPlot, ticks: number[]) => ticks.map(formatValue), size: 60 },
      ],
      scales: { x: { time: true } },
      // Ticks on UTC midnights, the buckets' own boundaries.
      tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    };
    const data: uPlot.AlignedData = [times.map((t) => Date.parse(t) / 1000), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    return () => plot.destroy();
  }, [times, series, formatY]);
  return <div class="chart" ref={box} role="img" aria-label={t('analytics.chartLabel', { title })} />;
}
