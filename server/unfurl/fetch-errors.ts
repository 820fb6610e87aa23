/**
 * Why a page gave no preview. `refused`: the URL or an address it led to is not allowed; `failed`: the
 * page could not be fetched or is not a web page. Both are the curator's problem to fix, never a 5xx.
 */
export class UnfurlError extends Error {
  override name = 'UnfurlError';
  constructor(
    readonly reason: 'refused' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The server is already fetching as many pages as it allows and as many more wait: asked again after
 * `retryAfterSeconds` (the longest a running fetch may still take), it will have room.
 */
export class UnfurlBusy extends Error {
  override name = 'UnfurlBusy';
  constructor(
    readonly running: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `this server fetches at most ${running} ${running === 1 ? 'page' : 'pages'} at once and is busy; try again in ${retryAfterSeconds} s`,
    );
  }
}

export const refused = (message: string) => new UnfurlError('refused', message);
export const failed = (message: string) => new UnfurlError('failed', `the page could not be fetched: ${message}`);

/** The first error in `error`'s chain of causes (five deep at most) that passes `test`. */
export function findCause(error: unknown, test: (e: Error) => boolean): Error | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (test(e)) return e;
  }
  return undefined;
}

const CODES: Record<string, string> = {
  ENOTFOUND: 'the host name does not exist',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_CONNECT_TIMEOUT: 'connecting took too long',
  UND_ERR_HEADERS_TIMEOUT: 'the page took too long to answer',
  UND_ERR_BODY_TIMEOUT: 'the page took too long to send',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
};

/** A network error (Node's or undici's, however deep in the causes) in words a curator can act on. */
export function describeNetworkError(error: unknown): string {
  const coded = findCause(error, (e) => typeof (e as NodeJS.ErrnoException).code === 'string');
  const code = (coded as NodeJS.ErrnoException | undefined)?.code;
  if (code && CODES[code]) return CODES[code];
  if (code && /CERT|SSL|TLS/.test(code)) return `its TLS certificate is not valid (${code})`;
  return error instanceof Error ? error.message : String(error);
}
