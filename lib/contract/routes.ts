import { z } from 'zod';
import { AdminItem, AdminItemList, ItemCreate, ItemPatch } from './items';
import { AuthMethods, InviteCreate, InviteCreated, Redeem, Redeemed, SsoRedeem, SsoStart } from './auth';
import { QueueQuery, QueueResponse } from './queue';
import { SharesRequest, SharesResult } from './shares';
import { Me, MePatch, Reach, ReachQuery } from './reach';
import { SiteProfile, SiteProfilesResponse } from './site-profiles';
import { Unfurl, UnfurlRequest } from './unfurl';
import { analyticsReports, type AnalyticsReport } from './analytics';
import {
  Suggestion,
  SuggestionAccept,
  SuggestionAccepted,
  SuggestionCreate,
  SuggestionList,
  SuggestionListQuery,
} from './suggestions';
import { MyExport } from './export';
import { Policy, PolicyUpdate } from './policy';
import { Taxonomy } from './taxonomy';
import { JOIN_PATH } from './invitation';
import {
  AdminEmployee,
  EmployeeBatch,
  EmployeeBatchResult,
  EmployeeCreate,
  EmployeeInviteCode,
  EmployeeInvited,
  EmployeeList,
  EmployeeListQuery,
  EmployeePatch,
  EmployeeSignedOut,
} from './employees';

type Auth = 'none' | 'bearer' | 'admin';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec {
  method: Method;
  /** OpenAPI path syntax: /v1/admin/items/{id} */
  path: string;
  summary: string;
  auth: Auth;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → response schema (null: no body). */
  responses: Record<number, z.ZodType | null>;
}

type Schemas = Pick<RouteSpec, 'query' | 'body' | 'responses'>;

const route = <S extends Schemas>(method: Method, path: string, auth: Auth, schemas: S, summary: string) => ({
  method,
  path,
  summary,
  auth,
  ...schemas,
});

/**
 * Every endpoint of the REST API by name, with the schemas both sides use: the extension's clients call
 * these, and the server builds /v1/openapi.json from them, so neither can drift from what is validated.
 */
export const endpoints = {
  redeem: route(
    'post',
    '/v1/auth/redeem',
    'none',
    { body: Redeem, responses: { 200: Redeemed } },
    'Exchange an invite code for a bearer token',
  ),
  authMethods: route(
    'get',
    '/v1/auth/methods',
    'none',
    { responses: { 200: AuthMethods } },
    'How people may sign in here (invite code, single sign-on)',
  ),
  ssoStart: route(
    'get',
    '/v1/auth/oidc/start',
    'none',
    { query: SsoStart, responses: { 302: null } },
    'Begin single sign-on: 302 to the provider (extension redirect URL and S256 challenge)',
  ),
  ssoCallback: route(
    'get',
    '/v1/auth/oidc/callback',
    'none',
    { responses: { 302: null } },
    "The provider's answer: 302 to the extension with a hand-off code or error=<kind>",
  ),
  ssoRedeem: route(
    'post',
    '/v1/auth/oidc/redeem',
    'none',
    { body: SsoRedeem, responses: { 200: Redeemed } },
    'Exchange a single sign-on hand-off code and its PKCE verifier for a bearer token',
  ),
  me: route('get', '/v1/me', 'bearer', { responses: { 200: Me } }, 'The signed-in employee and their audience sizes'),
  updateMe: route(
    'patch',
    '/v1/me',
    'bearer',
    { body: MePatch, responses: { 200: Me } },
    'Set the audience sizes used for reach',
  ),
  queue: route(
    'get',
    '/v1/queue',
    'bearer',
    { query: QueueQuery, responses: { 200: QueueResponse, 304: null } },
    "The curated queue with this employee's tracked links (ETag, ?since= delta)",
  ),
  shares: route(
    'post',
    '/v1/shares',
    'bearer',
    { body: SharesRequest, responses: { 200: SharesResult } },
    'Record shares (idempotent by client-made id)',
  ),
  reach: route(
    'get',
    '/v1/me/reach',
    'bearer',
    { query: ReachQuery, responses: { 200: Reach } },
    'Personal reach, clicks and shares for a period (default: this UTC month)',
  ),
  exportMyData: route(
    'get',
    '/v1/me/export',
    'bearer',
    { responses: { 200: MyExport } },
    'Everything recorded about the signed-in employee (JSON attachment)',
  ),
  suggest: route(
    'post',
    '/v1/suggestions',
    'bearer',
    { body: SuggestionCreate, responses: { 200: Suggestion, 201: Suggestion } },
    'Suggest a page to the curators (200 with the open one when already suggested)',
  ),
  listItems: route(
    'get',
    '/v1/admin/items',
    'admin',
    { responses: { 200: AdminItemList } },
    'All items, including scheduled and expired ones',
  ),
  createItem: route(
    'post',
    '/v1/admin/items',
    'admin',
    { body: ItemCreate, responses: { 201: AdminItem } },
    'Add an item with its suggested captions',
  ),
  getItem: route(
    'get',
    '/v1/admin/items/{id}',
    'admin',
    { responses: { 200: AdminItem } },
    'One item (404 once deleted)',
  ),
  patchItem: route(
    'patch',
    '/v1/admin/items/{id}',
    'admin',
    { body: ItemPatch, responses: { 200: AdminItem } },
    'Change an item (captions, when sent, replace all)',
  ),
  archiveItem: route(
    'delete',
    '/v1/admin/items/{id}',
    'admin',
    { responses: { 204: null } },
    'Remove an item from the queue (its tracked links keep working)',
  ),
  unfurl: route(
    'post',
    '/v1/admin/unfurl',
    'admin',
    { body: UnfurlRequest, responses: { 200: Unfurl } },
    "Fetch a page's title, description and image to prefill an item (422 when refused or unreachable)",
  ),
  createInvite: route(
    'post',
    '/v1/admin/invites',
    'admin',
    { body: InviteCreate, responses: { 201: InviteCreated } },
    'Invite a person; the code is shown once',
  ),
  suggestions: route(
    'get',
    '/v1/admin/suggestions',
    'admin',
    { query: SuggestionListQuery, responses: { 200: SuggestionList } },
    'Pages employees suggested, one status (default open), newest first, paged',
  ),
  dismissSuggestion: route(
    'post',
    '/v1/admin/suggestions/{id}/dismiss',
    'admin',
    { responses: { 200: Suggestion } },
    'Dismiss an open suggestion (409 once decided)',
  ),
  acceptSuggestion: route(
    'post',
    '/v1/admin/suggestions/{id}/accept',
    'admin',
    { body: SuggestionAccept, responses: { 201: SuggestionAccepted } },
    'Turn an open suggestion into an item (url defaults to the page suggested)',
  ),
  siteProfiles: route(
    'get',
    '/v1/site-profiles',
    'bearer',
    { responses: { 200: SiteProfilesResponse, 304: null } },
    'The newest published site profile of each network (ETag)',
  ),
  publishSiteProfile: route(
    'put',
    '/v1/admin/site-profiles/{network}',
    'admin',
    { body: SiteProfile, responses: { 200: SiteProfile } },
    'Publish a site profile (its version must be newer)',
  ),
  employees: route(
    'get',
    '/v1/admin/employees',
    'admin',
    { query: EmployeeListQuery, responses: { 200: EmployeeList } },
    'People with their state (invited, activated, active = shared in 7 days, deactivated), by name, paged',
  ),
  invite: route(
    'post',
    '/v1/admin/employees',
    'admin',
    { body: EmployeeCreate, responses: { 201: EmployeeInvited } },
    'Invite one person; the code is shown once',
  ),
  inviteBatch: route(
    'post',
    '/v1/admin/employees/batch',
    'admin',
    { body: EmployeeBatch, responses: { 201: EmployeeBatchResult } },
    'Invite people from CSV "name,role" lines, all or none (422 names each bad line)',
  ),
  patchEmployee: route(
    'patch',
    '/v1/admin/employees/{id}',
    'admin',
    { body: EmployeePatch, responses: { 200: AdminEmployee } },
    'Deactivate, reactivate or change the role (tokens follow at once; 409 on yourself)',
  ),
  newInviteCode: route(
    'post',
    '/v1/admin/employees/{id}/invites',
    'admin',
    { responses: { 201: EmployeeInviteCode } },
    'A new invite code (and invitation link) for someone already invited; shown once (409 when deactivated)',
  ),
  signOutEverywhere: route(
    'post',
    '/v1/admin/employees/{id}/sign-out',
    'admin',
    { responses: { 200: EmployeeSignedOut } },
    'Sign a person out everywhere: ends all their sessions and says how many',
  ),
  policy: route(
    'get',
    '/v1/policy',
    'bearer',
    { responses: { 200: Policy, 304: null } },
    'The policy the extension enforces: banned terms, disclosures, length limits (ETag; poll with the queue)',
  ),
  savePolicy: route(
    'put',
    '/v1/admin/policy',
    'admin',
    { body: PolicyUpdate, responses: { 200: Policy } },
    'Replace the policy (items whose captions contain a banned term are refused from then on)',
  ),
  taxonomy: route(
    'get',
    '/v1/admin/taxonomy',
    'admin',
    { responses: { 200: Taxonomy } },
    'The managed lists of topics and campaigns, sorted',
  ),
  saveTaxonomy: route(
    'put',
    '/v1/admin/taxonomy',
    'admin',
    { body: Taxonomy, responses: { 200: Taxonomy } },
    'Replace the managed lists of topics and campaigns',
  ),
  signOut: route(
    'post',
    '/v1/auth/sign-out',
    'bearer',
    { responses: { 204: null } },
    "End this session (the extension's Disconnect): the token stops working",
  ),
  join: route(
    'get',
    JOIN_PATH,
    'none',
    { responses: { 200: null } },
    "The page an invitation link opens: says to paste the whole link into Relay's settings (HTML; the code stays in the fragment)",
  ),
  healthz: route(
    'get',
    '/healthz',
    'none',
    { responses: { 200: z.object({ status: z.literal('ok') }) } },
    'Liveness: the process answers (no auth, never cached)',
  ),
  readyz: route(
    'get',
    '/readyz',
    'none',
    { responses: { 200: z.object({ status: z.literal('ready') }) } },
    "Readiness: the database answers and has this release's schema; 503 problem otherwise",
  ),
  redirect: route(
    'get',
    '/r/{code}',
    'none',
    { responses: { 302: null } },
    'Tracked link: 302 to the item URL with UTM parameters; counts the click',
  ),
  openApi: route(
    'get',
    '/v1/openapi.json',
    'none',
    { responses: { 200: z.object({ openapi: z.string() }).loose() } },
    'This document',
  ),
} satisfies Record<string, RouteSpec>;

const analyticsRoute = <K extends AnalyticsReport>(report: K) => {
  const { summary, query, answer } = analyticsReports[report];
  return route(
    'get',
    `/v1/admin/analytics/${report}`,
    'admin',
    { query, responses: { 200: answer } },
    `${summary} (JSON, or CSV with Accept: text/csv or ?format=csv)`,
  );
};

/** One endpoint per analytics report. */
export const analyticsRoutes = Object.fromEntries(
  Object.keys(analyticsReports).map((report) => [report, analyticsRoute(report as AnalyticsReport)]),
) as { [K in AnalyticsReport]: ReturnType<typeof analyticsRoute<K>> };

export const routes: RouteSpec[] = [...Object.values(endpoints), ...Object.values(analyticsRoutes)];
