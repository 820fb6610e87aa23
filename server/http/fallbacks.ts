import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routes } from '../../lib/contract/routes';
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
 * Every failure leaves as problem+json and never leaks a stack. Unexpected ones are logged by the access
 * log (it sees the error as c.error, with the request id), which also tells a client that hung up apart.
 */
export const onError: ErrorHandler = (error) => {
  if (error instanceof HttpProblem) return problemResponse(error);
  if (error instanceof HTTPException) {
    return problemResponse(
      new HttpProblem({ status: error.status, kind: 'http-error', title: 'Request failed', detail: error.message || 'Request failed' }),
    );
  }
  return problemResponse(problems.internal());
};
