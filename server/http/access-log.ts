import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { HTTPException } from 'hono/http-exception';
import type { Log } from '../log/logger';
import { HttpProblem } from './problem';

/** An incoming id is kept only when it cannot smuggle anything into a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(incoming: string | undefined): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The route pattern the request reached (`/r/:code`), never the path: paths carry link codes, ids and
 * invite codes. Requests that matched no route but middleware (`/v1/*`, `*`) are logged with null.
 */
export function routeOf(c: Context): string | null {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  }
  return null;
}

/** The client hung up before the answer (closed the tab, lost the network): nothing went wrong here. */
function clientWentAway(c: Context): boolean {
  return c.req.raw.signal.aborted;
}

/**
 * One line per request: method, route pattern, status, duration and request id (echoed as X-Request-Id,
 * so a person reporting a problem can quote it). No query, header, body, token or address is logged.
 * Every answer also gets `X-Content-Type-Options: nosniff` here.
 * Unexpected errors (app.onError answered 500) are logged here too, with the same request id.
 */
export function accessLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const id = requestIdOf(c.req.header('x-request-id'));
    await next();
    const headers = c.res.headers;
    headers.set('X-Request-Id', id);
    // Browsers must take every answer as the type it declares (a problem+json is never run as a script).
    // Set here rather than in a middleware of its own: one middleware in front of the redirect, not two.
    headers.set('X-Content-Type-Options', 'nosniff');
    const error = c.error;
    const unexpected = error !== undefined && !(error instanceof HttpProblem) && !(error instanceof HTTPException);
    if (!unexpected && !log.isLevelEnabled('info')) return;
    const line = {
      req: id,
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
    };
    if (!unexpected) log.info(line, 'request');
    else if (clientWentAway(c)) log.info({ ...line, aborted: true }, 'client closed the connection before the answer');
    else log.error({ ...line, err: error }, 'unexpected error');
  };
}
