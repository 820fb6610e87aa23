import { sql, type Kysely, type Migration } from 'kysely';
import { dropTables, withoutRowid } from './tables';

/** The curators' managed lists of topics and campaigns (server/taxonomy). */
export const taxonomy: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE taxonomy (
      kind TEXT NOT NULL CHECK (kind IN ('topic', 'campaign')),
      name TEXT NOT NULL,
      PRIMARY KEY (kind, name)
    )${withoutRowid(db)}`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['taxonomy']);
  },
};
