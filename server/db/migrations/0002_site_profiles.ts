import { type Kysely, type Migration } from 'kysely';
import { dropTables } from './tables';

/** Composer selectors as data, published by curators (server/site-profiles); one row per version. */
export const siteProfiles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('site_profiles')
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_profiles_pk', ['network', 'version'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['site_profiles']);
  },
};
