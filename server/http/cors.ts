import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * Builds the origin test from RELAY_CORS_ORIGINS entries: exact origins, or `<scheme>://*` for every
 * origin of that scheme (extension ids differ per install on Firefox and per build on Chromium).
 */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const schemes: string[] = [];
  for (const entry of allowed) {
    const wildcard = /^([a-z][a-z0-9+.-]*):\/\/\*$/i.exec(entry);
    if (wildcard) schemes.push(`${wildcard[1]!.toLowerCase()}://`);
    else exact.add(entry.replace(/\/+$/, '').toLowerCase());
  }
  return (origin) => {
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    return schemes.some((s) => o.startsWith(s) && o.length > s.length && !o.slice(s.length).includes('/'));
  };
}

/** CORS for /v1: the extension reads ETag, and sends Authorization and If-None-Match. */
export function corsFor(allowed: readonly string[]): MiddlewareHandler {
  const isAllowed = originMatcher(allowed);
  const middleware = cors({
    origin: (origin) => (origin && isAllowed(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // Retry-After: the outbox backs off as the server asks (a cross-origin read hides it otherwise).
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
  // Requests without Origin are not cross-origin reads (CLI, curl, the bench): skip the work.
  return (c, next) => (c.req.header('origin') ? middleware(c, next) : next());
}
