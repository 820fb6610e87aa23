import { useMemo } from 'preact/hooks';
import type { AdminApi, AnalyticsParams, AnalyticsReport } from '@/lib/api/admin';
import type { ContentType } from '@/lib/contract/common';
import { formatNumber, plural, t } from '@/lib/i18n';
import { Notice } from '@/components/Notice';
import { analyticsFilters, AnalyticsFilterForm } from './AnalyticsFilters';
import { day, pct, percentTick } from './analytics-format';
import { Chart } from './Chart';
import { download } from './csv-download';
import { Emphasised } from './emphasised';
import { networkLabel } from '@/components/network-label';
import { ReportTable as Table, type Column } from './ReportTable';
import { useLoad } from './use-load';

const contentTypeName = (type: ContentType) => t(`analytics.contentTypes.${type}`);

const figures = <T extends { shares: number; clicks: number; reach: number }>(): Column<T>[] => [
  { label: t('analytics.shares'), value: (r) => r.shares, numeric: true },
  { label: t('analytics.clicks'), value: (r) => r.clicks, numeric: true },
  { label: t('analytics.reach'), value: (r) => r.reach, numeric: true },
];

export function AnalyticsSection({ api }: { api: AdminApi }) {
  const filters = useMemo(() => analyticsFilters(Date.now()), []);
  const { query, by, anonymise } = filters;
  const reports = useLoad(async () => {
    const period = query.value;
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
  }, [api]);
  // Rankings load on their own: the privacy switch and "rank by" do not refetch everything.
  const ranked = useLoad(async () => {
    const [period, rankBy, initialsOnly] = [query.value, by.value, anonymise.value];
    if (!period) return null;
    const [contributors, items] = await Promise.all([
      api.analytics('contributors', { ...period, by: rankBy, anonymise: initialsOnly, limit: 20 }),
      api.analytics('items', { ...period, by: rankBy, limit: 20 }),
    ]);
    return { contributors, items };
  }, [api]);

  const csv =
    (report: AnalyticsReport, extra: AnalyticsParams = {}) =>
    async () => {
      const period = query.value;
      if (!period) return;
      const file = await api.analyticsCsv(report, { ...period, ...extra, delimiter: filters.delimiter.value });
      download(`relay-${report}-${filters.from.value}-to-${filters.to.value}.csv`, file);
    };

  const r = reports.data;
  const top = ranked.data;
  const reachTitle = r?.reach.granularity === 'week' ? t('analytics.reachPerWeek') : t('analytics.reachPerDay');
  const participationSeries = useMemo(
    () =>
      r
        ? [
            {
              label: t('analytics.participation'),
              values: r.participation.weeks.map((w) => w.rate * 100),
              colour: '#0f766e',
            },
          ]
        : [],
    [r],
  );
  const reachSeries = useMemo(
    () => (r ? [{ label: t('analytics.reach'), values: r.reach.points.map((p) => p.reach), colour: '#1d4ed8' }] : []),
    [r],
  );
  const trafficSeries = useMemo(
    () =>
      r
        ? [
            { label: 'LinkedIn', values: r.traffic.days.map((d) => d.linkedin), colour: '#0a66c2' },
            { label: 'X', values: r.traffic.days.map((d) => d.x), colour: '#6b7280' },
          ]
        : [],
    [r],
  );

  return (
    <>
      <AnalyticsFilterForm filters={filters} />
      <Notice role="alert" tone="error">
        {filters.rangeError.value ?? reports.error ?? ranked.error}
      </Notice>
      <p role="status">{reports.loading || ranked.loading ? t('analytics.loading') : ''}</p>
      {r && (
        <>
          <h3>{t('analytics.adoption')}</h3>
          <ol class="funnel" aria-label={t('analytics.funnel')}>
            <li>
              <Emphasised
                text={t('analytics.funnelInvited', { count: Emphasised.MARK })}
                value={formatNumber(r.adoption.invited)}
              />
            </li>
            <li>
              <Emphasised
                text={t('analytics.funnelActivated', { count: Emphasised.MARK, rate: pct(r.adoption.activationRate) })}
                value={formatNumber(r.adoption.activated)}
              />
            </li>
            <li>
              <Emphasised
                text={t('analytics.funnelActive', { count: Emphasised.MARK, rate: pct(r.adoption.activeRate) })}
                value={formatNumber(r.adoption.active)}
              />
            </li>
          </ol>
          <Table
            caption={t('analytics.adoption')}
            rows={[r.adoption]}
            csv={csv('adoption')}
            columns={[
              { label: t('analytics.invited'), value: (a) => a.invited, numeric: true },
              { label: t('analytics.activated'), value: (a) => a.activated, numeric: true },
              { label: t('analytics.active'), value: (a) => a.active, numeric: true },
              { label: t('analytics.activationRate'), value: (a) => pct(a.activationRate), numeric: true },
              { label: t('analytics.activeRate'), value: (a) => pct(a.activeRate), numeric: true },
            ]}
          />

          <h3>{t('analytics.participationTitle')}</h3>
          <Chart
            title={t('analytics.participationChart')}
            times={r.participation.weeks.map((w) => w.weekStart)}
            series={participationSeries}
            formatY={percentTick}
          />
          <Table
            caption={t('analytics.participationTitle')}
            rows={r.participation.weeks}
            csv={csv('participation')}
            columns={[
              { label: t('analytics.weekOf'), value: (w) => day(w.weekStart) },
              { label: t('analytics.activated'), value: (w) => w.activated, numeric: true },
              { label: t('analytics.shared'), value: (w) => w.participants, numeric: true },
              { label: t('analytics.rate'), value: (w) => pct(w.rate), numeric: true },
            ]}
          />

          <h3>{t('analytics.contributorsTitle')}</h3>
          {top && (
            <Table
              caption={t('analytics.contributorsTitle')}
              rows={top.contributors.contributors}
              csv={csv('contributors', { by: by.value, anonymise: anonymise.value, limit: 100 })}
              columns={[
                { label: t('analytics.rank'), value: (c) => c.rank, numeric: true },
                {
                  label: t('analytics.person'),
                  value: (c) => (top.contributors.anonymised ? c.initials : (c.name ?? c.initials)),
                  text: true,
                },
                ...figures<(typeof top.contributors.contributors)[number]>(),
              ]}
            />
          )}

          <h3>{t('analytics.breakdownTitle')}</h3>
          <Table
            caption={t('analytics.perNetwork')}
            rows={r.networks.networks}
            csv={csv('networks')}
            columns={[
              { label: t('analytics.network'), value: (n) => networkLabel[n.network] },
              ...figures<(typeof r.networks.networks)[number]>(),
            ]}
          />
          {top && (
            <Table
              caption={t('analytics.topItems')}
              rows={top.items.items}
              csv={csv('items', { by: by.value, limit: 100 })}
              columns={[
                { label: t('analytics.item'), value: (i) => i.title, text: true },
                ...figures<(typeof top.items.items)[number]>(),
              ]}
            />
          )}
          <Table
            caption={t('analytics.perTopic')}
            rows={r.topics.topics}
            csv={csv('topics')}
            columns={[
              { label: t('analytics.topic'), value: (row) => row.topic ?? t('analytics.noTopic'), text: true },
              ...figures<(typeof r.topics.topics)[number]>(),
            ]}
          />
          <Table
            caption={t('analytics.perContentType')}
            rows={r.contentTypes.contentTypes}
            csv={csv('content-types')}
            columns={[
              { label: t('analytics.contentType'), value: (row) => contentTypeName(row.contentType) },
              ...figures<(typeof r.contentTypes.contentTypes)[number]>(),
            ]}
          />

          <h3>{t('analytics.reachTitle')}</h3>
          <Chart title={reachTitle} times={r.reach.points.map((p) => p.start)} series={reachSeries} />
          <Table
            caption={reachTitle}
            rows={r.reach.points}
            csv={csv('reach')}
            collapsed
            columns={[
              {
                label: r.reach.granularity === 'day' ? t('analytics.day') : t('analytics.weekOf'),
                value: (p) => day(p.start),
              },
              { label: t('analytics.shares'), value: (p) => p.shares, numeric: true },
              { label: t('analytics.reach'), value: (p) => p.reach, numeric: true },
            ]}
          />

          <h3>{t('analytics.trafficTitle')}</h3>
          <p>
            <Emphasised
              text={plural('analytics.trafficClicks', r.traffic.clicks, { count: Emphasised.MARK })}
              value={formatNumber(r.traffic.clicks)}
            />
          </p>
          <Chart title={t('analytics.clicksChart')} times={r.traffic.days.map((d) => d.start)} series={trafficSeries} />
          <Table
            caption={t('analytics.clicksPerDay')}
            rows={r.traffic.days}
            csv={csv('traffic')}
            collapsed
            columns={[
              { label: t('analytics.day'), value: (d) => day(d.start) },
              { label: t('analytics.clicks'), value: (d) => d.clicks, numeric: true },
              { label: 'LinkedIn', value: (d) => d.linkedin, numeric: true },
              { label: 'X', value: (d) => d.x, numeric: true },
            ]}
          />
        </>
      )}
    </>
  );
}
