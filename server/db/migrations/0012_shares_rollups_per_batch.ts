import type { Kysely, Migration } from 'kysely';
import { DAILY_TABLES, shareIn } from './0006_analytics_rollups';
import { dropTriggers } from './triggers';

/**
 * The share recorder adds a batch's daily totals in one upsert per table (server/shares/write-shares.ts), as
 * the click writer does since 0010: on PostgreSQL one PL/pgSQL trigger run per inserted share cost several
 * times more than writing the share. Deleting shares still goes through the `*_share_out` triggers, and the
 * running totals and weekly sharers through the daily tables' own.
 */
export const sharesRollupsPerBatch: Migration = {
  async up(db: Kysely<unknown>) {
    await dropTriggers(
      db,
      DAILY_TABLES.map(([table]) => `${table}_share_in`),
    );
  },
  async down(db: Kysely<unknown>) {
    for (const [table, key] of DAILY_TABLES) await shareIn(db, table, key);
  },
};
