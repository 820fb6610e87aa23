import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect';
import { SESSION_SEQ } from '../meta-keys';
import { DAILY_TABLES, sqliteClickIn } from './0006_analytics_rollups';
import { dropTables } from './tables';

/** What lets several instances share one database: clicks counted once across them, shared secrets, session changes. */
export const clicksForSeveralInstances: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = dialectOf(db) === 'postgres';
    // Which visitors (a keyed hash of link, address and agent, never those themselves) were counted when:
    // every instance checks a click against it as it writes, so a visitor counts once an hour per link
    // across instances. An integer key keeps the table small and its pages few; rows older than the hour
    // are swept (server/links/click-buffer.ts).
    await db.schema
      .createTable('click_visitors')
      .addColumn('visitor', postgres ? 'bigint' : 'integer', (c) => c.primaryKey())
      .addColumn('counted_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('click_visitors_counted_at').on('click_visitors').column('counted_at').execute();
    // Secrets every instance must share (the key of the visitor hash), each made by the first instance that
    // needs it, not here: a database copied from a migrated template must not inherit another's key.
    await db.schema
      .createTable('secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    // Moves when a session ends or a person's role or active flag changes: other instances drop their cached tokens.
    await db
      .insertInto('meta' as never)
      .values({ key: SESSION_SEQ, value: 0 } as never)
      .execute();
    // The click writer adds a batch's daily totals in one upsert per table: one trigger run per click
    // cost more than writing the click. Deleting clicks still goes through the triggers.
    for (const [table] of DAILY_TABLES) {
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_click_in`)}${sql.raw(postgres ? ' ON clicks' : '')}`.execute(
        db,
      );
    }
    // Nothing reads clicks by item alone (reports go through the rollups and the time index).
    await db.schema.dropIndex('clicks_item').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    // Back to one trigger run per inserted click on SQLite; PostgreSQL's are left as they are.
    if (dialectOf(db) === 'sqlite') {
      for (const [table, key] of DAILY_TABLES) await sqliteClickIn(db, table, key);
    }
    await db.schema.createIndex('clicks_item').on('clicks').column('item_id').execute();
    await db
      .deleteFrom('meta' as never)
      .where('key' as never, '=', SESSION_SEQ as never)
      .execute();
    await dropTables(db, ['secrets', 'click_visitors']);
  },
};
