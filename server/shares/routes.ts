import { Hono } from 'hono';
import { SharesRequest } from '../../lib/contract/shares';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import { limitBody, readJson } from '../http/validate';
import type { ShareRecorder } from './record-shares';
import type { ShareRules } from './share-rules';

/** POST /v1/shares: the extension's outbox delivers here, retrying until it gets a 200. */
export function shareRoutes(recorder: ShareRecorder, rules: ShareRules) {
  return new Hono<AppEnv>().post('/v1/shares', limitBody, async (c) => {
    const employeeId = employeeOf(c);
    const { shares } = await readJson(c, SharesRequest);
    await rules.check(employeeId, shares);
    return c.json(await recorder.record(employeeId, shares), 200);
  });
}
