import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../lib/contract/common';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { newInviteCode, newToken, normaliseInviteCode, sha256 } from './secrets';

export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface CreatedInvite {
  code: string;
  employeeId: string;
  expiresAt: number;
}

/** Creates the person (state: invited) and a single-use code; only the code's hash is kept. */
export async function createInvite(db: Kysely<DB>, now: Clock, name: string, role: Role): Promise<CreatedInvite> {
  const at = now();
  const employeeId = uuidv7();
  const code = newInviteCode();
  const expiresAt = at + INVITE_TTL_MS;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('employees')
      .values({ id: employeeId, name, role, active: 1, audience_linkedin: null, audience_x: null, created_at: at, activated_at: null })
      .execute();
    await trx
      .insertInto('invites')
      .values({ code_hash: sha256(normaliseInviteCode(code)), employee_id: employeeId, created_at: at, expires_at: expiresAt, redeemed_at: null })
      .execute();
  });
  return { code, employeeId, expiresAt };
}

export interface Redemption {
  token: string;
  employee: { id: string; name: string; role: Role };
}

/**
 * Spends an invite code for a bearer token. Returns null for unknown, used and expired codes alike,
 * so a caller cannot learn which codes exist.
 */
export async function redeemInvite(db: Kysely<DB>, now: Clock, typedCode: string): Promise<Redemption | null> {
  const at = now();
  const codeHash = sha256(normaliseInviteCode(typedCode));
  return db.transaction().execute(async (trx) => {
    // The conditional UPDATE is the single-use guarantee: of two concurrent redemptions one changes a row.
    const spent = await trx
      .updateTable('invites')
      .set({ redeemed_at: at })
      .where('code_hash', '=', codeHash)
      .where('redeemed_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('employee_id')
      .executeTakeFirst();
    if (!spent) return null;
    const employee = await trx
      .selectFrom('employees')
      .select(['id', 'name', 'role', 'active', 'activated_at'])
      .where('id', '=', spent.employee_id)
      .executeTakeFirstOrThrow();
    if (employee.active !== 1) return null;
    if (employee.activated_at === null) {
      await trx.updateTable('employees').set({ activated_at: at }).where('id', '=', employee.id).execute();
    }
    const token = newToken();
    await trx.insertInto('tokens').values({ token_hash: sha256(token), employee_id: employee.id, created_at: at }).execute();
    return { token, employee: { id: employee.id, name: employee.name, role: employee.role } };
  });
}
