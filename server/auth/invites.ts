import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../lib/contract/common';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { newInviteCode, normaliseInviteCode, sha256 } from './secrets';
import { issueToken } from './tokens';

export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface CreatedInvite {
  code: string;
  employeeId: string;
  expiresAt: number;
}

/** Creates the person (state: invited) and a single-use code; only the code's hash is kept. */
export async function createInvite(db: Kysely<DB>, now: Clock, name: string, role: Role): Promise<CreatedInvite> {
  const [invite] = await createInvites(db, now, [{ name, role }]);
  return invite!;
}

/**
 * Invites many people at once (a CSV paste), all or none: one transaction, so a failure part-way leaves
 * nobody half-invited. Codes are returned in the order given.
 */
export async function createInvites(
  db: Kysely<DB>,
  now: Clock,
  people: readonly { name: string; role: Role }[],
): Promise<CreatedInvite[]> {
  const at = now();
  const expiresAt = at + INVITE_TTL_MS;
  const created = people.map((person) => ({ ...person, employeeId: uuidv7(), code: newInviteCode() }));
  await db.transaction().execute(async (trx) => {
    // Chunked to stay under SQLite's bound-parameter limit whatever the batch size.
    for (let i = 0; i < created.length; i += 100) {
      const chunk = created.slice(i, i + 100);
      await trx
        .insertInto('employees')
        .values(
          chunk.map((p) => ({
            id: p.employeeId,
            name: p.name,
            role: p.role,
            active: 1,
            audience_linkedin: null,
            audience_x: null,
            created_at: at,
            activated_at: null,
            email: null,
            sso_issuer: null,
            sso_subject: null,
          })),
        )
        .execute();
      await trx
        .insertInto('invites')
        .values(
          chunk.map((p) => ({
            code_hash: sha256(normaliseInviteCode(p.code)),
            employee_id: p.employeeId,
            created_at: at,
            expires_at: expiresAt,
            redeemed_at: null,
          })),
        )
        .execute();
    }
  });
  return created.map(({ code, employeeId }) => ({ code, employeeId, expiresAt }));
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
    const token = await issueToken(trx, employee.id, at);
    return { token, employee: { id: employee.id, name: employee.name, role: employee.role } };
  });
}

/**
 * Another invite code for someone already in People (a new laptop, a second browser): no second person is
 * made, and codes given earlier stay valid until used or expired (two browsers may need two codes).
 * 'missing' for an unknown id, 'deactivated' for someone switched off (their code could not be redeemed).
 */
export async function createInviteFor(
  db: Kysely<DB>,
  now: Clock,
  employeeId: string,
): Promise<{ code: string; expiresAt: number } | 'missing' | 'deactivated'> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const employee = await trx.selectFrom('employees').select('active').where('id', '=', employeeId).executeTakeFirst();
    if (!employee) return 'missing';
    if (employee.active !== 1) return 'deactivated';
    const code = newInviteCode();
    const expiresAt = at + INVITE_TTL_MS;
    await trx
      .insertInto('invites')
      .values({
        code_hash: sha256(normaliseInviteCode(code)),
        employee_id: employeeId,
        created_at: at,
        expires_at: expiresAt,
        redeemed_at: null,
      })
      .execute();
    return { code, expiresAt };
  });
}
