import { type Kysely, type Migration } from 'kysely';

/**
 * Analytics read every share and click of a period: with these covering indexes a report is one range scan
 * of an index, never a lookup into the table per row.
 */
export const analyticsIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('shares_time_covering')
      .on('shares')
      .columns(['shared_at', 'employee_id', 'item_id', 'network', 'audience'])
      .execute();
    await db.schema
      .createIndex('clicks_time_covering')
      .on('clicks')
      .columns(['clicked_at', 'employee_id', 'item_id', 'network'])
      .execute();
    // The covering ones start with the same column, so the narrow ones would only cost writes.
    await db.schema.dropIndex('shares_time').execute();
    await db.schema.dropIndex('clicks_time').execute();
    await db.schema.createIndex('employees_activated_at').on('employees').column('activated_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('shares_time').on('shares').column('shared_at').execute();
    await db.schema.createIndex('clicks_time').on('clicks').column('clicked_at').execute();
    for (const index of ['shares_time_covering', 'clicks_time_covering', 'employees_activated_at']) {
      await db.schema.dropIndex(index).ifExists().execute();
    }
  },
};
