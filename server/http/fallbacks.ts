import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routes } from '../../lib/contract/routes';
import type { Log } from '../log/logger';
import { requestIdIn, routeOf } from './access-log';
import { HttpProblem, problemResponse, problems } from './problem';

const known = routes.map((r) => ({
  method: r.method.toUpperCase(),
  pattern: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** Unknown path → 404; known path, other method → 405 with Allow (cheap to know: routes.ts lists them). */
export const notFound: NotFoundHandler = (c) => {
  const path = c.req.path;
  const allow = known.filter((r) => r.pattern.test(path)).map((r) => r.method);
  if (allow.length) {
    if (allow.includes('GET')) allow.push('HEAD');
    return problemResponse(problems.methodNotAllowed(c.req.method, path, [...new Set(allow)]));
  }
  return problemResponse(problems.notFound(`There is no ${c.req.method} ${path} endpoint`));
};

/**
 * Every failure leaves as problem+json and never leaks a stack. Unexpected ones are logged with the
 * request's id, unless the client hung up mid-request (its body cut short): the access line says so.
 */
export function onErrorLogged(log: Log): ErrorHandler {
  return (error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error);
    if (error instanceof HTTPException) {
      return problemResponse(
        new HttpProblem({
          status: error.status,
          kind: 'http-error',
          title: 'Request failed',
          detail: error.message || 'Request failed',
        }),
      );
    }
    if (!c.req.raw.signal.aborted) {
      log.error(
        { req: requestIdIn(c), method: c.req.method, route: routeOf(c), status: 500, err: error },
        'unexpected error',
      );
    }
    return problemResponse(problems.internal());
  };
}
