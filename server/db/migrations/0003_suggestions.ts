import { sql, type Kysely, type Migration } from 'kysely';
import { dropTables } from './tables';

/** Pages employees propose to the curators (server/suggestions). */
export const suggestions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('suggestions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .addColumn('item_id', 'text', (c) => c.references('items.id'))
      .execute();
    // The curators' list: one status, newest first, paged by (created_at, id).
    await db.schema
      .createIndex('suggestions_status_time')
      .on('suggestions')
      .columns(['status', 'created_at', 'id'])
      .execute();
    // One open suggestion per employee and URL: a repeated suggestion answers the existing one.
    await sql`CREATE UNIQUE INDEX suggestions_open_per_employee ON suggestions (employee_id, url) WHERE status = 'open'`.execute(
      db,
    );
    await db.schema
      .createIndex('suggestions_employee')
      .on('suggestions')
      .columns(['employee_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['suggestions']);
  },
};
