import { useMemo, useState } from 'preact/hooks';
import type { AdminApi, AnalyticsParams, AnalyticsReport } from '@/lib/api/admin';
import type { CsvDelimiter, Ranking } from '@/lib/contract/analytics';
import type { ContentType } from '@/lib/contract/common';
import { lastDays, rangeToQuery, type DayRange } from '@/lib/admin/dates';
import { describeError } from '@/lib/api/errors';
import { formatDate, formatNumber, plural, t, uiLocale } from '@/lib/i18n';
import { Notice } from '@/components/Notice';
import { Chart } from './Chart';
import { Emphasised } from './emphasised';
import { useLoad } from './use-load';

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
const pct = (rate: number) => percentFormats().rate.format(rate);
const num = (n: number) => formatNumber(n);
const percentTick = (v: number) => percentFormats().tick.format(v / 100);
const day = (iso: string) => formatDate(iso, { timeZone: 'UTC' });

/** Excel opens `;` files where the decimal separator is a comma (ca, es, it, nl, ru), `,` files elsewhere. */
export function defaultDelimiter(locale = uiLocale()): CsvDelimiter {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/** lib/admin/dates explains a wrong period in English: the same sentences in the shown language. */
function rangeMessage(err: unknown): string {
  const message = (err as Error).message;
  if (message === 'Pick a start date.') return t('analytics.rangeStart');
  if (message === 'Pick an end date.') return t('analytics.rangeEnd');
  if (message === 'The end date must not be before the start date.') return t('analytics.rangeOrder');
  return message;
}

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
        <button type="button" class="button secondary" aria-label={t('analytics.downloadCsvOf', { table: caption })} onClick={() => csv().then(() => setError(null), (e: unknown) => setError(describeError(e)))}>
          {t('analytics.downloadCsv')}
        </button>
      </div>
      <Notice role="alert" tone="error">{error}</Notice>
      {rows.length === 0 ? (
        <p class="muted">{t('analytics.nothing')}</p>
      ) : collapsed ? (
        <details>
          <summary>{plural('analytics.showRows', rows.length)}</summary>
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

const contentTypeName = (type: ContentType) => t(`analytics.contentTypes.${type}`);

const figures = <T extends { shares: number; clicks: number; reach: number }>(): Column<T>[] => [
  { label: t('analytics.shares'), value: (r) => r.shares, numeric: true },
  { label: t('analytics.clicks'), value: (r) => r.clicks, numeric: true },
  { label: t('analytics.reach'), value: (r) => r.reach, numeric: true },
];

function download(name: string, file: Blob) {
  const url = URL.createObjectURL(file);
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
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(() => defaultDelimiter());
  let period: { from: string; to: string } | null = null;
  let rangeError: string | null = null;
  try {
    period = rangeToQuery(range);
  } catch (err) {
    rangeError = rangeMessage(err);
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
    const file = await api.analyticsCsv(report, { ...period, ...extra, delimiter });
    download(`relay-${report}-${range.from}-to-${range.to}.csv`, file);
  };

  const r = reports.data;
  const top = ranked.data;
  const reachTitle = r?.reach.granularity === 'week' ? t('analytics.reachPerWeek') : t('analytics.reachPerDay');
  const participationSeries = useMemo(
    () => (r ? [{ label: t('analytics.participation'), values: r.participation.weeks.map((w) => w.rate * 100), colour: '#0f766e' }] : []),
    [r],
  );
  const reachSeries = useMemo(() => (r ? [{ label: t('analytics.reach'), values: r.reach.points.map((p) => p.reach), colour: '#1d4ed8' }] : []), [r]);
  const trafficSeries = useMemo(
    () => (r ? [
      { label: 'LinkedIn', values: r.traffic.days.map((d) => d.linkedin), colour: '#0a66c2' },
      { label: 'X', values: r.traffic.days.map((d) => d.x), colour: '#6b7280' },
    ] : []),
    [r],
  );

  return (
    <>
      <form class="range" aria-label={t('analytics.period')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="range-from">{t('analytics.from')}</label>
          <input id="range-from" type="date" value={range.from} onInput={(e) => setRange({ ...range, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="range-to">{t('analytics.to')}</label>
          <input id="range-to" type="date" value={range.to} onInput={(e) => setRange({ ...range, to: e.currentTarget.value })} />
        </div>
        <div class="presets" role="group" aria-label={t('analytics.quickPeriods')}>
          {[7, 30, 90].map((d) => (
            <button key={d} type="button" class="button secondary" onClick={() => setRange(lastDays(d, Date.now()))}>{plural('analytics.lastDays', d)}</button>
          ))}
        </div>
        <div class="field">
          <label for="rank-by">{t('analytics.rankBy')}</label>
          <select id="rank-by" value={by} onChange={(e) => setBy(e.currentTarget.value as Ranking)}>
            <option value="shares">{t('analytics.shares')}</option>
            <option value="clicks">{t('analytics.clicks')}</option>
            <option value="reach">{t('analytics.reach')}</option>
          </select>
        </div>
        <label class="checkbox">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.currentTarget.checked)} /> {t('analytics.initialsOnly')}
        </label>
        <div class="field">
          <label for="csv-delimiter">{t('analytics.delimiter')}</label>
          <select id="csv-delimiter" value={delimiter} onChange={(e) => setDelimiter(e.currentTarget.value as CsvDelimiter)}>
            <option value=",">{t('analytics.delimiterComma')}</option>
            <option value=";">{t('analytics.delimiterSemicolon')}</option>
          </select>
        </div>
      </form>
      <Notice role="alert" tone="error">{rangeError ?? reports.error ?? ranked.error}</Notice>
      <p role="status">{reports.loading || ranked.loading ? t('analytics.loading') : ''}</p>
      {r && (
        <>
          <h3>{t('analytics.adoption')}</h3>
          <ol class="funnel" aria-label={t('analytics.funnel')}>
            <li><Emphasised text={t('analytics.funnelInvited', { count: Emphasised.MARK })} value={num(r.adoption.invited)} /></li>
            <li><Emphasised text={t('analytics.funnelActivated', { count: Emphasised.MARK, rate: pct(r.adoption.activationRate) })} value={num(r.adoption.activated)} /></li>
            <li><Emphasised text={t('analytics.funnelActive', { count: Emphasised.MARK, rate: pct(r.adoption.activeRate) })} value={num(r.adoption.active)} /></li>
          </ol>
          <Table caption={t('analytics.adoption')} rows={[r.adoption]} csv={csv('adoption')} columns={[
            { label: t('analytics.invited'), value: (a) => a.invited, numeric: true },
            { label: t('analytics.activated'), value: (a) => a.activated, numeric: true },
            { label: t('analytics.active'), value: (a) => a.active, numeric: true },
            { label: t('analytics.activationRate'), value: (a) => pct(a.activationRate), numeric: true },
            { label: t('analytics.activeRate'), value: (a) => pct(a.activeRate), numeric: true },
          ]} />

          <h3>{t('analytics.participationTitle')}</h3>
          <Chart title={t('analytics.participationChart')} times={r.participation.weeks.map((w) => w.weekStart)} series={participationSeries} formatY={percentTick} />
          <Table caption={t('analytics.participationTitle')} rows={r.participation.weeks} csv={csv('participation')} columns={[
            { label: t('analytics.weekOf'), value: (w) => day(w.weekStart) },
            { label: t('analytics.activated'), value: (w) => w.activated, numeric: true },
            { label: t('analytics.shared'), value: (w) => w.participants, numeric: true },
            { label: t('analytics.rate'), value: (w) => pct(w.rate), numeric: true },
          ]} />

          <h3>{t('analytics.contributorsTitle')}</h3>
          {top && (
            <Table caption={t('analytics.contributorsTitle')} rows={top.contributors.contributors} csv={csv('contributors', { by, anonymise, limit: 100 })} columns={[
              { label: t('analytics.rank'), value: (c) => c.rank, numeric: true },
              { label: t('analytics.person'), value: (c) => (top.contributors.anonymised ? c.initials : (c.name ?? c.initials)), text: true },
              ...figures<(typeof top.contributors.contributors)[number]>(),
            ]} />
          )}

          <h3>{t('analytics.breakdownTitle')}</h3>
          <Table caption={t('analytics.perNetwork')} rows={r.networks.networks} csv={csv('networks')} columns={[
            { label: t('analytics.network'), value: (n) => (n.network === 'x' ? 'X' : 'LinkedIn') }, ...figures<(typeof r.networks.networks)[number]>(),
          ]} />
          {top && (
            <Table caption={t('analytics.topItems')} rows={top.items.items} csv={csv('items', { by, limit: 100 })} columns={[
              { label: t('analytics.item'), value: (i) => i.title, text: true }, ...figures<(typeof top.items.items)[number]>(),
            ]} />
          )}
          <Table caption={t('analytics.perTopic')} rows={r.topics.topics} csv={csv('topics')} columns={[
            { label: t('analytics.topic'), value: (row) => row.topic ?? t('analytics.noTopic'), text: true }, ...figures<(typeof r.topics.topics)[number]>(),
          ]} />
          <Table caption={t('analytics.perContentType')} rows={r.contentTypes.contentTypes} csv={csv('content-types')} columns={[
            { label: t('analytics.contentType'), value: (row) => contentTypeName(row.contentType) }, ...figures<(typeof r.contentTypes.contentTypes)[number]>(),
          ]} />

          <h3>{t('analytics.reachTitle')}</h3>
          <Chart title={reachTitle} times={r.reach.points.map((p) => p.start)} series={reachSeries} />
          <Table caption={reachTitle} rows={r.reach.points} csv={csv('reach')} collapsed columns={[
            { label: r.reach.granularity === 'day' ? t('analytics.day') : t('analytics.weekOf'), value: (p) => day(p.start) },
            { label: t('analytics.shares'), value: (p) => p.shares, numeric: true },
            { label: t('analytics.reach'), value: (p) => p.reach, numeric: true },
          ]} />

          <h3>{t('analytics.trafficTitle')}</h3>
          <p><Emphasised text={plural('analytics.trafficClicks', r.traffic.clicks, { count: Emphasised.MARK })} value={num(r.traffic.clicks)} /></p>
          <Chart title={t('analytics.clicksChart')} times={r.traffic.days.map((d) => d.start)} series={trafficSeries} />
          <Table caption={t('analytics.clicksPerDay')} rows={r.traffic.days} csv={csv('traffic')} collapsed columns={[
            { label: t('analytics.day'), value: (d) => day(d.start) },
            { label: t('analytics.clicks'), value: (d) => d.clicks, numeric: true },
            { label: 'LinkedIn', value: (d) => d.linkedin, numeric: true },
            { label: 'X', value: (d) => d.x, numeric: true },
          ]} />
        </>
      )}
    </>
  );
}
