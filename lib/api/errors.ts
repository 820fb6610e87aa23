import { t } from '../i18n';
import { problemMessage } from './problem-message';

/** The server answered with an error (RFC 9457 problem details, or the closest we could read). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly title: string,
    /** The server's own words (English), or ours when it sent no problem details. */
    readonly detail: string,
    /** The raw Retry-After header of a 429/503 (seconds or an HTTP date), for callers that back off. */
    readonly retryAfter: string | null = null,
    /** The problem `type` (`urn:relay:problem:<kind>`), when the server sent problem details. */
    readonly type: string | null = null,
  ) {
    // The message a person reads: the extension's words for the problem type, the server's as a fallback.
    super(type === null ? detail || title : problemMessage({ type, title, detail }));
  }
}

/** A refusal with the fields the server named (e.g. `csv.3` for a bad CSV line, `captions.0.text`). */
export class ProblemError extends ApiError {
  override name = 'ProblemError';
  constructor(
    status: number,
    title: string,
    detail: string,
    readonly errors: ReadonlyArray<{ path: string; message: string }>,
    type: string | null = null,
  ) {
    super(status, title, detail, null, type);
  }
}

/** No answer at all: wrong address, server down, offline, or too slow. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
  constructor(
    readonly serverUrl: string,
    message = t('errors.unreachable', { server: serverUrl }),
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server answered 2xx, but not with what the contract promises. Nothing from it is kept. */
export class InvalidResponseError extends Error {
  override name = 'InvalidResponseError';
  constructor(
    readonly serverUrl: string,
    readonly problem: string,
  ) {
    super(t('errors.invalidResponse', { server: serverUrl, problem }));
  }
}

/** One sentence for a person, whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError || err instanceof UnreachableError || err instanceof InvalidResponseError)
    return err.message;
  if (err instanceof Error && err.message) return err.message;
  return t('errors.unknown');
}
