import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  AnalyticsQuery,
  ContributorsQuery,
  TopItemsQuery,
  type Contributors,
  type CsvDelimiter,
} from '../../lib/contract/analytics';
import type { AppEnv } from '../auth/principal';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { readQuery } from '../http/validate';
import { contentTypeFigures, networkFigures, topicFigures, topItems } from './content';
import { toCsv, type Column } from './csv';
import { adoption, contributors, participation } from './people';
import { resolveRange, type Range } from './range';
import { reachOverTime, traffic } from './timeline';

interface Report<Q extends z.ZodType, Body, Row> {
  query: Q;
  build(db: Kysely<DB>, range: Range, query: z.output<Q>): Promise<Body>;
  /** The report as one table, for CSV. */
  rows(body: Body): Row[];
  columns: Column<Row>[];
}

const report = <Q extends z.ZodType, Body, Row>(r: Report<Q, Body, Row>) => r;
const figureColumns = <Row extends { shares: number; clicks: number; reach: number }>(): Column<Row>[] => [
  { header: 'shares', value: (r) => r.shares },
  { header: 'clicks', value: (r) => r.clicks },
  { header: 'reach', value: (r) => r.reach },
];

const reports = {
  adoption: report({
    query: AnalyticsQuery,
    build: (db, range) => adoption(db, range),
    rows: (a) => [
      { stage: 'invited', count: a.invited, rate: null },
      { stage: 'activated', count: a.activated, rate: a.activationRate },
      { stage: 'active', count: a.active, rate: a.activeRate },
    ],
    columns: [
      { header: 'stage', value: (r) => r.stage },
      { header: 'count', value: (r) => r.count },
      { header: 'rate_of_previous_stage', value: (r) => r.rate },
    ],
  }),
  participation: report({
    query: AnalyticsQuery,
    build: (db, range) => participation(db, range),
    rows: (p) => p.weeks,
    columns: [
      { header: 'week_start', value: (r) => r.weekStart },
      { header: 'activated', value: (r) => r.activated },
      { header: 'participants', value: (r) => r.participants },
      { header: 'rate', value: (r) => r.rate },
    ],
  }),
  contributors: report({
    query: ContributorsQuery,
    build: (db, range, q: z.output<typeof ContributorsQuery>) => contributors(db, range, q),
    rows: (c: Contributors) => c.contributors,
    columns: [
      { header: 'rank', value: (r) => r.rank },
      { header: 'employee_id', value: (r) => r.employeeId },
      { header: 'name', value: (r) => r.name },
      { header: 'initials', value: (r) => r.initials },
      ...figureColumns(),
    ],
  }),
  networks: report({
    query: AnalyticsQuery,
    build: (db, range) => networkFigures(db, range),
    rows: (n) => n.networks,
    columns: [{ header: 'network', value: (r) => r.network }, ...figureColumns()],
  }),
  items: report({
    query: TopItemsQuery,
    build: (db, range, q: z.output<typeof TopItemsQuery>) => topItems(db, range, q),
    rows: (t) => t.items,
    columns: [
      { header: 'item_id', value: (r) => r.itemId },
      { header: 'title', value: (r) => r.title },
      { header: 'url', value: (r) => r.url },
      ...figureColumns(),
    ],
  }),
  topics: report({
    query: AnalyticsQuery,
    build: (db, range) => topicFigures(db, range),
    rows: (t) => t.topics,
    columns: [{ header: 'topic', value: (r) => r.topic }, ...figureColumns()],
  }),
  'content-types': report({
    query: AnalyticsQuery,
    build: (db, range) => contentTypeFigures(db, range),
    rows: (t) => t.contentTypes,
    columns: [{ header: 'content_type', value: (r) => r.contentType }, ...figureColumns()],
  }),
  reach: report({
    query: AnalyticsQuery,
    build: (db, range) => reachOverTime(db, range),
    rows: (r) => r.points,
    columns: [
      { header: 'period_start', value: (r) => r.start },
      { header: 'shares', value: (r) => r.shares },
      { header: 'reach', value: (r) => r.reach },
    ],
  }),
  traffic: report({
    query: AnalyticsQuery,
    build: (db, range) => traffic(db, range),
    rows: (t) => t.days,
    columns: [
      { header: 'day', value: (r) => r.start.slice(0, 10) },
      { header: 'clicks', value: (r) => r.clicks },
      { header: 'linkedin', value: (r) => r.linkedin },
      { header: 'x', value: (r) => r.x },
    ],
  }),
};

export type ReportName = keyof typeof reports;
export const reportNames = Object.keys(reports) as ReportName[];

/** `?format=` wins; otherwise CSV only when the client lists text/csv and not JSON before it. */
function wantsCsv(c: Context, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = c.req.header('accept')?.toLowerCase() ?? '';
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv >= 0 && (json < 0 || csv < json);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * GET /v1/admin/analytics/<report> (admin guard applied by the app). `flushClicks` first, so the
 * figures include clicks still waiting in the write buffer.
 */
export function analyticsRoutes(db: Kysely<DB>, now: Clock, flushClicks: () => Promise<unknown>) {
  const app = new Hono<AppEnv>();
  for (const name of reportNames) {
    const r = reports[name] as Report<
      z.ZodType<{ from?: string; to?: string; format?: 'json' | 'csv'; delimiter?: CsvDelimiter }>,
      unknown,
      unknown
    >;
    app.get(`/v1/admin/analytics/${name}`, async (c) => {
      const query = readQuery(c, r.query);
      const range = resolveRange(now(), query.from, query.to);
      await flushClicks();
      const body = await r.build(db, range, query);
      c.header('Vary', 'Accept');
      if (!wantsCsv(c, query.format)) return c.json(body as object);
      const filename = `relay-${name}-${day(range.from)}-to-${day(range.to)}.csv`;
      return c.body(toCsv(r.columns, r.rows(body), query.delimiter ?? ','), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
    });
  }
  return app;
}
