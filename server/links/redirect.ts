import type { Context, Handler } from 'hono';
import type { Clock } from '../clock';
import { clientAddress } from '../http/client-address';
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
 * GET|HEAD /r/:code → 302 to the tagged item URL. 302, not 301: browsers cache a 301 and the
 * repeat clicks would never reach us. A known code is answered from memory; the click is only
 * buffered (whether it counts is decided when the buffer is written).
 */
export function redirectHandler(deps: RedirectDeps): Handler {
  const answer = (c: Context, code: string, target: LinkTarget | null): Response => {
    if (!target) return problemResponse(problems.notFound('There is no tracked link with this code'));
    if (c.req.method === 'GET') {
      const userAgent = c.req.header('user-agent');
      if (!isNotAPerson(userAgent)) {
        deps.clicks.add({
          code,
          employeeId: target.employeeId,
          itemId: target.itemId,
          network: target.network,
          clickedAt: deps.now(),
          ip: clientAddress(c, deps.trustProxy),
          userAgent: userAgent!,
        });
      }
    }
    return new Response(null, {
      status: 302,
      headers: { Location: target.location, 'Cache-Control': 'no-store' },
    });
  };

  return (c) => {
    const code = c.req.param('code') ?? '';
    if (!LINK_CODE.test(code)) return answer(c, code, null);
    const target = deps.targets.resolve(code);
    return target instanceof Promise ? target.then((t) => answer(c, code, t)) : answer(c, code, target);
  };
}
