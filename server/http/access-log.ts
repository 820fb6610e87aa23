import { randomUUID } from 'node:crypto';
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders, type RequestListener } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import type { Log } from '../log/logger';

/** An incoming id is kept only when it cannot smuggle anything into a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The id the access log gave this request (its answer will carry it), or one made from its header when served in-process. */
export function requestIdIn(c: Context): string {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  return outgoing instanceof AnswerWithId && outgoing.requestId
    ? outgoing.requestId
    : requestIdOf(c.req.header('x-request-id'));
}

/** Names the route a request reached, as its pattern (`/r/:code`); null when no endpoint matched. */
export type RouteNamer = (method: string, url: string) => string | null;

/**
 * Route patterns, never paths: paths carry link codes, ids and invite codes. Built from the app's own
 * route table (endpoints only, not middleware), and asked only when a line is written.
 */
export function routeNamer(routes: readonly { method: string; path: string }[]): RouteNamer {
  // Hono's own choice of routers: the RegExp one where it can take every pattern, else the trie.
  const router = new SmartRouter<string>({ routers: [new RegExpRouter(), new TrieRouter()] });
  for (const r of routes) if (r.method !== 'ALL') router.add(r.method, r.path, r.path);
  return (method, url) => {
    const query = url.indexOf('?');
    const [matches] = router.match(method === 'HEAD' ? 'GET' : method, query === -1 ? url : url.slice(0, query));
    // The first registered endpoint is the one that answers.
    return matches.length ? (matches[0]![0] as string) : null;
  };
}

/** The endpoint pattern of a request inside the app (for error lines), from what Hono matched. */
export function routeOf(c: Context): string | null {
  const routes = matchedRoutes(c);
  for (const r of routes) if (r.method !== 'ALL') return r.path;
  return null;
}

const isOurs = (name: string) =>
  (name.length === 12 || name.length === 22) &&
  (name.toLowerCase() === 'x-request-id' || name.toLowerCase() === 'x-content-type-options');

/**
 * Every answer carries its request id (so a person reporting a problem can quote it, and the proxy's log and
 * ours can be joined) and `X-Content-Type-Options: nosniff` (browsers take each answer as the type it
 * declares: a problem+json is never run as a script). Added as the head is written, to the headers the app
 * gives: setting them earlier with setHeader() sends Node down its slower merging path on every answer.
 */
export class AnswerWithId<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  requestId = '';
  /** The route pattern, when the answer was made before the app (a shortcut): no need to look it up. */
  route: string | undefined = undefined;

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const message = typeof rest[0] === 'string' ? [rest[0]] : [];
    const given = rest[message.length] as OutgoingHttpHeaders | string[] | undefined;
    const headers: OutgoingHttpHeaders = {};
    // The app's own spelling of these (the join page sends nosniff itself) gives way to ours: sent once.
    if (Array.isArray(given)) {
      for (let i = 0; i + 1 < given.length; i += 2) {
        const [name, value] = [given[i]!, given[i + 1]!];
        if (isOurs(name)) continue;
        const before = headers[name];
        headers[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [String(before)]), value];
      }
    } else if (given) {
      for (const name in given) if (!isOurs(name)) headers[name] = given[name];
    }
    headers['X-Request-Id'] = this.requestId;
    headers['X-Content-Type-Options'] = 'nosniff';
    return super.writeHead(statusCode, ...(message as []), headers);
  }
}

/**
 * Around the app's node:http listener (on a server whose answers are AnswerWithId): each request gets its id
 * (a sane incoming X-Request-Id is kept, else one is made) and, at LOG_LEVEL info, one line once it is over:
 * method, route pattern, status, duration, request id; never a query, header, body, token or address. A
 * client that hangs up before its answer gets an `aborted` line, not an error. Done here, outside Hono,
 * because a middleware in front of every route made each answer wait on a promise and rebuild its headers:
 * a third of the redirect's cost.
 */
export function withAccessLog(
  listener: RequestListener<typeof IncomingMessage, typeof AnswerWithId>,
  log: Log,
  routeOf: RouteNamer,
): RequestListener<typeof IncomingMessage, typeof AnswerWithId> {
  const logging = log.isLevelEnabled('info');
  return (req, res) => {
    const started = performance.now();
    const id = requestIdOf(req.headers['x-request-id']);
    res.requestId = id;
    if (logging) {
      res.once('close', () => {
        const method = req.method ?? 'GET';
        const line = {
          req: id,
          method,
          route: res.route ?? routeOf(method, req.url ?? '/'),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 100) / 100,
        };
        if (res.writableFinished) log.info(line, 'request');
        else log.info({ ...line, aborted: true }, 'client closed the connection before the answer');
      });
    }
    listener(req, res);
  };
}
