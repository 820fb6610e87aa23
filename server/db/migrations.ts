import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type NoMigrations } from 'kysely';
import { dialectOf } from './dialect';
import { dropTriggerFunctions, postgresRollups, postgresRunningTotals } from './postgres-triggers';

/** The key of the global change sequence in `meta`. */
export const CHANGE_SEQ = 'change_seq';
/** The key in `meta` that moves whenever cached sessions must be read again (sign-out, deactivation, role change). */
export const SESSION_SEQ = 'session_seq';

// Migrations live in code (not files on disk) so `tsx server/cli.ts` and the tests need no path lookups.
// Never edit one that has shipped: add the next. Where the SQL differs, a migration asks dialectOf(db) and
// says the same thing in each database's words (server/db/postgres-triggers.ts has PostgreSQL's triggers).
const migrations: Record<string, Migration> = {
  '0001_initial': {
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
      await db.insertInto('meta' as never).values({ key: CHANGE_SEQ, value: 0 } as never).execute();

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
        .addColumn('id', dialectOf(db) === 'postgres' ? 'bigint' : 'integer',
          (c) => (dialectOf(db) === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
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
      for (const table of ['clicks', 'shares', 'links', 'meta', 'captions', 'items', 'tokens', 'invites', 'employees']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
  '0002_site_profiles': {
    async up(db: Kysely<unknown>) {
      // Composer selectors as data, published by curators (server/site-profiles); one row per version.
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
      await db.schema.dropTable('site_profiles').ifExists().execute();
    },
  },
  '0003_suggestions': {
    async up(db: Kysely<unknown>) {
      // Pages employees propose to the curators (server/suggestions).
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
      await db.schema.createIndex('suggestions_status_time').on('suggestions').columns(['status', 'created_at', 'id']).execute();
      // One open suggestion per employee and URL: a repeated suggestion answers the existing one.
      await sql`CREATE UNIQUE INDEX suggestions_open_per_employee ON suggestions (employee_id, url) WHERE status = 'open'`.execute(db);
      await db.schema.createIndex('suggestions_employee').on('suggestions').columns(['employee_id', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('suggestions').ifExists().execute();
    },
  },
  '0004_policy': {
    async up(db: Kysely<unknown>) {
      // Every version of the social-media policy (server/policy); the highest version is in force.
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
      await db.schema.dropTable('policies').ifExists().execute();
    },
  },
  '0005_analytics_indexes': {
    async up(db: Kysely<unknown>) {
      // Analytics read every share and click of a period: with these covering indexes a report is one
      // range scan of an index, never a lookup into the table per row.
      await db.schema.createIndex('shares_time_covering').on('shares')
        .columns(['shared_at', 'employee_id', 'item_id', 'network', 'audience']).execute();
      await db.schema.createIndex('clicks_time_covering').on('clicks')
        .columns(['clicked_at', 'employee_id', 'item_id', 'network']).execute();
      // The covering ones start with the same column, so the narrow ones only cost writes now.
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
  },
  '0006_analytics_rollups': {
    async up(db: Kysely<unknown>) {
      if (dialectOf(db) === 'postgres') return postgresRollups(db);
      // Daily totals per network, item and employee, kept by triggers as shares and clicks are written,
      // so a report over a month reads thousands of rows instead of hundreds of thousands. Reports add
      // the raw rows of the partial days at a period's edges (server/analytics/figures.ts).
      for (const [table, key] of [['daily_network_figures', 'network'], ['daily_item_figures', 'item_id'], ['daily_employee_figures', 'employee_id']] as const) {
        await sql`CREATE TABLE ${sql.raw(table)} (
          day INTEGER NOT NULL, ${sql.raw(key)} TEXT NOT NULL,
          shares INTEGER NOT NULL DEFAULT 0, reach INTEGER NOT NULL DEFAULT 0, clicks INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, ${sql.raw(key)})
        ) WITHOUT ROWID`.execute(db);
        const day = (column: string) => sql.raw(`${column} / 86400000`);
        await sql`CREATE TRIGGER ${sql.raw(`${table}_share_in`)} AFTER INSERT ON shares BEGIN
          INSERT INTO ${sql.raw(table)} (day, ${sql.raw(key)}, shares, reach) VALUES (${day('NEW.shared_at')}, NEW.${sql.raw(key)}, 1, NEW.audience)
          ON CONFLICT (day, ${sql.raw(key)}) DO UPDATE SET shares = shares + 1, reach = reach + excluded.reach;
        END`.execute(db);
        await sql`CREATE TRIGGER ${sql.raw(`${table}_share_out`)} AFTER DELETE ON shares BEGIN
          UPDATE ${sql.raw(table)} SET shares = shares - 1, reach = reach - OLD.audience
          WHERE day = ${day('OLD.shared_at')} AND ${sql.raw(key)} = OLD.${sql.raw(key)};
        END`.execute(db);
        await sql`CREATE TRIGGER ${sql.raw(`${table}_click_in`)} AFTER INSERT ON clicks BEGIN
          INSERT INTO ${sql.raw(table)} (day, ${sql.raw(key)}, clicks) VALUES (${day('NEW.clicked_at')}, NEW.${sql.raw(key)}, 1)
          ON CONFLICT (day, ${sql.raw(key)}) DO UPDATE SET clicks = clicks + 1;
        END`.execute(db);
        await sql`CREATE TRIGGER ${sql.raw(`${table}_click_out`)} AFTER DELETE ON clicks BEGIN
          UPDATE ${sql.raw(table)} SET clicks = clicks - 1
          WHERE day = ${day('OLD.clicked_at')} AND ${sql.raw(key)} = OLD.${sql.raw(key)};
        END`.execute(db);
        // What was written before this migration.
        await sql`INSERT INTO ${sql.raw(table)} (day, ${sql.raw(key)}, shares, reach, clicks)
          SELECT day, k, SUM(s), SUM(r), SUM(c) FROM (
            SELECT ${day('shared_at')} AS day, ${sql.raw(key)} AS k, 1 AS s, audience AS r, 0 AS c FROM shares
            UNION ALL SELECT ${day('clicked_at')}, ${sql.raw(key)}, 0, 0, 1 FROM clicks
          ) AS activity GROUP BY day, k`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['daily_network_figures', 'daily_item_figures', 'daily_employee_figures']) {
        const triggers = ['share_in', 'share_out', 'click_in', 'click_out'].map((suffix) => `${table}_${suffix}`);
        if (dialectOf(db) === 'postgres') await dropTriggerFunctions(db, triggers);
        else for (const trigger of triggers) await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
  '0007_taxonomy': {
    async up(db: Kysely<unknown>) {
      // The curators' managed lists of topics and campaigns (server/taxonomy).
      await sql`CREATE TABLE taxonomy (
        kind TEXT NOT NULL CHECK (kind IN ('topic', 'campaign')),
        name TEXT NOT NULL,
        PRIMARY KEY (kind, name)
      ) ${sql.raw(dialectOf(db) === 'sqlite' ? 'WITHOUT ROWID' : '')}`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('taxonomy').ifExists().execute();
    },
  },
  '0008_analytics_running_totals': {
    async up(db: Kysely<unknown>) {
      if (dialectOf(db) === 'postgres') return postgresRunningTotals(db);
      // Running totals per employee and per item: for each day with activity, everything from the first
      // share up to the end of that day. Any period of whole days is then the latest row before its end
      // minus the latest row before its start: two lookups per person or item, however long the period
      // (a day-by-day sum over 180 days read a million rows for 10,000 people). They are kept from the
      // daily totals of 0006 by triggers on those tables, so days are bucketed in one place only.
      for (const [table, daily, key] of [
        ['running_employee_figures', 'daily_employee_figures', 'employee_id'],
        ['running_item_figures', 'daily_item_figures', 'item_id'],
      ] as const) {
        const [t, d, k] = [sql.raw(table), sql.raw(daily), sql.raw(key)];
        await sql`CREATE TABLE ${t} (
          ${k} TEXT NOT NULL, day INTEGER NOT NULL,
          shares INTEGER NOT NULL, reach INTEGER NOT NULL, clicks INTEGER NOT NULL,
          PRIMARY KEY (${k}, day)
        ) WITHOUT ROWID`.execute(db);
        await sql`INSERT INTO ${t} (${k}, day, shares, reach, clicks)
          SELECT ${k}, day, SUM(shares) OVER w, SUM(reach) OVER w, SUM(clicks) OVER w FROM ${d}
          WINDOW w AS (PARTITION BY ${k} ORDER BY day ROWS UNBOUNDED PRECEDING)`.execute(db);
        // A daily row is created once, on a day's first share or click (they are never deleted): its
        // running row starts from the latest earlier one, and every later day moves by the same amount
        // (shares recorded late, from an outbox that was offline for days).
        await sql`CREATE TRIGGER ${sql.raw(`${table}_day_in`)} AFTER INSERT ON ${d} BEGIN
          INSERT INTO ${t} (${k}, day, shares, reach, clicks)
            SELECT NEW.${k}, NEW.day, IFNULL(p.shares, 0) + NEW.shares, IFNULL(p.reach, 0) + NEW.reach, IFNULL(p.clicks, 0) + NEW.clicks
            FROM (SELECT 1) LEFT JOIN (
              SELECT shares, reach, clicks FROM ${t} WHERE ${k} = NEW.${k} AND day < NEW.day ORDER BY day DESC LIMIT 1
            ) AS p ON 1;
          UPDATE ${t} SET shares = shares + NEW.shares, reach = reach + NEW.reach, clicks = clicks + NEW.clicks
            WHERE ${k} = NEW.${k} AND day > NEW.day;
        END`.execute(db);
        await sql`CREATE TRIGGER ${sql.raw(`${table}_day_change`)} AFTER UPDATE OF shares, reach, clicks ON ${d} BEGIN
          UPDATE ${t} SET shares = shares + NEW.shares - OLD.shares, reach = reach + NEW.reach - OLD.reach,
            clicks = clicks + NEW.clicks - OLD.clicks
            WHERE ${k} = NEW.${k} AND day >= NEW.day;
        END`.execute(db);
      }

      // How many different people shared in each ISO week (week n starts on Monday, day 7n - 3), for the
      // participation report. A person starts or stops counting in a week when their daily shares go from
      // none to some (or back) on a day while the week's other days have none: seven key lookups.
      await sql`CREATE TABLE weekly_sharers (week INTEGER PRIMARY KEY, sharers INTEGER NOT NULL)`.execute(db);
      await sql`INSERT INTO weekly_sharers (week, sharers)
        SELECT (day + 3) / 7 AS week, COUNT(DISTINCT employee_id) FROM daily_employee_figures WHERE shares > 0 GROUP BY week`.execute(db);
      const othersInWeek = sql`NOT EXISTS (SELECT 1 FROM daily_employee_figures o
        WHERE o.employee_id = NEW.employee_id AND o.shares > 0 AND o.day <> NEW.day
          AND o.day IN (${sql.join([0, 1, 2, 3, 4, 5, 6].map((i) => sql.raw(`(NEW.day + 3) / 7 * 7 - 3 + ${i}`)))}))`;
      await sql`CREATE TRIGGER weekly_sharers_day_in AFTER INSERT ON daily_employee_figures WHEN NEW.shares > 0 BEGIN
        INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, 1 WHERE ${othersInWeek}
          ON CONFLICT (week) DO UPDATE SET sharers = sharers + 1;
      END`.execute(db);
      await sql`CREATE TRIGGER weekly_sharers_day_change AFTER UPDATE OF shares ON daily_employee_figures
        WHEN (OLD.shares > 0) <> (NEW.shares > 0) BEGIN
        INSERT INTO weekly_sharers (week, sharers) SELECT (NEW.day + 3) / 7, CASE WHEN NEW.shares > 0 THEN 1 ELSE -1 END WHERE ${othersInWeek}
          ON CONFLICT (week) DO UPDATE SET sharers = sharers + excluded.sharers;
      END`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      const triggers = ['running_employee_figures_day_in', 'running_employee_figures_day_change', 'running_item_figures_day_in',
        'running_item_figures_day_change', 'weekly_sharers_day_in', 'weekly_sharers_day_change'];
      if (dialectOf(db) === 'postgres') await dropTriggerFunctions(db, triggers);
      else for (const trigger of triggers) await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
      for (const table of ['running_employee_figures', 'running_item_figures', 'weekly_sharers']) await db.schema.dropTable(table).ifExists().execute();
    },
  },
  '0009_sessions_and_single_sign_on': {
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
      await db.schema.createIndex('employees_sso').on('employees').columns(['sso_issuer', 'sso_subject']).unique().execute();
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
      await db.schema.dropTable('sso_handoffs').ifExists().execute();
      await db.schema.dropTable('sso_logins').ifExists().execute();
      await db.schema.dropIndex('employees_sso').ifExists().execute();
      for (const column of ['sso_subject', 'sso_issuer', 'email']) await db.schema.alterTable('employees').dropColumn(column).execute();
      await db.schema.alterTable('tokens').dropColumn('last_used_at').execute();
    },
  },
  '0010_clicks_for_several_instances': {
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
      await db.insertInto('meta' as never).values({ key: SESSION_SEQ, value: 0 } as never).execute();
      // The click writer adds a batch's daily totals in one upsert per table: one trigger run per click
      // cost more than writing the click. Deleting clicks still goes through the triggers.
      for (const table of ['daily_network_figures', 'daily_item_figures', 'daily_employee_figures']) {
        await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_click_in`)}${sql.raw(postgres ? ' ON clicks' : '')}`.execute(db);
      }
      // Nothing reads clicks by item alone (reports go through the rollups and the time index).
      await db.schema.dropIndex('clicks_item').ifExists().execute();
    },
    async down(db: Kysely<unknown>) {
      // Back to one trigger run per inserted click, as 0006 made them (SQLite; PostgreSQL's are its own).
      if (dialectOf(db) === 'sqlite') {
        for (const [table, key] of [['daily_network_figures', 'network'], ['daily_item_figures', 'item_id'], ['daily_employee_figures', 'employee_id']] as const) {
          await sql`CREATE TRIGGER ${sql.raw(`${table}_click_in`)} AFTER INSERT ON clicks BEGIN
            INSERT INTO ${sql.raw(table)} (day, ${sql.raw(key)}, clicks) VALUES (NEW.clicked_at / 86400000, NEW.${sql.raw(key)}, 1)
            ON CONFLICT (day, ${sql.raw(key)}) DO UPDATE SET clicks = clicks + 1;
          END`.execute(db);
        }
      }
      await db.schema.createIndex('clicks_item').on('clicks').column('item_id').execute();
      await db.deleteFrom('meta' as never).where('key' as never, '=', SESSION_SEQ as never).execute();
      await db.schema.dropTable('secrets').ifExists().execute();
      await db.schema.dropTable('click_visitors').ifExists().execute();
    },
  },
  '0011_daily_employee_figures_in_day_order': {
    async up(db: Kysely<unknown>) {
      // PostgreSQL keeps rows where they were written, and the backfill of 0006 wrote the daily totals per
      // person in its grouping's order: the rows of one week (adoption's active people, participation's
      // clipped weeks) then lay on every page of the table, 10,000 pages for 40,000 rows. Rewritten once in
      // day order they fill a few hundred; later rows arrive day by day and keep that order. SQLite stores
      // the table in its key's order already.
      if (dialectOf(db) === 'postgres') await sql`CLUSTER daily_employee_figures USING daily_employee_figures_pkey`.execute(db);
    },
    async down() {
      // Only where the rows lie changed: nothing to undo.
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's error so start-up stops loudly. */
export function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/**
 * Brings the schema up (or down) to `name` and no further (NO_MIGRATIONS: everything undone): tests write rows the way an older release did and then
 * check what a later migration's backfill makes of them; the analytics bench seeds its raw rows this way
 * and lets the rollups' own backfill summarise them.
 */
export function migrateTo(db: Kysely<unknown>, name: string | NoMigrations): Promise<string[]> {
  if (typeof name === 'string' && !(name in migrations)) throw new Error(`no migration named ${String(name)}`);
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

/** Names of the migrations this release has that the database has not run yet (empty: the schema is current). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const all = await new Migrator({ db, provider }).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

async function migrate(db: Kysely<unknown>, run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

