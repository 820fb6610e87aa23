import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Me } from '../../lib/contract/reach';
import { DEFAULT_AUDIENCE, MePatch } from '../../lib/contract/reach';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import type { DB } from '../db/schema';
import { problems } from '../http/problem';
import { limitBody, readJson } from '../http/validate';

/** GET/PATCH /v1/me: who I am, and the audience sizes my reach is computed with. */
export function meRoutes(db: Kysely<DB>) {
  async function load(id: string): Promise<Me> {
    const row = await db
      .selectFrom('employees')
      .select(['id', 'name', 'role', 'audience_linkedin', 'audience_x'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw problems.notFound('Your employee record no longer exists');
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      audience: {
        linkedin: row.audience_linkedin ?? DEFAULT_AUDIENCE.linkedin,
        x: row.audience_x ?? DEFAULT_AUDIENCE.x,
      },
      audienceIsDefault: { linkedin: row.audience_linkedin === null, x: row.audience_x === null },
    };
  }

  return new Hono<AppEnv>()
    .get('/v1/me', async (c) => c.json(await load(employeeOf(c))))
    .patch('/v1/me', limitBody, async (c) => {
      const id = employeeOf(c);
      const { audience } = await readJson(c, MePatch);
      const changes: { audience_linkedin?: number | null; audience_x?: number | null } = {};
      // null returns a network to the benchmark default; absent leaves it as it is.
      if (audience.linkedin !== undefined) changes.audience_linkedin = audience.linkedin;
      if (audience.x !== undefined) changes.audience_x = audience.x;
      await db.updateTable('employees').set(changes).where('id', '=', id).execute();
      return c.json(await load(id));
    });
}
