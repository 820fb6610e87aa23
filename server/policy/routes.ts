import { Hono } from 'hono';
import { PolicyUpdate } from '../../lib/contract/policy';
import type { AppEnv } from '../auth/principal';
import { limitBody, readJson } from '../http/validate';
import { etagMatches } from '../queue/queue-version';
import type { PolicyRepository } from './repository';

const CACHE_CONTROL = 'private, no-cache';

export const policyEtag = (version: number) => `"policy-${version}"`;

/** GET /v1/policy: what the extension enforces (any signed-in person; bearer applied by the app). */
export function policyRoutes(policies: PolicyRepository) {
  return new Hono<AppEnv>().get('/v1/policy', async (c) => {
    const policy = await policies.current();
    const etag = policyEtag(policy.version);
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } });
    }
    return c.json(policy, 200, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
  });
}

/** PUT /v1/admin/policy (admin guard applied by the app). */
export function adminPolicyRoutes(policies: PolicyRepository) {
  return new Hono<AppEnv>().put('/v1/admin/policy', limitBody, async (c) => {
    const update = await readJson(c, PolicyUpdate);
    const policy = await policies.replace(update, c.get('principal').employeeId);
    return c.json(policy, 200, { ETag: policyEtag(policy.version) });
  });
}
