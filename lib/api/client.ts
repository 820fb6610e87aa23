import { z } from 'zod';
import { Problem } from '../contract/common';
import { AuthMethods, Redeemed } from '../contract/auth';
import { QueueResponse } from '../contract/queue';
import { SharesResult, type SharesRequest } from '../contract/shares';
import { Me, Reach, type MePatch } from '../contract/reach';
import { MyExport } from '../contract/export';
import { Suggestion, type SuggestionCreate } from '../contract/suggestions';
import { Policy } from '../contract/policy';
import { t } from '../i18n';
import { ApiError, InvalidResponseError, UnreachableError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiOptions {
  /** Normalised base URL (see normaliseServerUrl): no trailing slash. */
  serverUrl: string;
  token?: string | null;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  timeoutMs?: number;
}

export type QueueResult =
  | { status: 'not-modified' }
  | { status: 'ok'; data: QueueResponse; etag: string | null };

/** Profiles come back unchecked one by one: a bad profile must not throw away the good ones (lib/background). */
const LooseSiteProfiles = z.object({ profiles: z.array(z.unknown()).max(10) });

export type SiteProfilesResult =
  | { status: 'not-modified' }
  | { status: 'ok'; profiles: unknown[]; etag: string | null };

export type PolicyResult = { status: 'not-modified' } | { status: 'ok'; policy: Policy; etag: string | null };

export interface Api {
  redeem(code: string): Promise<Redeemed>;
  /** GET /v1/auth/methods: whether this server offers single sign-on. */
  authMethods(): Promise<AuthMethods>;
  /** POST /v1/auth/oidc/redeem: a finished single sign-on's hand-off code and the verifier kept for it. */
  redeemSso(code: string, verifier: string): Promise<Redeemed>;
  queue(opts?: { etag?: string | null; since?: string | null }): Promise<QueueResult>;
  /** POST /v1/shares: at most MAX_SHARES_PER_BATCH; the answer lists the ids the server now holds. */
  shares(batch: SharesRequest): Promise<SharesResult>;
  /** GET /v1/site-profiles with If-None-Match; each profile still needs validating (SiteProfile). */
  siteProfiles(opts?: { etag?: string | null }): Promise<SiteProfilesResult>;
  /**
   * POST /v1/suggestions. `alreadySuggested`: this person had already suggested the page and it is still
   * open, so the server kept the first suggestion (and its note) instead of adding another.
   */
  suggest(input: SuggestionCreate): Promise<{ suggestion: Suggestion; alreadySuggested: boolean }>;
  /** GET /v1/me/reach: the reach card; by default the current UTC month. */
  reach(period?: { from?: string; to?: string }): Promise<Reach>;
  /** PATCH /v1/me: the audience figures reach is computed with (null returns a network to the default). */
  updateMe(patch: MePatch): Promise<Me>;
  /** GET /v1/me/export: everything the server records about the signed-in person (validated). */
  exportMyData(): Promise<MyExport>;
  /** GET /v1/policy with If-None-Match: poll it with the queue and enforce it with lib/policy. */
  policy(opts?: { etag?: string | null }): Promise<PolicyResult>;
  /** POST /v1/auth/sign-out: ends this session on the server (the token stops working). */
  signOut(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A small typed client for the Relay REST API. Every answer is checked against lib/contract: a payload
 * that does not match is an InvalidResponseError, never data. Errors are ApiError (the server said no),
 * UnreachableError (no answer) or InvalidResponseError (an answer we cannot trust).
 */
export function createApi(opts: ApiOptions): Api {
  const base = opts.serverUrl.replace(/\/+$/, '');
  // Call the global through a wrapper: a detached `fetch` throws "Illegal invocation" in workers.
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    if (opts.token) headers.set('Authorization', `Bearer ${opts.token}`);
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        ...init,
        headers,
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') {
        throw new UnreachableError(base, t('errors.timeout', { server: base, seconds: Math.round(timeoutMs / 1000) }), { cause: err });
      }
      throw new UnreachableError(base, undefined, { cause: err });
    }
    if (res.status !== 304 && !res.ok) throw await toApiError(res);
    return res;
  }

  /** A request whose body is `body` as JSON. */
  function sendJson(path: string, method: 'POST' | 'PATCH', body?: unknown): Promise<Response> {
    if (body === undefined) return request(path, { method });
    return request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  async function toApiError(res: Response): Promise<ApiError> {
    const body = await readJson(res);
    const retryAfter = res.headers.get('Retry-After');
    const problem = Problem.safeParse(body);
    if (problem.success) {
      const { type, title, detail } = problem.data;
      return new ApiError(res.status, title, detail || title, retryAfter, type);
    }
    const answer = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    return new ApiError(res.status, res.statusText || `HTTP ${res.status}`, t('errors.notRelay', { server: base, answer }), retryAfter);
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

  return {
    async redeem(code) {
      const res = await sendJson('/v1/auth/redeem', 'POST', { code });
      return parse(res, Redeemed);
    },
    async authMethods() {
      return parse(await request('/v1/auth/methods'), AuthMethods);
    },
    async redeemSso(code, verifier) {
      return parse(await sendJson('/v1/auth/oidc/redeem', 'POST', { code, verifier }), Redeemed);
    },

    async queue({ etag, since } = {}) {
      const headers: Record<string, string> = {};
      if (etag) headers['If-None-Match'] = etag;
      const query = since ? `?since=${encodeURIComponent(since)}` : '';
      const res = await request(`/v1/queue${query}`, { headers });
      if (res.status === 304) return { status: 'not-modified' };
      const data = await parse(res, QueueResponse);
      return { status: 'ok', data, etag: res.headers.get('ETag') };
    },

    async shares(batch) {
      const res = await sendJson('/v1/shares', 'POST', batch);
      return parse(res, SharesResult);
    },

    async siteProfiles({ etag } = {}) {
      const res = await request('/v1/site-profiles', { headers: etag ? { 'If-None-Match': etag } : {} });
      if (res.status === 304) return { status: 'not-modified' };
      const data = await parse(res, LooseSiteProfiles);
      return { status: 'ok', profiles: data.profiles, etag: res.headers.get('ETag') };
    },

    async suggest({ url, note }) {
      const res = await sendJson('/v1/suggestions', 'POST', note === undefined ? { url } : { url, note });
      return { suggestion: await parse(res, Suggestion), alreadySuggested: res.status === 200 };
    },

    async reach({ from, to } = {}) {
      const query = new URLSearchParams();
      if (from) query.set('from', from);
      if (to) query.set('to', to);
      const qs = query.toString();
      return parse(await request(`/v1/me/reach${qs ? `?${qs}` : ''}`), Reach);
    },

    async updateMe(patch) {
      const res = await sendJson('/v1/me', 'PATCH', patch);
      return parse(res, Me);
    },

    async exportMyData() {
      return parse(await request('/v1/me/export'), MyExport);
    },

    async policy({ etag } = {}) {
      const res = await request('/v1/policy', { headers: etag ? { 'If-None-Match': etag } : {} });
      if (res.status === 304) return { status: 'not-modified' };
      return { status: 'ok', policy: await parse(res, Policy), etag: res.headers.get('ETag') };
    },

    async signOut() {
      await sendJson('/v1/auth/sign-out', 'POST');
    },
  };
}

/** The body as JSON, or undefined when there is none or it is not JSON. */
async function readJson(res: Response): Promise<unknown> {
  try {
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
