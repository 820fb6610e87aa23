import { z } from 'zod';
import { ContentType, Id, Network, Timestamp } from './common';

/**
 * Programme analytics for curators. Every report covers a half-open period [from, to) (default: the 30
 * days ending at the next UTC midnight) and answers JSON, or the same table as CSV with `Accept: text/csv`
 * or `?format=csv`. Shares count by when they were shared, clicks by when they were clicked.
 * CSV starts with a UTF-8 byte-order mark and is `,`-delimited, or `;`-delimited with `?delimiter=;` (what Excel
 * expects where the decimal separator is a comma; fractions are then written with a decimal comma too).
 */
export const csvDelimiters = [',', ';'] as const;
export const CsvDelimiter = z.enum(csvDelimiters);
export type CsvDelimiter = z.infer<typeof CsvDelimiter>;

export const AnalyticsQuery = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  format: z.enum(['json', 'csv']).optional(),
  delimiter: CsvDelimiter.optional(),
});
export type AnalyticsQuery = z.input<typeof AnalyticsQuery>;

export const rankings = ['shares', 'clicks', 'reach'] as const;
export const Ranking = z.enum(rankings);
export type Ranking = z.infer<typeof Ranking>;

const limit = z.coerce.number().int().min(1).max(100).default(10);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const TopItemsQuery = AnalyticsQuery.extend({ limit, by: Ranking.default('shares') });
export type TopItemsQuery = z.input<typeof TopItemsQuery>;

/** `anonymise=true` answers initials only: no id, no name. */
export const ContributorsQuery = TopItemsQuery.extend({ anonymise: flag.default(false) });
export type ContributorsQuery = z.input<typeof ContributorsQuery>;

const count = z.number().int().nonnegative();
/** A fraction from 0 to 1, rounded to 4 decimals; 0 when there is nobody to divide by. */
const rate = z.number().min(0).max(1);
const period = { from: Timestamp, to: Timestamp };
const figures = { shares: count, clicks: count, reach: count };

/** Cumulative at the end of the period; `active` = shared in the period's last 7 days (from `activeSince`). */
export const Adoption = z.object({
  ...period,
  activeSince: Timestamp,
  invited: count,
  activated: count,
  active: count,
  /** activated / invited */
  activationRate: rate,
  /** active / activated */
  activeRate: rate,
});
export type Adoption = z.infer<typeof Adoption>;

/** Per ISO week (Monday 00:00 UTC) touching the period; shares outside the period are not counted. */
export const Participation = z.object({
  ...period,
  weeks: z.array(
    z.object({
      weekStart: Timestamp,
      /** People activated before the week (or the period) ended. */
      activated: count,
      /** People who shared at least once that week. */
      participants: count,
      /** participants / activated */
      rate,
    }),
  ),
});
export type Participation = z.infer<typeof Participation>;

export const Contributors = z.object({
  ...period,
  by: Ranking,
  anonymised: z.boolean(),
  contributors: z.array(
    z.object({
      /** Equal figures share a rank. */
      rank: z.number().int().positive(),
      /** Absent when anonymised. */
      employeeId: Id.optional(),
      name: z.string().optional(),
      initials: z.string(),
      ...figures,
    }),
  ),
});
export type Contributors = z.infer<typeof Contributors>;

export const NetworkFigures = z.object({
  ...period,
  networks: z.array(z.object({ network: Network, ...figures })),
});
export type NetworkFigures = z.infer<typeof NetworkFigures>;

export const TopItems = z.object({
  ...period,
  by: Ranking,
  items: z.array(z.object({ itemId: Id, title: z.string(), url: z.string(), ...figures })),
});
export type TopItems = z.infer<typeof TopItems>;

/** An item with several topics counts under each; `topic` null gathers items without one. */
export const TopicFigures = z.object({
  ...period,
  topics: z.array(z.object({ topic: z.string().nullable(), ...figures })),
});
export type TopicFigures = z.infer<typeof TopicFigures>;

export const ContentTypeFigures = z.object({
  ...period,
  contentTypes: z.array(z.object({ contentType: ContentType, ...figures })),
});
export type ContentTypeFigures = z.infer<typeof ContentTypeFigures>;

/** Per UTC day for periods up to 92 days, per ISO week beyond; empty buckets are present with zeros. */
export const ReachOverTime = z.object({
  ...period,
  granularity: z.enum(['day', 'week']),
  points: z.array(z.object({ start: Timestamp, shares: count, reach: count })),
});
export type ReachOverTime = z.infer<typeof ReachOverTime>;

/** Counted clicks on employees' tracked links per UTC day (bots and repeat visits were never counted). */
export const Traffic = z.object({
  ...period,
  clicks: count,
  days: z.array(z.object({ start: Timestamp, clicks: count, linkedin: count, x: count })),
});
export type Traffic = z.infer<typeof Traffic>;

const report = <Q extends z.ZodType, A extends z.ZodType>(summary: string, query: Q, answer: A) => ({
  summary,
  query,
  answer,
});

/** Each report: what it answers, the query it takes, and its JSON answer (the endpoints are in routes.ts). */
export const analyticsReports = {
  adoption: report('Invited, activated and active people at the end of the period', AnalyticsQuery, Adoption),
  participation: report('Share of activated people who shared, per ISO week', AnalyticsQuery, Participation),
  contributors: report(
    'Top contributors by shares, clicks or reach (?anonymise=true: initials only)',
    ContributorsQuery,
    Contributors,
  ),
  networks: report('Shares, clicks and reach per network', AnalyticsQuery, NetworkFigures),
  items: report('Top items by shares, clicks or reach', TopItemsQuery, TopItems),
  topics: report('Shares, clicks and reach per topic', AnalyticsQuery, TopicFigures),
  'content-types': report('Shares, clicks and reach per content type', AnalyticsQuery, ContentTypeFigures),
  reach: report('Shares and reach over time, per day or per week', AnalyticsQuery, ReachOverTime),
  traffic: report('Clicks on tracked links per day', AnalyticsQuery, Traffic),
};
export type AnalyticsReport = keyof typeof analyticsReports;
export type AnalyticsAnswer<R extends AnalyticsReport> = z.infer<(typeof analyticsReports)[R]['answer']>;
