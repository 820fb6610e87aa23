import type { z } from 'zod';
import { Problem } from '../contract/common';
import { AdminItem, AdminItemList, type ItemCreate, type ItemPatch } from '../contract/items';
import { Unfurl } from '../contract/unfurl';
import { Suggestion, SuggestionAccepted, SuggestionList, type SuggestionAccept, type SuggestionListQuery } from '../contract/suggestions';
import {
  AdminEmployee, EmployeeBatchResult, EmployeeInviteCode, EmployeeInvited, EmployeeList, EmployeeSignedOut,
  type EmployeeCreate, type EmployeeListQuery, type EmployeePatch,
} from '../contract/employees';
import { Policy, type PolicyUpdate } from '../contract/policy';
import { SiteProfile, SiteProfilesResponse } from '../contract/site-profiles';
import { Taxonomy, type TaxonomyUpdate } from '../contract/taxonomy';
import {
  Adoption, ContentTypeFigures, Contributors, NetworkFigures, Participation, ReachOverTime, TopicFigures, TopItems, Traffic,
  type CsvDelimiter,
} from '../contract/analytics';
import type { FetchLike } from './client';
import { t } from '../i18n';
import { ApiError, InvalidResponseError, UnreachableError } from './errors';

/** A refusal with the fields the server named (e.g. `csv.3` for a bad CSV line, `captions.0.text`). */
export class ProblemError extends ApiError {
  override name = 'ProblemError';
  constructor(
    status: number,
    title: string,
    detail: string,
    readonly errors: ReadonlyArray<{ path: string; message: string }>,
    type: string | null = null,
  ) {
    super(status, title, detail, null, type);
  }
}

/** The analytics reports and the schema of each one's JSON answer. */
export const analyticsReports = {
  adoption: Adoption,
  participation: Participation,
  contributors: Contributors,
  networks: NetworkFigures,
  items: TopItems,
  topics: TopicFigures,
  'content-types': ContentTypeFigures,
  reach: ReachOverTime,
  traffic: Traffic,
} as const;
export type AnalyticsReport = keyof typeof analyticsReports;
export type AnalyticsAnswer<R extends AnalyticsReport> = z.infer<(typeof analyticsReports)[R]>;
/** from/to (ISO) plus the report's own options (limit, by, anonymise). */
export type AnalyticsParams = Record<string, string | number | boolean | undefined>;

export interface AdminApiOptions {
  serverUrl: string;
  token: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

function queryString(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The curators' client for the admin endpoints. Like lib/api/client.ts, every answer is checked against
 * lib/contract; refusals become ApiError (ProblemError when the server named fields), no answer
 * UnreachableError, an answer of the wrong shape InvalidResponseError.
 */
export function createAdminApi(opts: AdminApiOptions) {
  const base = opts.serverUrl.replace(/\/+$/, '');
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    const headers = new Headers({ Accept: `${accept}, application/problem+json`, Authorization: `Bearer ${opts.token}` });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') {
        throw new UnreachableError(base, t('errors.timeoutShort', { server: base, seconds: Math.round(timeoutMs / 1000) }), { cause: err });
      }
      throw new UnreachableError(base, undefined, { cause: err });
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  async function toError(res: Response): Promise<ApiError> {
    const problem = Problem.safeParse(await readJson(res));
    if (problem.success) {
      const { type, title, detail, errors } = problem.data;
      return new ProblemError(res.status, title, detail || title, errors ?? [], type);
    }
    if (res.status === 401) return new ApiError(401, 'Unauthorized', t('errors.adminSignedOut'));
    if (res.status === 403) return new ApiError(403, 'Forbidden', t('errors.adminOnly'));
    const answer = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    return new ApiError(res.status, res.statusText || `HTTP ${res.status}`, t('errors.answered', { server: base, answer }));
  }

  async function parse<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
    const body = await readJson(res);
    if (body === undefined) throw new InvalidResponseError(base, 'not JSON');
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
      throw new InvalidResponseError(base, `${where}${issue?.message ?? 'unexpected shape'}`);
    }
    return result.data;
  }

  const get = async <S extends z.ZodType>(path: string, schema: S) => parse(await request('GET', path), schema);
  const send = async <S extends z.ZodType>(method: string, path: string, body: unknown, schema: S) =>
    parse(await request(method, path, body), schema);
  const id = (value: string) => encodeURIComponent(value);

  return {
    listItems: async () => (await get('/v1/admin/items', AdminItemList)).items,
    createItem: (item: ItemCreate) => send('POST', '/v1/admin/items', item, AdminItem),
    patchItem: (itemId: string, patch: ItemPatch) => send('PATCH', `/v1/admin/items/${id(itemId)}`, patch, AdminItem),
    /** Takes the item out of the queue; its tracked links keep redirecting. */
    archiveItem: async (itemId: string) => void (await request('DELETE', `/v1/admin/items/${id(itemId)}`)),
    unfurl: (url: string) => send('POST', '/v1/admin/unfurl', { url }, Unfurl),

    suggestions: (query: SuggestionListQuery = {}) =>
      get(`/v1/admin/suggestions${queryString({ ...query })}`, SuggestionList),
    dismissSuggestion: (suggestionId: string) => send('POST', `/v1/admin/suggestions/${id(suggestionId)}/dismiss`, undefined, Suggestion),
    acceptSuggestion: (suggestionId: string, item: SuggestionAccept) =>
      send('POST', `/v1/admin/suggestions/${id(suggestionId)}/accept`, item, SuggestionAccepted),

    employees: (query: EmployeeListQuery = {}) => get(`/v1/admin/employees${queryString({ ...query })}`, EmployeeList),
    invite: (person: EmployeeCreate) => send('POST', '/v1/admin/employees', person, EmployeeInvited),
    inviteBatch: (csv: string) => send('POST', '/v1/admin/employees/batch', { csv }, EmployeeBatchResult),
    patchEmployee: (employeeId: string, patch: EmployeePatch) => send('PATCH', `/v1/admin/employees/${id(employeeId)}`, patch, AdminEmployee),
    /** Another invite code (and link) for someone already in People; 409 `employee-deactivated` when switched off. */
    newInviteCode: (employeeId: string) => send('POST', `/v1/admin/employees/${id(employeeId)}/invites`, undefined, EmployeeInviteCode),
    /** Ends all of a person's sessions; resolves to how many there were. */
    signOutEverywhere: async (employeeId: string) =>
      (await send('POST', `/v1/admin/employees/${id(employeeId)}/sign-out`, undefined, EmployeeSignedOut)).ended,

    policy: () => get('/v1/policy', Policy),
    savePolicy: (policy: PolicyUpdate) => send('PUT', '/v1/admin/policy', policy, Policy),

    taxonomy: () => get('/v1/admin/taxonomy', Taxonomy),
    saveTaxonomy: (lists: TaxonomyUpdate) => send('PUT', '/v1/admin/taxonomy', lists, Taxonomy),

    siteProfiles: async () => (await get('/v1/site-profiles', SiteProfilesResponse)).profiles,
    publishSiteProfile: (profile: SiteProfile) => send('PUT', `/v1/admin/site-profiles/${id(profile.network)}`, profile, SiteProfile),

    analytics: <R extends AnalyticsReport>(report: R, params: AnalyticsParams): Promise<AnalyticsAnswer<R>> =>
      get(`/v1/admin/analytics/${report}${queryString(params)}`, analyticsReports[report]) as Promise<AnalyticsAnswer<R>>,
    /**
     * The same report as a CSV file (for "Download CSV"), `delimiter` `,` or `;`: the bytes as sent, since
     * Response.text() would drop the byte-order mark Excel needs to read UTF-8.
     */
    analyticsCsv: async (report: AnalyticsReport, params: AnalyticsParams & { delimiter?: CsvDelimiter }): Promise<Blob> => {
      const res = await request('GET', `/v1/admin/analytics/${report}${queryString({ ...params, format: 'csv' })}`, undefined, 'text/csv');
      return new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
    },
  };
}
export type AdminApi = ReturnType<typeof createAdminApi>;

async function readJson(res: Response): Promise<unknown> {
  try {
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
