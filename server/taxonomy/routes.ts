import { Hono } from 'hono';
import { Taxonomy } from '../../lib/contract/taxonomy';
import type { AppEnv } from '../auth/principal';
import { limitBody, readJson } from '../http/validate';
import type { TaxonomyRepository } from './repository';

/** GET and PUT /v1/admin/taxonomy (admin guard applied by the app). */
export function adminTaxonomyRoutes(taxonomy: TaxonomyRepository) {
  return new Hono<AppEnv>()
    .get('/v1/admin/taxonomy', async (c) => c.json(await taxonomy.current()))
    .put('/v1/admin/taxonomy', limitBody, async (c) => c.json(await taxonomy.replace(await readJson(c, Taxonomy))));
}
