import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * What `<scheme>://*` stands for: any well-formed id of that browser's extensions, nothing else. Chromium
 * ids are 32 letters a–p; Firefox gives every install its own UUID. Wildcards of other schemes are refused
 * by the configuration (`https://*` would open the API to every web page).
 */
export const EXTENSION_ID_SHAPES: Readonly<Record<string, RegExp>> = {
  'chrome-extension': /^[a-p]{32}$/,
  'moz-extension': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/**
 * Builds the origin test from RELAY_CORS_ORIGINS entries: exact origins (pin the company's own extension
 * id), or `chrome-extension://*` / `moz-extension://*` for any well-formed extension origin.
 */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const shapes: Array<[prefix: string, id: RegExp]> = [];
  for (const entry of allowed) {
    const wildcard = /^([a-z][a-z0-9+.-]*):\/\/\*$/i.exec(entry);
    const shape = wildcard ? EXTENSION_ID_SHAPES[wildcard[1]!.toLowerCase()] : undefined;
    if (wildcard && shape) shapes.push([`${wildcard[1]!.toLowerCase()}://`, shape]);
    else if (!wildcard) exact.add(entry.replace(/\/+$/, '').toLowerCase());
  }
  return (origin) => {
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    return shapes.some(([prefix, id]) => o.startsWith(prefix) && id.test(o.slice(prefix.length)));
  };
}

// Retry-After: the outbox backs off as the server asks (a cross-origin read hides it otherwise).
const EXPOSED = ['ETag', 'Retry-After'];

/** CORS for /v1: the extension reads ETag, and sends Authorization and If-None-Match. */
export function corsFor(allowed: readonly string[]): MiddlewareHandler {
  const isAllowed = originMatcher(allowed);
  const middleware = cors({
    origin: (origin) => (origin && isAllowed(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
  // Requests without Origin are not cross-origin reads (CLI, curl, the bench): skip the work.
  return (c, next) => (c.req.header('origin') ? middleware(c, next) : next());
}

/**
 * The headers corsFor gives an answer to a GET from an allowed origin, for answers made outside Hono;
 * undefined for an origin it does not allow.
 */
export function corsAnswerHeaders(allowed: readonly string[]): (origin: string) => Record<string, string> | undefined {
  const isAllowed = originMatcher(allowed);
  const exposed = EXPOSED.join(',');
  return (origin) =>
    isAllowed(origin)
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposed, Vary: 'Origin' }
      : undefined;
}
