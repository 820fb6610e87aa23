import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../db/schema';
import type { ProviderIdentity } from './oidc-client';

/**
 * The person this provider identity belongs to, created on the first sign-in (role employee) and brought up
 * to date with the provider's name and e-mail on every later one. Null when the person was deactivated.
 * People are matched on issuer + subject only, never on e-mail: an address can change hands or be
 * unverified, a subject cannot.
 */
export async function upsertPerson(db: Kysely<DB>, identity: ProviderIdentity, at: number): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    // Two first sign-ins at once: the unique index lets one insert win, and both read the same row below.
    await trx
      .insertInto('employees')
      .values({
        id: uuidv7(),
        name: identity.name,
        role: 'employee',
        active: 1,
        audience_linkedin: null,
        audience_x: null,
        created_at: at,
        activated_at: at,
        email: identity.email,
        sso_issuer: identity.issuer,
        sso_subject: identity.subject,
      })
      .onConflict((oc) => oc.columns(['sso_issuer', 'sso_subject']).doNothing())
      .execute();
    const person = await trx
      .selectFrom('employees')
      .select(['id', 'active', 'activated_at'])
      .where('sso_issuer', '=', identity.issuer)
      .where('sso_subject', '=', identity.subject)
      .executeTakeFirstOrThrow();
    if (person.active !== 1) return null;
    await trx
      .updateTable('employees')
      .set({
        name: identity.name,
        ...(identity.email ? { email: identity.email } : {}),
        activated_at: person.activated_at ?? at,
      })
      .where('id', '=', person.id)
      .execute();
    return person.id;
  });
}
