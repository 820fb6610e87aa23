import { z } from 'zod';
import type { Problem } from '../contract/common';
import type { AuthMethods, Redeemed, SsoStart } from '../contract/auth';
import type { QueueResponse } from '../contract/queue';
import type { SharesRequest, SharesResult } from '../contract/shares';
import type { Me, MePatch, Reach } from '../contract/reach';
import type { MyExport } from '../contract/export';
import type { Suggestion, SuggestionCreate } from '../contract/suggestions';
import type { Policy } from '../contract/policy';
import { endpoints } from '../contract/routes';
import { t } from '../i18n';
import { ApiError } from './errors';
import { createHttp, statusLine, statusTitle, type FetchLike } from './http';

export type { FetchLike };

export interface ApiOptions {
  /** Normalised base URL (see normaliseServerUrl): no trailing slash. */
  serverUrl: string;
  token?: string | null;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  timeoutMs?: number;
}

export type QueueResult = { status: 'not-modified' } | { status: 'ok'; data: QueueResponse; etag: string | null };

/** Profiles come back unchecked one by one: a bad profile must not throw away the good ones (lib/background). */
const LooseSiteProfiles = z.object({ profiles: z.array(z.unknown()).max(10) });

export type SiteProfilesResult =
  | { status: 'not-modified' }
  | { status: 'ok'; profiles: unknown[]; etag: string | null };

export type PolicyResult = { status: 'not-modified' } | { status: 'ok'; policy: Policy; etag: string | null };

export interface Api {
  redeem(code: string): Promise<Redeemed>;
  /** Whether this server offers single sign-on. */
  authMethods(): Promise<AuthMethods>;
  /** A finished single sign-on's hand-off code and the verifier kept for it. */
  redeemSso(code: string, verifier: string): Promise<Redeemed>;
  /** The address that begins single sign-on, opened in the provider's window. */
  ssoStartUrl(query: z.input<typeof SsoStart>): string;
  queue(opts?: { etag?: string | null; since?: string | null }): Promise<QueueResult>;
  /** At most MAX_SHARES_PER_BATCH; the answer lists the ids the server now holds. */
  shares(batch: SharesRequest): Promise<SharesResult>;
  /** With If-None-Match; each profile still needs validating (SiteProfile). */
  siteProfiles(opts?: { etag?: string | null }): Promise<SiteProfilesResult>;
  /**
   * `alreadySuggested`: this person had already suggested the page and it is still
   * open, so the server kept the first suggestion (and its note) instead of adding another.
   */
  suggest(input: SuggestionCreate): Promise<{ suggestion: Suggestion; alreadySuggested: boolean }>;
  /** The reach card; by default the current UTC month. */
  reach(period?: { from?: string; to?: string }): Promise<Reach>;
  /** The audience figures reach is computed with (null returns a network to the default). */
  updateMe(patch: MePatch): Promise<Me>;
  /** Everything the server records about the signed-in person (validated). */
  exportMyData(): Promise<MyExport>;
  /** With If-None-Match: poll it with the queue and enforce it with lib/policy. */
  policy(opts?: { etag?: string | null }): Promise<PolicyResult>;
  /** Ends this session on the server (the token stops working). */
  signOut(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Problem details in the server's words; anything else is probably not a Relay server. */
function refusal(res: Response, problem: Problem | null, server: string): ApiError {
  const retryAfter = res.headers.get('Retry-After');
  if (problem)
    return new ApiError(res.status, problem.title, problem.detail || problem.title, retryAfter, problem.type);
  return new ApiError(
    res.status,
    statusTitle(res),
    t('errors.notRelay', { server, answer: statusLine(res) }),
    retryAfter,
  );
}

/** The employee's client for the Relay REST API (see createHttp for what it checks and throws). */
export function createApi(opts: ApiOptions): Api {
  const http = createHttp({
    ...opts,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    timeoutMessage: 'errors.timeout',
    refusal,
  });
  const ifNoneMatch = (etag?: string | null): Record<string, string> => (etag ? { 'If-None-Match': etag } : {});

  return {
    redeem: (code) => http.call(endpoints.redeem, { body: { code } }),
    authMethods: () => http.call(endpoints.authMethods),
    redeemSso: (code, verifier) => http.call(endpoints.ssoRedeem, { body: { code, verifier } }),
    ssoStartUrl: (query) => http.url(endpoints.ssoStart, { query }),

    async queue({ etag, since } = {}) {
      const res = await http.send(endpoints.queue, { headers: ifNoneMatch(etag), query: { since } });
      if (res.status === 304) return { status: 'not-modified' };
      return { status: 'ok', data: await http.answer(endpoints.queue, res), etag: res.headers.get('ETag') };
    },

    shares: (batch) => http.call(endpoints.shares, { body: batch }),

    async siteProfiles({ etag } = {}) {
      const res = await http.send(endpoints.siteProfiles, { headers: ifNoneMatch(etag) });
      if (res.status === 304) return { status: 'not-modified' };
      const data = await http.parse(res, LooseSiteProfiles);
      return { status: 'ok', profiles: data.profiles, etag: res.headers.get('ETag') };
    },

    async suggest({ url, note }) {
      const res = await http.send(endpoints.suggest, { body: { url, note } });
      return { suggestion: await http.answer(endpoints.suggest, res), alreadySuggested: res.status === 200 };
    },

    reach: ({ from, to } = {}) => http.call(endpoints.reach, { query: { from, to } }),
    updateMe: (patch) => http.call(endpoints.updateMe, { body: patch }),
    exportMyData: () => http.call(endpoints.exportMyData),

    async policy({ etag } = {}) {
      const res = await http.send(endpoints.policy, { headers: ifNoneMatch(etag) });
      if (res.status === 304) return { status: 'not-modified' };
      return { status: 'ok', policy: await http.answer(endpoints.policy, res), etag: res.headers.get('ETag') };
    },

    async signOut() {
      await http.send(endpoints.signOut);
    },
  };
}
