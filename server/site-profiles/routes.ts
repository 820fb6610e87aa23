import { Hono } from 'hono';
import { Network } from '../../lib/contract/common';
import { SiteProfile, type SiteProfilesResponse } from '../../lib/contract/site-profiles';
import type { AppEnv } from '../auth/principal';
import { HttpProblem, problems } from '../http/problem';
import { limitBody, readJson } from '../http/validate';
import { etagMatches } from '../queue/queue-version';
import type { SiteProfileRepository } from './repository';

const CACHE_CONTROL = 'private, no-cache';

/** `"sp-linkedin.3-x.7"`: which version of each network is published; cheap to compute, exact to compare. */
export function profilesEtag(versions: Partial<Record<string, number>>): string {
  const parts = Object.keys(versions)
    .sort()
    .map((network) => `${network}.${versions[network]}`);
  return `"sp-${parts.join('-') || 'none'}"`;
}

/** GET /v1/site-profiles (any signed-in person; bearer applied by the app). */
export function siteProfileRoutes(profiles: SiteProfileRepository) {
  return new Hono<AppEnv>().get('/v1/site-profiles', async (c) => {
    const etag = profilesEtag(await profiles.versions());
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } });
    }
    const body: SiteProfilesResponse = { profiles: await profiles.latest() };
    return c.json(body, 200, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
  });
}

/** PUT /v1/admin/site-profiles/:network (admin guard applied by the app). */
export function adminSiteProfileRoutes(profiles: SiteProfileRepository) {
  return new Hono<AppEnv>().put('/v1/admin/site-profiles/:network', limitBody, async (c) => {
    const network = Network.safeParse(c.req.param('network'));
    if (!network.success) throw problems.notFound(`There is no network called ${c.req.param('network')}`);
    const profile = await readJson(c, SiteProfile);
    if (profile.network !== network.data) {
      throw problems.invalidBody([{ path: 'network', message: `must be "${network.data}", the network in the URL` }]);
    }
    const result = await profiles.publish(profile);
    if (result.status === 'stale') {
      throw new HttpProblem({
        status: 409,
        kind: 'stale-version',
        title: 'Version already published',
        detail: `Version ${profile.version} is not newer than the published version ${result.current} of ${network.data}; extensions only take a newer version.`,
      });
    }
    return c.json(result.profile, 200);
  });
}
