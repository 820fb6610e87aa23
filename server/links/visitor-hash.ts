import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** The name in `secrets` of the key of the visitor hash. */
const VISITOR_KEY = 'visitor_key';

/** A visitor of a link as stored: a number, never the address or agent themselves. */
export type VisitorHash = (code: string, ip: string, userAgent: string) => number;

/**
 * HMAC-SHA-256 of link, address and agent, with a key kept in the database so every instance names a
 * visitor alike. Keyed, so a stored hash cannot be checked against guessed addresses without the key.
 * 53 bits of it (a safe integer in JavaScript): two of a million visitors in an hour share one with odds
 * of about 1 in 18,000, and then one click goes uncounted.
 */
export async function visitorHashFrom(db: Kysely<DB>): Promise<VisitorHash> {
  const secrets = db.withTables<{ secrets: { name: string; value: string } }>();
  // The first instance to need the key makes it; when two start at once, the second's insert does nothing
  // and both read the first's.
  await secrets
    .insertInto('secrets')
    .values({ name: VISITOR_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await secrets
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', VISITOR_KEY)
    .executeTakeFirstOrThrow();
  const key = Buffer.from(row.value, 'base64url');
  // Header values cannot hold a newline, so the joined string is unambiguous.
  return (code, ip, userAgent) => {
    const digest = createHmac('sha256', key).update(`${code}\n${ip}\n${userAgent}`).digest();
    return (digest.readUInt32BE(0) & 0x1f_ffff) * 2 ** 32 + digest.readUInt32BE(4);
  };
}
