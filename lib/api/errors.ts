/** The server answered with an error (RFC 9457 problem details, or the closest we could read). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** The raw Retry-After header of a 429/503 (seconds or an HTTP date), for callers that back off. */
    readonly retryAfter: string | null = null,
  ) {
    super(detail || title);
  }
}

/** No answer at all: wrong address, server down, offline, or too slow. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
  constructor(
    readonly serverUrl: string,
    message = `Can't reach the server at ${serverUrl}. Check the address and that the server is running.`,
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
    super(`The server at ${serverUrl} sent an answer Relay does not understand (${problem}). Is this a Relay server, and is it up to date?`);
  }
}

/** One sentence for a person, whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError || err instanceof UnreachableError || err instanceof InvalidResponseError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}
