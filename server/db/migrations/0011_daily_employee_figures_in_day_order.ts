import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * PostgreSQL keeps rows where they were written, and the backfill of 0006 wrote the daily totals per person in
 * its grouping's order: the rows of one week (adoption's active people, participation's clipped weeks) then lay
 * on every page of the table, 10,000 pages for 40,000 rows. Rewritten once in day order they fill a few
 * hundred; later rows arrive day by day and keep that order. SQLite stores the table in its key's order already.
 */
export const dailyEmployeeFiguresInDayOrder: Migration = {
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) === 'postgres')
      await sql`CLUSTER daily_employee_figures USING daily_employee_figures_pkey`.execute(db);
  },
  async down() {
    // Only where the rows lie changed: nothing to undo.
  },
};
