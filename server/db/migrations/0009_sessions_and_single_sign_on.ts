import { sql, type Kysely, type Migration } from 'kysely';
import { dropTables } from './tables';

/** Sessions that end when unused, and people who sign in through their organisation's identity provider. */
export const sessionsAndSingleSignOn: Migration = {
  async up(db: Kysely<unknown>) {
    // Sessions end: a token is refused once unused for the configured idle time (server/auth). Written at
    // most once an hour per token, so the hot paths stay free of writes.
    await db.schema.alterTable('tokens').addColumn('last_used_at', 'bigint').execute();
    await sql`UPDATE tokens SET last_used_at = created_at`.execute(db);
    // Single sign-on: a person is keyed by the provider (issuer) and its stable subject id; the e-mail
    // address is what curators see in People. Invite-only people have none of these.
    await db.schema.alterTable('employees').addColumn('email', 'text').execute();
    await db.schema.alterTable('employees').addColumn('sso_issuer', 'text').execute();
    await db.schema.alterTable('employees').addColumn('sso_subject', 'text').execute();
    await db.schema
      .createIndex('employees_sso')
      .on('employees')
      .columns(['sso_issuer', 'sso_subject'])
      .unique()
      .execute();
    // A sign-in in progress: what the callback needs to finish it, on whichever instance it arrives.
    await db.schema
      .createTable('sso_logins')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      // The extension's own PKCE challenge (S256): only the extension that started may collect the result.
      .addColumn('client_challenge', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    // A finished sign-in waiting for the extension to exchange it for a token: single use, short-lived.
    await db.schema
      .createTable('sso_handoffs')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
      .addColumn('client_challenge', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['sso_handoffs', 'sso_logins']);
    await db.schema.dropIndex('employees_sso').ifExists().execute();
    for (const column of ['sso_subject', 'sso_issuer', 'email'])
      await db.schema.alterTable('employees').dropColumn(column).execute();
    await db.schema.alterTable('tokens').dropColumn('last_used_at').execute();
  },
};
