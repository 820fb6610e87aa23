import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { problems } from '../http/problem';
import type { AppEnv, Principal } from './principal';
import { sha256 } from './secrets';
import type { TokenCache, TokenCheck } from './token-cache';

export const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

const BOOTSTRAP_ADMIN: Principal = { employeeId: null, name: 'Bootstrap admin', role: 'admin' };

/** Resolves `Authorization: Bearer …` to a principal, or answers 401. */
export function requireBearer(tokens: TokenCache, adminToken?: string): MiddlewareHandler<AppEnv> {
  // Compared as hashes: equal lengths for timingSafeEqual, and the check costs no database read.
  const adminHash = adminToken === undefined ? undefined : Buffer.from(sha256(adminToken));
  const isAdminToken = (hash: string) => {
    if (!adminHash) return false;
    const candidate = Buffer.from(hash);
    return candidate.length === adminHash.length && timingSafeEqual(candidate, adminHash);
  };
  // Not async: one promise less per request on the hot 304 path (compose catches synchronous throws).
  return (c, next) => {
    const header = c.req.header('authorization');
    if (!header)
      throw problems.unauthorized('Send an Authorization: Bearer <token> header (redeem an invite code to get one)');
    const match = BEARER.exec(header);
    if (!match) throw problems.unauthorized('The Authorization header must be "Bearer <token>"');
    const tokenHash = sha256(match[1]!);
    const principal = isAdminToken(tokenHash) ? BOOTSTRAP_ADMIN : tokens.check(tokenHash);
    // A cached token answers without a promise; an unknown one is read first.
    return principal instanceof Promise
      ? principal.then((p) => proceed(c, next, tokenHash, p))
      : proceed(c, next, tokenHash, principal);
  };
}

/** After the token check: the principal for the request, or 401. */
function proceed(c: Context<AppEnv>, next: Next, tokenHash: string, principal: TokenCheck) {
  if (principal === 'ended') {
    throw problems.unauthorized(
      "Your session ended because it was not used for a long time; sign in again (connect from Relay's settings)",
    );
  }
  if (principal === 'unknown') {
    throw problems.unauthorized(
      'The token is not valid: the session was signed out or ended, or its account is no longer active; sign in again',
    );
  }
  c.set('principal', principal);
  c.set('tokenHash', tokenHash);
  return next();
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('principal').role !== 'admin') throw problems.forbidden('This endpoint is for programme admins');
  await next();
};

/**
 * The employee behind the request. The bootstrap admin token is not a person: it may administer,
 * but has no queue, shares or reach of its own.
 */
export function employeeOf(c: Context<AppEnv>): string {
  const id = c.get('principal').employeeId;
  if (id === null) {
    throw problems.forbidden(
      'The bootstrap admin token has no employee account; redeem an invite code to use this endpoint',
    );
  }
  return id;
}
