import type { ItemCreate, ItemPatch } from '../contract/items';
import type { SuggestionAccept, SuggestionListQuery } from '../contract/suggestions';
import type { EmployeeCreate, EmployeeListQuery, EmployeePatch } from '../contract/employees';
import type { PolicyUpdate } from '../contract/policy';
import type { SiteProfile } from '../contract/site-profiles';
import type { TaxonomyUpdate } from '../contract/taxonomy';
import type { AnalyticsAnswer, AnalyticsReport, CsvDelimiter } from '../contract/analytics';
import type { Problem } from '../contract/common';
import { analyticsRoutes, endpoints } from '../contract/routes';
import { t } from '../i18n';
import { ApiError, ProblemError } from './errors';
import { createHttp, statusLine, statusTitle, type FetchLike } from './http';

export type { AnalyticsAnswer, AnalyticsReport };
/** from/to (ISO) plus the report's own options (limit, by, anonymise). */
export type AnalyticsParams = Record<string, string | number | boolean | undefined>;

export interface AdminApiOptions {
  serverUrl: string;
  token: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** Problem details keep the fields they name; a bare 401 or 403 is said in the console's words. */
function refusal(res: Response, problem: Problem | null, server: string): ApiError {
  if (problem)
    return new ProblemError(
      res.status,
      problem.title,
      problem.detail || problem.title,
      problem.errors ?? [],
      problem.type,
    );
  if (res.status === 401) return new ApiError(401, 'Unauthorized', t('errors.adminSignedOut'));
  if (res.status === 403) return new ApiError(403, 'Forbidden', t('errors.adminOnly'));
  return new ApiError(res.status, statusTitle(res), t('errors.answered', { server, answer: statusLine(res) }));
}

/** The curators' client for the admin endpoints (see createHttp for what it checks and throws). */
export function createAdminApi(opts: AdminApiOptions) {
  const http = createHttp({
    ...opts,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    timeoutMessage: 'errors.timeoutShort',
    refusal,
  });
  const id = (value: string) => ({ id: value });

  return {
    listItems: async () => (await http.call(endpoints.listItems)).items,
    createItem: (item: ItemCreate) => http.call(endpoints.createItem, { body: item }),
    patchItem: (itemId: string, patch: ItemPatch) =>
      http.call(endpoints.patchItem, { params: id(itemId), body: patch }),
    /** Takes the item out of the queue; its tracked links keep redirecting. */
    archiveItem: async (itemId: string) => void (await http.send(endpoints.archiveItem, { params: id(itemId) })),
    unfurl: (url: string) => http.call(endpoints.unfurl, { body: { url } }),

    suggestions: (query: SuggestionListQuery = {}) => http.call(endpoints.suggestions, { query }),
    dismissSuggestion: (suggestionId: string) => http.call(endpoints.dismissSuggestion, { params: id(suggestionId) }),
    acceptSuggestion: (suggestionId: string, item: SuggestionAccept) =>
      http.call(endpoints.acceptSuggestion, { params: id(suggestionId), body: item }),

    employees: (query: EmployeeListQuery = {}) => http.call(endpoints.employees, { query }),
    invite: (person: EmployeeCreate) => http.call(endpoints.invite, { body: person }),
    inviteBatch: (csv: string) => http.call(endpoints.inviteBatch, { body: { csv } }),
    patchEmployee: (employeeId: string, patch: EmployeePatch) =>
      http.call(endpoints.patchEmployee, { params: id(employeeId), body: patch }),
    /** Another invite code (and link) for someone already in People; 409 `employee-deactivated` when switched off. */
    newInviteCode: (employeeId: string) => http.call(endpoints.newInviteCode, { params: id(employeeId) }),
    /** Ends all of a person's sessions; resolves to how many there were. */
    signOutEverywhere: async (employeeId: string) =>
      (await http.call(endpoints.signOutEverywhere, { params: id(employeeId) })).ended,

    policy: () => http.call(endpoints.policy),
    savePolicy: (policy: PolicyUpdate) => http.call(endpoints.savePolicy, { body: policy }),

    taxonomy: () => http.call(endpoints.taxonomy),
    saveTaxonomy: (lists: TaxonomyUpdate) => http.call(endpoints.saveTaxonomy, { body: lists }),

    siteProfiles: async () => (await http.call(endpoints.siteProfiles)).profiles,
    publishSiteProfile: (profile: SiteProfile) =>
      http.call(endpoints.publishSiteProfile, { params: { network: profile.network }, body: profile }),

    analytics: <R extends AnalyticsReport>(report: R, params: AnalyticsParams): Promise<AnalyticsAnswer<R>> =>
      http.call(analyticsRoutes[report], { query: params }) as Promise<AnalyticsAnswer<R>>,
    /**
     * The same report as a CSV file (for "Download CSV"), `delimiter` `,` or `;`: the bytes as sent, since
     * Response.text() would drop the byte-order mark Excel needs to read UTF-8.
     */
    analyticsCsv: async (
      report: AnalyticsReport,
      params: AnalyticsParams & { delimiter?: CsvDelimiter },
    ): Promise<Blob> => {
      const res = await http.send(analyticsRoutes[report], { query: { ...params, format: 'csv' }, accept: 'text/csv' });
      return new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
    },
  };
}
export type AdminApi = ReturnType<typeof createAdminApi>;
