import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { newToken, sha256 } from './secrets';

/**
 * A new session for a person: a bearer token, of which only the hash is stored. Every way of signing in
 * (invite code, single sign-on) ends here, so sessions are made and counted the same way.
 */
export async function issueToken(db: Kysely<DB> | Transaction<DB>, employeeId: string, at: number): Promise<string> {
  const token = newToken();
  await db
    .insertInto('tokens')
    .values({ token_hash: sha256(token), employee_id: employeeId, created_at: at, last_used_at: at })
    .execute();
  return token;
}
