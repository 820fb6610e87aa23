import type { z } from 'zod';
import { Problem } from '../contract/common';
import type { RouteSpec } from '../contract/routes';
import { t, type MessageKey } from '../i18n';
import { InvalidResponseError, UnreachableError, type ApiError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** How a client words a refusal: `problem` is null when the answer was not problem details. */
export type Refusal = (res: Response, problem: Problem | null, server: string) => ApiError;

export interface HttpOptions {
  /** Normalised base URL (see normaliseServerUrl); a trailing slash is dropped. */
  serverUrl: string;
  token?: string | null;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  timeoutMs: number;
  /** The message for a timeout, given `server` and `seconds`. */
  timeoutMessage: MessageKey;
  refusal: Refusal;
}

export interface Call<R extends RouteSpec = RouteSpec> {
  /** Values for the route's `{name}` placeholders. */
  params?: Record<string, string>;
  /** Query parameters; undefined, null and '' are left out. */
  query?: Record<string, unknown>;
  /** Sent as JSON when given: what the route's body schema takes. */
  body?: R extends { body: z.ZodType } ? z.input<R['body']> : never;
  headers?: Record<string, string>;
  /** The media type wanted besides problem details. */
  accept?: string;
}

/** The schema of a route's successful answer (its 304, 204 and other bodiless answers aside). */
export type Answer<R extends RouteSpec> = z.infer<Extract<R['responses'][keyof R['responses']], z.ZodType>>;

/** `404 Not Found`: an answer that was not problem details, as a person may read it. */
export const statusLine = (res: Response) => `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
/** The title of a refusal that was not problem details. */
export const statusTitle = (res: Response) => res.statusText || `HTTP ${res.status}`;

/**
 * The one way the extension talks to the server: requests are built from the route table in lib/contract,
 * and every answer is checked against its schema. Errors are ApiError (the server said no, worded by the
 * client's `refusal`), UnreachableError (no answer) or InvalidResponseError (an answer we cannot trust).
 */
export function createHttp(opts: HttpOptions) {
  const base = opts.serverUrl.replace(/\/+$/, '');
  // Call the global through a wrapper: a detached `fetch` throws "Illegal invocation" in workers.
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const { timeoutMs } = opts;

  function url(route: RouteSpec, { params = {}, query = {} }: Pick<Call, 'params' | 'query'> = {}): string {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const pairs = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    return `${base}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
  }

  /** The answer to `route`; a refusal is thrown, except a 304 where the route lists one. */
  async function send<R extends RouteSpec>(route: R, call: Call<R> = {}): Promise<Response> {
    const headers = new Headers(call.headers);
    headers.set('Accept', `${call.accept ?? 'application/json'}, application/problem+json`);
    if (opts.token) headers.set('Authorization', `Bearer ${opts.token}`);
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    let res: Response;
    try {
      res = await doFetch(url(route, call), {
        method: route.method.toUpperCase(),
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') {
        const seconds = Math.round(timeoutMs / 1000);
        throw new UnreachableError(base, t(opts.timeoutMessage, { server: base, seconds }), { cause: err });
      }
      throw new UnreachableError(base, undefined, { cause: err });
    }
    if (res.ok || (res.status === 304 && 304 in route.responses)) return res;
    const problem = Problem.safeParse(await readJson(res));
    throw opts.refusal(res, problem.success ? problem.data : null, base);
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

  /** The body of a successful answer to `route`, checked against the route's schema for it. */
  const answer = <R extends RouteSpec>(route: R, res: Response) =>
    parse(res, answerSchema(route)) as Promise<Answer<R>>;

  /** Sends `call` to `route` and answers the checked body. */
  const call = async <R extends RouteSpec>(route: R, request: Call<R> = {}) =>
    answer(route, await send(route, request));

  return { url, send, parse, answer, call };
}

function answerSchema(route: RouteSpec): z.ZodType {
  const schema = Object.entries(route.responses).find(
    ([status, s]) => s && Number(status) >= 200 && Number(status) < 300,
  )?.[1];
  if (!schema) throw new TypeError(`${route.method} ${route.path} answers no body`);
  return schema;
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
