import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { problems } from '../http/problem';
import type { AppEnv } from './principal';
import type { TokenCache } from './token-cache';

/** Ends one session: its token stops working at once here and within seconds on other instances. */
export async function endSession(db: Kysely<DB>, tokens: TokenCache, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom('tokens').where('token_hash', '=', tokenHash).executeTakeFirst();
  await tokens.forgetToken(tokenHash);
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of a person (signed out everywhere, or deactivated); returns how many there were. */
export async function endSessionsOf(db: Kysely<DB>, tokens: TokenCache, employeeId: string): Promise<number> {
  const result = await db.deleteFrom('tokens').where('employee_id', '=', employeeId).executeTakeFirst();
  await tokens.forgetEmployee(employeeId);
  return Number(result.numDeletedRows);
}

/** POST /v1/auth/sign-out: the extension ends its own session (Disconnect). Bearer required. */
export function signOutRoutes(db: Kysely<DB>, tokens: TokenCache) {
  return new Hono<AppEnv>().post('/v1/auth/sign-out', async (c) => {
    if (c.get('principal').employeeId === null) {
      throw problems.forbidden(
        "The bootstrap admin token comes from the server's configuration (RELAY_ADMIN_TOKEN); change it there to revoke it",
      );
    }
    await endSession(db, tokens, c.get('tokenHash'));
    return c.body(null, 204);
  });
}
