import { type Kysely, type Migration } from 'kysely';
import { dropTables } from './tables';

/** Every version of the social-media policy (server/policy); the highest version is in force. */
export const policy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('policies')
      .addColumn('version', 'bigint', (c) => c.primaryKey())
      .addColumn('policy', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      // Null for the bootstrap admin token.
      .addColumn('updated_by', 'text')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['policies']);
  },
};
