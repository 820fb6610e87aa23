import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

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

/** A small time-series line chart (uPlot), sized to its container and redrawn when the data change. */
export function Chart({ title, times, series, formatY }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, Math.min(el.clientWidth || 640, 900));
    const opts: uPlot.Options = {
      width,
      height: 220,
      series: [
        {},
        ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, value: formatY ? (_u: uPlot, v: number | null) => (v === null ? '—' : formatY(v)) : undefined })),
      ],
      axes: [{}, { values: formatY ? (_u: uPlot, ticks: number[]) => ticks.map(formatY) : undefined, size: 60 }],
      scales: { x: { time: true } },
    };
    const data: uPlot.AlignedData = [times.map((t) => Date.parse(t) / 1000), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    return () => plot.destroy();
  }, [times, series, formatY]);
  return <div class="chart" ref={box} role="img" aria-label={`${title} (chart; the same figures are in the table)`} />;
}
