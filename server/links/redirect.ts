import type { Handler } from 'hono';
import type { Clock } from '../clock';
import { clientAddress } from '../http/client-address';
import { problemResponse, problems } from '../http/problem';
import { isNotAPerson } from './bots';
import type { ClickBuffer } from './click-buffer';
import { LINK_CODE } from './link-codes';
import type { LinkTargets } from './link-targets';
import type { VisitorDedupe } from './visitor-dedupe';

interface RedirectDeps {
  targets: LinkTargets;
  dedupe: VisitorDedupe;
  clicks: ClickBuffer;
  now: Clock;
  trustProxy: boolean;
}

/**
 * GET|HEAD /r/:code → 302 to the tagged item URL. 302, not 301: browsers cache a 301 and the
 * repeat clicks would never reach us. Everything here is in memory; the click is only buffered.
 */
export function redirectHandler(deps: RedirectDeps): Handler {
  return (c) => {
    const code = c.req.param('code') ?? '';
    const target = LINK_CODE.test(code) ? deps.targets.resolve(code) : null;
    if (!target) return problemResponse(problems.notFound('There is no tracked link with this code'));

    if (c.req.method === 'GET') {
      const userAgent = c.req.header('user-agent');
      const now = deps.now();
      if (!isNotAPerson(userAgent) && deps.dedupe.firstInWindow(code, clientAddress(c, deps.trustProxy), userAgent!, now)) {
        deps.clicks.add({ code, employeeId: target.employeeId, itemId: target.itemId, network: target.network, clickedAt: now });
      }
    }
    return new Response(null, {
      status: 302,
      headers: { Location: target.location, 'Cache-Control': 'no-store' },
    });
  };
}
