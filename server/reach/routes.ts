import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { ReachQuery } from '../../lib/contract/reach';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { readQuery } from '../http/validate';
import { resolvePeriod } from './period';
import { personalReach } from './personal-reach';

/** GET /v1/me/reach. `flushClicks` first, so a click made a moment ago is already on the card. */
export function reachRoutes(db: Kysely<DB>, now: Clock, flushClicks: () => Promise<unknown>) {
  return new Hono<AppEnv>().get('/v1/me/reach', async (c) => {
    const employeeId = employeeOf(c);
    const { from, to } = readQuery(c, ReachQuery);
    const at = now();
    await flushClicks();
    return c.json(await personalReach(db, employeeId, resolvePeriod(at, from, to), at));
  });
}
