import { z } from 'zod';
import { Problem } from './common';
import { AdminItem, AdminItemList, ItemCreate, ItemPatch } from './items';
import { AuthMethods, InviteCreate, InviteCreated, Redeem, Redeemed, SsoRedeem, SsoStart } from './auth';
import { QueueQuery, QueueResponse } from './queue';
import { SharesRequest, SharesResult } from './shares';
import { Me, MePatch, Reach, ReachQuery } from './reach';
import { SiteProfile, SiteProfilesResponse } from './site-profiles';
import { Unfurl, UnfurlRequest } from './unfurl';
import { analyticsRoutes } from './analytics';
import { Suggestion, SuggestionAccept, SuggestionAccepted, SuggestionCreate, SuggestionList, SuggestionListQuery } from './suggestions';
import { MyExport } from './export';
import { Policy, PolicyUpdate } from './policy';
import { Taxonomy } from './taxonomy';
import {
  AdminEmployee, EmployeeBatch, EmployeeBatchResult, EmployeeCreate, EmployeeInviteCode, EmployeeInvited, EmployeeList, EmployeeListQuery,
  EmployeePatch, EmployeeSignedOut,
} from './employees';

type Auth = 'none' | 'bearer' | 'admin';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path syntax: /v1/admin/items/{id} */
  path: string;
  summary: string;
  auth: Auth;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → response schema (null: no body). */
  responses: Record<number, z.ZodType | null>;
}

/**
 * Every endpoint of the REST API, with the schemas both sides use. The server builds
 * /v1/openapi.json from this list, so the document cannot drift from what is validated.
 */
export const routes: RouteSpec[] = [
  {
    method: 'post', path: '/v1/auth/redeem', summary: 'Exchange an invite code for a bearer token',
    auth: 'none', body: Redeem, responses: { 200: Redeemed },
  },
  {
    method: 'get', path: '/v1/auth/methods', summary: 'How people may sign in here (invite code, single sign-on)',
    auth: 'none', responses: { 200: AuthMethods },
  },
  {
    method: 'get', path: '/v1/auth/oidc/start', summary: 'Begin single sign-on: 302 to the provider (extension redirect URL and S256 challenge)',
    auth: 'none', query: SsoStart, responses: { 302: null },
  },
  {
    method: 'get', path: '/v1/auth/oidc/callback', summary: 'The provider\'s answer: 302 to the extension with a hand-off code or error=<kind>',
    auth: 'none', responses: { 302: null },
  },
  {
    method: 'post', path: '/v1/auth/oidc/redeem', summary: 'Exchange a single sign-on hand-off code and its PKCE verifier for a bearer token',
    auth: 'none', body: SsoRedeem, responses: { 200: Redeemed },
  },
  {
    method: 'get', path: '/v1/me', summary: 'The signed-in employee and their audience sizes',
    auth: 'bearer', responses: { 200: Me },
  },
  {
    method: 'patch', path: '/v1/me', summary: 'Set the audience sizes used for reach',
    auth: 'bearer', body: MePatch, responses: { 200: Me },
  },
  {
    method: 'get', path: '/v1/queue', summary: 'The curated queue with this employee\'s tracked links (ETag, ?since= delta)',
    auth: 'bearer', query: QueueQuery, responses: { 200: QueueResponse, 304: null },
  },
  {
    method: 'post', path: '/v1/shares', summary: 'Record shares (idempotent by client-made id)',
    auth: 'bearer', body: SharesRequest, responses: { 200: SharesResult },
  },
  {
    method: 'get', path: '/v1/me/reach', summary: 'Personal reach, clicks and shares for a period (default: this UTC month)',
    auth: 'bearer', query: ReachQuery, responses: { 200: Reach },
  },
  {
    method: 'get', path: '/v1/me/export', summary: 'Everything recorded about the signed-in employee (JSON attachment)',
    auth: 'bearer', responses: { 200: MyExport },
  },
  {
    method: 'post', path: '/v1/suggestions', summary: 'Suggest a page to the curators (200 with the open one when already suggested)',
    auth: 'bearer', body: SuggestionCreate, responses: { 200: Suggestion, 201: Suggestion },
  },
  {
    method: 'get', path: '/v1/admin/items', summary: 'All items, including scheduled and expired ones',
    auth: 'admin', responses: { 200: AdminItemList },
  },
  {
    method: 'post', path: '/v1/admin/items', summary: 'Add an item with its suggested captions',
    auth: 'admin', body: ItemCreate, responses: { 201: AdminItem },
  },
  {
    method: 'get', path: '/v1/admin/items/{id}', summary: 'One item (404 once deleted)',
    auth: 'admin', responses: { 200: AdminItem },
  },
  {
    method: 'patch', path: '/v1/admin/items/{id}', summary: 'Change an item (captions, when sent, replace all)',
    auth: 'admin', body: ItemPatch, responses: { 200: AdminItem },
  },
  {
    method: 'delete', path: '/v1/admin/items/{id}', summary: 'Remove an item from the queue (its tracked links keep working)',
    auth: 'admin', responses: { 204: null },
  },
  {
    method: 'post', path: '/v1/admin/unfurl', summary: 'Fetch a page\'s title, description and image to prefill an item (422 when refused or unreachable)',
    auth: 'admin', body: UnfurlRequest, responses: { 200: Unfurl },
  },
  {
    method: 'post', path: '/v1/admin/invites', summary: 'Invite a person; the code is shown once',
    auth: 'admin', body: InviteCreate, responses: { 201: InviteCreated },
  },
  {
    method: 'get', path: '/v1/admin/suggestions', summary: 'Pages employees suggested, one status (default open), newest first, paged',
    auth: 'admin', query: SuggestionListQuery, responses: { 200: SuggestionList },
  },
  {
    method: 'post', path: '/v1/admin/suggestions/{id}/dismiss', summary: 'Dismiss an open suggestion (409 once decided)',
    auth: 'admin', responses: { 200: Suggestion },
  },
  {
    method: 'post', path: '/v1/admin/suggestions/{id}/accept', summary: 'Turn an open suggestion into an item (url defaults to the page suggested)',
    auth: 'admin', body: SuggestionAccept, responses: { 201: SuggestionAccepted },
  },
  {
    method: 'get', path: '/v1/site-profiles', summary: 'The newest published site profile of each network (ETag)',
    auth: 'bearer', responses: { 200: SiteProfilesResponse, 304: null },
  },
  {
    method: 'put', path: '/v1/admin/site-profiles/{network}', summary: 'Publish a site profile (its version must be newer)',
    auth: 'admin', body: SiteProfile, responses: { 200: SiteProfile },
  },
  {
    method: 'get', path: '/v1/admin/employees', summary: 'People with their state (invited, activated, active = shared in 7 days, deactivated), by name, paged',
    auth: 'admin', query: EmployeeListQuery, responses: { 200: EmployeeList },
  },
  {
    method: 'post', path: '/v1/admin/employees', summary: 'Invite one person; the code is shown once',
    auth: 'admin', body: EmployeeCreate, responses: { 201: EmployeeInvited },
  },
  {
    method: 'post', path: '/v1/admin/employees/batch', summary: 'Invite people from CSV "name,role" lines, all or none (422 names each bad line)',
    auth: 'admin', body: EmployeeBatch, responses: { 201: EmployeeBatchResult },
  },
  {
    method: 'patch', path: '/v1/admin/employees/{id}', summary: 'Deactivate, reactivate or change the role (tokens follow at once; 409 on yourself)',
    auth: 'admin', body: EmployeePatch, responses: { 200: AdminEmployee },
  },
  {
    method: 'post', path: '/v1/admin/employees/{id}/invites', summary: 'A new invite code (and invitation link) for someone already invited; shown once (409 when deactivated)',
    auth: 'admin', responses: { 201: EmployeeInviteCode },
  },
  {
    method: 'post', path: '/v1/admin/employees/{id}/sign-out', summary: 'Sign a person out everywhere: ends all their sessions and says how many',
    auth: 'admin', responses: { 200: EmployeeSignedOut },
  },
  {
    method: 'get', path: '/v1/policy', summary: 'The policy the extension enforces: banned terms, disclosures, length limits (ETag; poll with the queue)',
    auth: 'bearer', responses: { 200: Policy, 304: null },
  },
  {
    method: 'put', path: '/v1/admin/policy', summary: 'Replace the policy (items whose captions contain a banned term are refused from then on)',
    auth: 'admin', body: PolicyUpdate, responses: { 200: Policy },
  },
  {
    method: 'get', path: '/v1/admin/taxonomy', summary: 'The managed lists of topics and campaigns, sorted',
    auth: 'admin', responses: { 200: Taxonomy },
  },
  {
    method: 'put', path: '/v1/admin/taxonomy', summary: 'Replace the managed lists of topics and campaigns',
    auth: 'admin', body: Taxonomy, responses: { 200: Taxonomy },
  },
  {
    method: 'post', path: '/v1/auth/sign-out', summary: 'End this session (the extension\'s Disconnect): the token stops working',
    auth: 'bearer', responses: { 204: null },
  },
  {
    method: 'get', path: '/join', summary: 'The page an invitation link opens: says to paste the whole link into Relay\'s settings (HTML; the code stays in the fragment)',
    auth: 'none', responses: { 200: null },
  },
  {
    method: 'get', path: '/healthz', summary: 'Liveness: the process answers (no auth, never cached)',
    auth: 'none', responses: { 200: z.object({ status: z.literal('ok') }) },
  },
  {
    method: 'get', path: '/readyz', summary: 'Readiness: the database answers and has this release\'s schema; 503 problem otherwise',
    auth: 'none', responses: { 200: z.object({ status: z.literal('ready') }) },
  },
  {
    method: 'get', path: '/r/{code}', summary: 'Tracked link: 302 to the item URL with UTM parameters; counts the click',
    auth: 'none', responses: { 302: null },
  },
  {
    method: 'get', path: '/v1/openapi.json', summary: 'This document',
    auth: 'none', responses: { 200: z.object({ openapi: z.string() }).loose() },
  },
  ...analyticsRoutes,
];

export { Problem };
