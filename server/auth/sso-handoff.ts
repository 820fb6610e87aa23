import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import type { Redemption } from './invites';
import { sha256 } from './secrets';
import { issueToken } from './tokens';

/** How long the extension has to collect a finished sign-in (it does so at once). */
export const HANDOFF_TTL_MS = 2 * 60_000;

/**
 * Keeps a finished sign-in for the extension to collect, bound to the challenge it sent at the start.
 * Returns the one-time code for the redirect back to the extension; only its hash is stored.
 */
export async function createHandoff(
  db: Kysely<DB>,
  employeeId: string,
  clientChallenge: string,
  at: number,
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await db
    .insertInto('sso_handoffs')
    .values({
      code_hash: sha256(code),
      employee_id: employeeId,
      client_challenge: clientChallenge,
      created_at: at,
      expires_at: at + HANDOFF_TTL_MS,
    })
    .execute();
  return code;
}

export type HandoffOutcome = { ok: true; redemption: Redemption } | { ok: false; reason: 'invalid' | 'deactivated' };

/**
 * The extension collects a finished sign-in: the code from the redirect and the verifier it kept. The code is
 * spent whatever the verifier, so a code seen by someone else (history, a log) is worth nothing to them and
 * cannot be tried twice.
 */
export async function redeemHandoff(
  db: Kysely<DB>,
  now: Clock,
  code: string,
  verifier: string,
): Promise<HandoffOutcome> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const handoff = await trx
      .deleteFrom('sso_handoffs')
      .where('code_hash', '=', sha256(code))
      .returningAll()
      .executeTakeFirst();
    if (!handoff || handoff.expires_at <= at || !sameSecret(sha256(verifier), handoff.client_challenge)) {
      return { ok: false, reason: 'invalid' } as const;
    }
    const employee = await trx
      .selectFrom('employees')
      .select(['id', 'name', 'role', 'active'])
      .where('id', '=', handoff.employee_id)
      .executeTakeFirstOrThrow();
    // Deactivated in the minute between the callback and now.
    if (employee.active !== 1) return { ok: false, reason: 'deactivated' } as const;
    const token = await issueToken(trx, employee.id, at);
    return {
      ok: true,
      redemption: { token, employee: { id: employee.id, name: employee.name, role: employee.role } },
    } as const;
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
