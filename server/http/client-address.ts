import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address, to tell visitors apart and to rate-limit, in memory only (never logged or stored).
 * Behind a reverse proxy (RELAY_TRUST_PROXY=1) it is the last X-Forwarded-For entry: the one our proxy
 * added, which the client cannot forge. Empty when unknown (requests made in-process, as tests do).
 */
export function addressFrom(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor) return forwardedFor.slice(forwardedFor.lastIndexOf(',') + 1).trim();
  return socketAddress ?? '';
}

/** The same, for a request inside the app. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  return addressFrom(
    trustProxy ? c.req.header('x-forwarded-for') : undefined,
    (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress,
    trustProxy,
  );
}
