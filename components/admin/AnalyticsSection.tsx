import { useMemo, useState } from 'preact/hooks';
import type { AdminApi, AnalyticsParams, AnalyticsReport } from '@/lib/api/admin';
import type { Ranking } from '@/lib/contract/analytics';
import { lastDays, rangeToQuery, type DayRange } from '@/lib/admin/dates';
import { describeError } from '@/lib/api/errors';
import { Notice } from '@/components/Notice';
import { Chart } from './Chart';
import { useLoad } from './use-load';

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const num = (n: number) => n.toLocaleString();
const percentTick = (v: number) => `${Math.round(v)}%`;
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { timeZone: 'UTC' });

interface Column<T> {
  label: string;
  value: (row: T) => string | number;
  /** Numbers align right. */
  numeric?: boolean;
  /** User content (titles, names, topics): any script, any direction. */
  text?: boolean;
}

function Table<T>({ caption, rows, columns, csv, collapsed }: { caption: string; rows: T[]; columns: Column<T>[]; csv: () => Promise<void>; collapsed?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="report">
      <div class="report-head">
        <h4>{caption}</h4>
        <button type="button" class="button secondary" aria-label={`Download CSV: ${caption}`} onClick={() => csv().then(() => setError(null), (e: unknown) => setError(describeError(e)))}>
          Download CSV
        </button>
      </div>
      <Notice role="alert" tone="error">{error}</Notice>
      {rows.length === 0 ? (
        <p class="muted">Nothing in this period.</p>
      ) : collapsed ? (
        <details>
          <summary>Show the {rows.length} rows</summary>
          <DataTable caption={caption} rows={rows} columns={columns} />
        </details>
      ) : (
        <DataTable caption={caption} rows={rows} columns={columns} />
      )}
    </div>
  );
}

function DataTable<T>({ caption, rows, columns }: { caption: string; rows: T[]; columns: Column<T>[] }) {
  return (
        <table class="data">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>{columns.map((c) => <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.label} class={c.numeric ? 'num' : undefined} dir={c.text ? 'auto' : undefined}>
                    {typeof c.value(r) === 'number' ? num(c.value(r) as number) : c.value(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
  );
}

const figures = <T extends { shares: number; clicks: number; reach: number }>(): Column<T>[] => [
  { label: 'Shares', value: (r) => r.shares, numeric: true },
  { label: 'Clicks', value: (r) => r.clicks, numeric: true },
  { label: 'Reach', value: (r) => r.reach, numeric: true },
];

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function AnalyticsSection({ api }: { api: AdminApi }) {
  const [range, setRange] = useState<DayRange>(() => lastDays(30, Date.now()));
  const [anonymise, setAnonymise] = useState(false);
  const [by, setBy] = useState<Ranking>('shares');
  let period: { from: string; to: string } | null = null;
  let rangeError: string | null = null;
  try {
    period = rangeToQuery(range);
  } catch (err) {
    rangeError = (err as Error).message;
  }
  const key = period ? `${period.from}/${period.to}` : 'none';
  const reports = useLoad(async () => {
    if (!period) return null;
    const [adoption, participation, networks, topics, contentTypes, reach, traffic] = await Promise.all([
      api.analytics('adoption', period),
      api.analytics('participation', period),
      api.analytics('networks', period),
      api.analytics('topics', period),
      api.analytics('content-types', period),
      api.analytics('reach', period),
      api.analytics('traffic', period),
    ]);
    return { adoption, participation, networks, topics, contentTypes, reach, traffic };
  }, [api, key]);
  // Rankings reload on their own: the privacy switch and "rank by" do not refetch everything.
  const ranked = useLoad(async () => {
    if (!period) return null;
    const [contributors, items] = await Promise.all([
      api.analytics('contributors', { ...period, by, anonymise, limit: 20 }),
      api.analytics('items', { ...period, by, limit: 20 }),
    ]);
    return { contributors, items };
  }, [api, key, by, anonymise]);

  const csv = (report: AnalyticsReport, extra: AnalyticsParams = {}) => async () => {
    if (!period) return;
    const text = await api.analyticsCsv(report, { ...period, ...extra });
    download(`relay-${report}-${range.from}-to-${range.to}.csv`, text);
  };

  const r = reports.data;
  const top = ranked.data;
  const participationSeries = useMemo(
    () => (r ? [{ label: 'Participation', values: r.participation.weeks.map((w) => w.rate * 100), colour: '#0f766e' }] : []),
    [r],
  );
  const reachSeries = useMemo(() => (r ? [{ label: 'Reach', values: r.reach.points.map((p) => p.reach), colour: '#1d4ed8' }] : []), [r]);
  const trafficSeries = useMemo(
    () => (r ? [
      { label: 'LinkedIn', values: r.traffic.days.map((d) => d.linkedin), colour: '#0a66c2' },
      { label: 'X', values: r.traffic.days.map((d) => d.x), colour: '#6b7280' },
    ] : []),
    [r],
  );

  return (
    <>
      <form class="range" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="range-from">From (UTC day)</label>
          <input id="range-from" type="date" value={range.from} onInput={(e) => setRange({ ...range, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="range-to">To (UTC day, included)</label>
          <input id="range-to" type="date" value={range.to} onInput={(e) => setRange({ ...range, to: e.currentTarget.value })} />
        </div>
        <div class="presets" role="group" aria-label="Quick periods">
          {[7, 30, 90].map((d) => (
            <button key={d} type="button" class="button secondary" onClick={() => setRange(lastDays(d, Date.now()))}>Last {d} days</button>
          ))}
        </div>
        <div class="field">
          <label for="rank-by">Rank by</label>
          <select id="rank-by" value={by} onChange={(e) => setBy(e.currentTarget.value as Ranking)}>
            <option value="shares">Shares</option>
            <option value="clicks">Clicks</option>
            <option value="reach">Reach</option>
          </select>
        </div>
        <label class="checkbox">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.currentTarget.checked)} /> Initials only for contributors
        </label>
      </form>
      <Notice role="alert" tone="error">{rangeError ?? reports.error ?? ranked.error}</Notice>
      <p role="status">{reports.loading || ranked.loading ? 'Loading figures…' : ''}</p>
      {r && (
        <>
          <h3>Adoption</h3>
          <ol class="funnel" aria-label="Adoption funnel">
            <li><strong>{num(r.adoption.invited)}</strong> invited</li>
            <li><strong>{num(r.adoption.activated)}</strong> activated ({pct(r.adoption.activationRate)} of invited)</li>
            <li><strong>{num(r.adoption.active)}</strong> active in the last 7 days ({pct(r.adoption.activeRate)} of activated)</li>
          </ol>
          <Table caption="Adoption" rows={[r.adoption]} csv={csv('adoption')} columns={[
            { label: 'Invited', value: (a) => a.invited, numeric: true },
            { label: 'Activated', value: (a) => a.activated, numeric: true },
            { label: 'Active', value: (a) => a.active, numeric: true },
            { label: 'Activation rate', value: (a) => pct(a.activationRate), numeric: true },
            { label: 'Active rate', value: (a) => pct(a.activeRate), numeric: true },
          ]} />

          <h3>Participation per week</h3>
          <Chart title="Share of activated people who shared, per week" times={r.participation.weeks.map((w) => w.weekStart)} series={participationSeries} formatY={percentTick} />
          <Table caption="Participation per week" rows={r.participation.weeks} csv={csv('participation')} columns={[
            { label: 'Week of', value: (w) => day(w.weekStart) },
            { label: 'Activated', value: (w) => w.activated, numeric: true },
            { label: 'Shared', value: (w) => w.participants, numeric: true },
            { label: 'Rate', value: (w) => pct(w.rate), numeric: true },
          ]} />

          <h3>Top contributors</h3>
          {top && (
            <Table caption="Top contributors" rows={top.contributors.contributors} csv={csv('contributors', { by, anonymise, limit: 100 })} columns={[
              { label: 'Rank', value: (c) => c.rank, numeric: true },
              { label: 'Person', value: (c) => (top.contributors.anonymised ? c.initials : (c.name ?? c.initials)), text: true },
              ...figures<(typeof top.contributors.contributors)[number]>(),
            ]} />
          )}

          <h3>By network, item, topic and content type</h3>
          <Table caption="Per network" rows={r.networks.networks} csv={csv('networks')} columns={[
            { label: 'Network', value: (n) => (n.network === 'x' ? 'X' : 'LinkedIn') }, ...figures<(typeof r.networks.networks)[number]>(),
          ]} />
          {top && (
            <Table caption="Top items" rows={top.items.items} csv={csv('items', { by, limit: 100 })} columns={[
              { label: 'Item', value: (i) => i.title, text: true }, ...figures<(typeof top.items.items)[number]>(),
            ]} />
          )}
          <Table caption="Per topic" rows={r.topics.topics} csv={csv('topics')} columns={[
            { label: 'Topic', value: (t) => t.topic ?? '(no topic)', text: true }, ...figures<(typeof r.topics.topics)[number]>(),
          ]} />
          <Table caption="Per content type" rows={r.contentTypes.contentTypes} csv={csv('content-types')} columns={[
            { label: 'Content type', value: (t) => t.contentType }, ...figures<(typeof r.contentTypes.contentTypes)[number]>(),
          ]} />

          <h3>Reach over time</h3>
          <Chart title={`Reach per ${r.reach.granularity}`} times={r.reach.points.map((p) => p.start)} series={reachSeries} />
          <Table caption={`Reach per ${r.reach.granularity}`} rows={r.reach.points} csv={csv('reach')} collapsed columns={[
            { label: r.reach.granularity === 'day' ? 'Day' : 'Week of', value: (p) => day(p.start) },
            { label: 'Shares', value: (p) => p.shares, numeric: true },
            { label: 'Reach', value: (p) => p.reach, numeric: true },
          ]} />

          <h3>Attributed traffic</h3>
          <p><strong>{num(r.traffic.clicks)}</strong> clicks on employees’ tracked links (bots and repeat visits not counted).</p>
          <Chart title="Clicks per day by network" times={r.traffic.days.map((d) => d.start)} series={trafficSeries} />
          <Table caption="Clicks per day" rows={r.traffic.days} csv={csv('traffic')} collapsed columns={[
            { label: 'Day', value: (d) => day(d.start) },
            { label: 'Clicks', value: (d) => d.clicks, numeric: true },
            { label: 'LinkedIn', value: (d) => d.linkedin, numeric: true },
            { label: 'X', value: (d) => d.x, numeric: true },
          ]} />
        </>
      )}
    </>
  );
}
