import type { Context, Handler } from 'hono';
import type { Clock } from '../clock';
import { addressFrom, clientAddress } from '../http/client-address';
import type { NodeShortcut } from '../http/node-listener';
import { problemResponse, problems } from '../http/problem';
import { isNotAPerson } from './bots';
import type { ClickBuffer } from './click-buffer';
import { LINK_CODE } from './link-codes';
import type { LinkTarget, LinkTargets } from './link-targets';

interface RedirectDeps {
  targets: LinkTargets;
  clicks: ClickBuffer;
  now: Clock;
  trustProxy: boolean;
}

/**
 * A person's GET is a click; a HEAD, a bot or a link preview is not. Whether it counts is decided when written.
 * A visitor counted here within the hour is a repeat, and was a person then: known from memory before the
 * agent is looked at, as most redirects are readers coming back.
 */
function countVisit(
  deps: RedirectDeps,
  code: string,
  target: LinkTarget,
  userAgent: string | undefined,
  ip: string,
): void {
  if (!userAgent) return;
  const clickedAt = deps.now();
  if (deps.clicks.countedLately(code, ip, userAgent, clickedAt) || isNotAPerson(userAgent)) return;
  deps.clicks.add({
    code,
    employeeId: target.employeeId,
    itemId: target.itemId,
    network: target.network,
    clickedAt,
    ip,
    userAgent,
  });
}

// 302, not 301: browsers cache a 301 and the repeat clicks would never reach us. An explicit empty body
// spares node:http the choice between chunked encoding and closing the connection.
const redirectHeaders = (target: LinkTarget) => ({
  Location: target.location,
  'Cache-Control': 'no-store',
  'Content-Length': '0',
});

/**
 * GET|HEAD /r/:code → 302 to the tagged item URL. A known code is answered from memory; the click is only
 * buffered.
 */
export function redirectHandler(deps: RedirectDeps): Handler {
  const answer = (c: Context, code: string, target: LinkTarget | null): Response => {
    if (!target) return problemResponse(problems.notFound('There is no tracked link with this code'));
    if (c.req.method === 'GET')
      countVisit(deps, code, target, c.req.header('user-agent'), clientAddress(c, deps.trustProxy));
    return new Response(null, { status: 302, headers: redirectHeaders(target) });
  };

  return (c) => {
    const code = c.req.param('code') ?? '';
    if (!LINK_CODE.test(code)) return answer(c, code, null);
    const target = deps.targets.resolve(code);
    return target instanceof Promise ? target.then((t) => answer(c, code, t)) : answer(c, code, target);
  };
}

/**
 * The same redirect for a code already in memory, answered straight on node:http: no Request, Response or
 * context objects for the path that every reader of every post takes. Anything else (a code not read yet,
 * an unusual spelling of the path) is left to the route above, which gives the same answer.
 */
export function knownLinkShortcut(deps: RedirectDeps): NodeShortcut {
  return (req, res) => {
    const { url, method } = req;
    if (url === undefined || !url.startsWith('/r/') || (method !== 'GET' && method !== 'HEAD')) return undefined;
    const query = url.indexOf('?', 3);
    const code = query === -1 ? url.slice(3) : url.slice(3, query);
    // Only codes read from the database are in memory, and those have passed LINK_CODE.
    const target = deps.targets.cached(code);
    if (!target) return undefined;
    if (method === 'GET') {
      // Node joins repeated X-Forwarded-For headers into one string; its type still allows a list.
      const forwarded = req.headers['x-forwarded-for'];
      const ip = addressFrom(
        typeof forwarded === 'string' ? forwarded : forwarded?.join(','),
        req.socket.remoteAddress,
        deps.trustProxy,
      );
      countVisit(deps, code, target, req.headers['user-agent'], ip);
    }
    res.writeHead(302, redirectHeaders(target));
    res.end();
    return '/r/:code';
  };
}
