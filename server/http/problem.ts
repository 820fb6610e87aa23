import type { z } from 'zod';
import type { Problem } from '../../lib/contract/common';

export type ProblemField = NonNullable<Problem['errors']>[number];

interface ProblemInit {
  status: number;
  /** Short machine-friendly name; becomes the problem `type` URI. */
  kind: string;
  title: string;
  detail: string;
  errors?: ProblemField[];
  headers?: Record<string, string>;
}

/**
 * An error that already knows its RFC 9457 answer. Handlers throw it; app.onError turns it into
 * `application/problem+json`, so every failure has one shape whichever layer noticed it.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly kind: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: ProblemField[];
  readonly headers?: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = 'HttpProblem';
    this.status = init.status;
    this.kind = init.kind;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers;
  }

  toJSON(): Problem {
    const body: Problem = { type: problemType(this.kind), title: this.title, status: this.status, detail: this.detail };
    if (this.errors) body.errors = this.errors;
    return body;
  }
}

/** Problem types are URNs: stable identifiers that need no documentation site to exist. */
export const problemType = (kind: string) => `urn:relay:problem:${kind}`;

export function problemResponse(problem: HttpProblem): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...problem.headers },
  });
}

/** `captions.0.text`; an error about the whole value gets `(root)` so the path is never empty. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): ProblemField[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

export const problems = {
  badRequest: (detail: string, errors?: ProblemField[]) =>
    new HttpProblem({ status: 400, kind: 'bad-request', title: 'Bad request', detail, errors }),
  malformedJson: (detail: string) =>
    new HttpProblem({ status: 400, kind: 'malformed-json', title: 'Malformed JSON', detail }),
  invalidQuery: (errors: ProblemField[]) =>
    new HttpProblem({
      status: 400,
      kind: 'invalid-query',
      title: 'Invalid query parameters',
      detail: `The query string is not valid: ${summarise(errors)}`,
      errors,
    }),
  invalidBody: (errors: ProblemField[], detail?: string) =>
    new HttpProblem({
      status: 422,
      kind: 'validation-failed',
      title: 'The request body is not valid',
      detail: detail ?? `The request body is not valid: ${summarise(errors)}`,
      errors,
    }),
  unauthorized: (detail: string) =>
    new HttpProblem({
      status: 401,
      kind: 'unauthorized',
      title: 'Unauthorized',
      detail,
      headers: { 'WWW-Authenticate': 'Bearer realm="relay"' },
    }),
  forbidden: (detail: string) => new HttpProblem({ status: 403, kind: 'forbidden', title: 'Forbidden', detail }),
  notFound: (detail: string) => new HttpProblem({ status: 404, kind: 'not-found', title: 'Not found', detail }),
  methodNotAllowed: (method: string, path: string, allow: string[]) =>
    new HttpProblem({
      status: 405,
      kind: 'method-not-allowed',
      title: 'Method not allowed',
      detail: `${method} is not allowed on ${path}; use ${allow.join(', ')}`,
      headers: { Allow: allow.join(', ') },
    }),
  tooLarge: (limit: number) =>
    new HttpProblem({
      status: 413,
      kind: 'payload-too-large',
      title: 'Payload too large',
      detail: `The request body is larger than ${limit} bytes`,
      // The rest of the body may still be on its way: reading it would be the work the limit saves.
      headers: { Connection: 'close' },
    }),
  unsupportedMediaType: (got: string | undefined) =>
    new HttpProblem({
      status: 415,
      kind: 'unsupported-media-type',
      title: 'Unsupported media type',
      detail: `Send the body as application/json${got ? ` (got ${got})` : ' (no Content-Type was sent)'}`,
    }),
  internal: () =>
    new HttpProblem({
      status: 500,
      kind: 'internal',
      title: 'Internal server error',
      detail: 'Something went wrong on the server; it has been logged',
    }),
};

function summarise(errors: ProblemField[]): string {
  const shown = errors
    .slice(0, 3)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return errors.length > 3 ? `${shown}; and ${errors.length - 3} more` : shown;
}
