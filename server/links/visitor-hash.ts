import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { VISITOR_KEY } from '../db/migrations';
import type { DB } from '../db/schema';

/** A visitor of a link as stored: never the address or agent themselves. */
export type VisitorHash = (code: string, ip: string, userAgent: string) => string;

/**
 * HMAC-SHA-256 of link, address and agent, with a key kept in the database so every instance names a
 * visitor alike. Keyed, so a stored hash cannot be checked against guessed addresses without the key;
 * 128 bits of it are plenty to tell the visitors of one link apart.
 */
export async function visitorHashFrom(db: Kysely<DB>): Promise<VisitorHash> {
  const row = await db
    .withTables<{ secrets: { name: string; value: string } }>()
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', VISITOR_KEY)
    .executeTakeFirstOrThrow();
  const key = Buffer.from(row.value, 'base64url');
  // Header values cannot hold a newline, so the joined string is unambiguous.
  return (code, ip, userAgent) => createHmac('sha256', key).update(`${code}\n${ip}\n${userAgent}`).digest().subarray(0, 16).toString('base64url');
}
