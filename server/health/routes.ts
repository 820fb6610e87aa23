import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { AppEnv } from '../auth/principal';
import { pendingMigrations } from '../db/migrations';
import { HttpProblem } from '../http/problem';

const notReady = (detail: string) =>
  new HttpProblem({
    status: 503,
    kind: 'not-ready',
    title: 'Not ready',
    detail,
    headers: { 'Cache-Control': 'no-store' },
  });

/**
 * For load balancers and orchestrators, without auth: `/healthz` says the process answers (restart it when it
 * does not); `/readyz` says it can serve (send it traffic): the database answers and its schema is this release's.
 */
export function healthRoutes(db: Kysely<unknown>) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }))
    .get('/readyz', async (c) => {
      let pending: string[];
      try {
        await sql`SELECT 1`.execute(db);
        pending = await pendingMigrations(db);
      } catch (error) {
        throw notReady(`The database does not answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (pending.length > 0) throw notReady(`Database migrations not applied yet: ${pending.join(', ')}`);
      return c.json({ status: 'ready' }, 200, { 'Cache-Control': 'no-store' });
    });
}
