import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { InviteCreate, Redeem } from '../../lib/contract/auth';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';
import { HttpProblem } from '../http/problem';
import { CODE_GUESSES, rateLimit } from '../http/rate-limit';
import { limitBody, readJson } from '../http/validate';
import { createInvite, redeemInvite } from './invites';
import type { AppEnv } from './principal';

const invalidCode = () =>
  new HttpProblem({
    status: 400,
    kind: 'invalid-invite-code',
    title: 'Invite code not valid',
    detail: 'This invite code is not valid or was already used; ask your programme admin for a new one',
  });

/**
 * POST /v1/auth/redeem: public, it is how a person gets a token in the first place. Wrong codes are
 * rate-limited per address (`trustProxy`: read it from X-Forwarded-For), so codes cannot be guessed.
 */
export function redeemRoutes(db: Kysely<DB>, now: Clock, trustProxy = false) {
  return new Hono<AppEnv>().post(
    '/v1/auth/redeem',
    rateLimit(CODE_GUESSES, { trustProxy, now }),
    limitBody,
    async (c) => {
      const { code } = await readJson(c, Redeem);
      const redeemed = await redeemInvite(db, now, code);
      if (!redeemed) throw invalidCode();
      return c.json(redeemed, 200);
    },
  );
}

/** POST /v1/admin/invites (admin guard applied by the app). */
export function inviteRoutes(db: Kysely<DB>, now: Clock) {
  return new Hono<AppEnv>().post('/v1/admin/invites', limitBody, async (c) => {
    const { name, role } = await readJson(c, InviteCreate);
    const invite = await createInvite(db, now, name, role);
    return c.json({ code: invite.code, employeeId: invite.employeeId, expiresAt: toIso(invite.expiresAt) }, 201);
  });
}
