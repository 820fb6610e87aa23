import { type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect';
import { CHANGE_SEQ } from '../meta-keys';
import { dropTables } from './tables';

/** People, their invites and tokens, items and captions, tracked links, shares, clicks and the change sequence. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('employees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('audience_linkedin', 'integer')
      .addColumn('audience_x', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('activated_at', 'bigint')
      .execute();

    await db.schema
      .createTable('invites')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('redeemed_at', 'bigint')
      .execute();

    await db.schema
      .createTable('tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('tokens_employee').on('tokens').column('employee_id').execute();

    await db.schema
      .createTable('items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('image_url', 'text')
      .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('campaign', 'text')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('publish_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'bigint')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    // Queue deltas scan by version; the visible set and the ETag's time boundaries scan by date.
    await db.schema.createIndex('items_version').on('items').column('version').execute();
    await db.schema.createIndex('items_publish_at').on('items').column('publish_at').execute();
    await db.schema.createIndex('items_expires_at').on('items').column('expires_at').execute();

    await db.schema
      .createTable('captions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('captions_item').on('captions').columns(['item_id', 'position']).execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await db
      .insertInto('meta' as never)
      .values({ key: CHANGE_SEQ, value: 0 } as never)
      .execute();

    await db.schema
      .createTable('links')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('links_employee_item_network', ['employee_id', 'item_id', 'network'])
      .execute();

    await db.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('network', 'text', (c) => c.notNull())
      // No foreign key: captions are replaced when an item is edited, the share's history stays.
      .addColumn('caption_id', 'text')
      .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('shared_at', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('audience', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shares_employee_time').on('shares').columns(['employee_id', 'shared_at']).execute();
    await db.schema.createIndex('shares_time').on('shares').column('shared_at').execute();
    await db.schema.createIndex('shares_item').on('shares').column('item_id').execute();

    await db.schema
      .createTable('clicks')
      .addColumn('id', dialectOf(db) === 'postgres' ? 'bigint' : 'integer', (c) =>
        dialectOf(db) === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      )
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('clicked_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('clicks_employee_time').on('clicks').columns(['employee_id', 'clicked_at']).execute();
    await db.schema.createIndex('clicks_item').on('clicks').column('item_id').execute();
    await db.schema.createIndex('clicks_time').on('clicks').column('clicked_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await dropTables(db, ['clicks', 'shares', 'links', 'meta', 'captions', 'items', 'tokens', 'invites', 'employees']);
  },
};
