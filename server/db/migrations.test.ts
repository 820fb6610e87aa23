import { NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase, TEST_DATABASE } from '../test-support';
import type { Database } from './database';
import { dialectOf } from './dialect';
import { migrations, migrateTo, migrateToLatest, pendingMigrations } from './migrations';

const opened: Database[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

async function fresh(migrated: boolean) {
  const database = await testDatabase({ migrated });
  opened.push(database);
  return { database, db: database.db as unknown as Kysely<unknown> };
}

/** Relay's tables, whichever database holds them. */
async function tables(db: Kysely<unknown>): Promise<string[]> {
  const found = await db.introspection.getTables();
  return found
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

/** The names databases have recorded as run (Kysely's migration table); Kysely refuses a database whose names are missing. */
const RECORDED_NAMES = [
  '0001_initial',
  '0002_site_profiles',
  '0003_suggestions',
  '0004_policy',
  '0005_analytics_indexes',
  '0006_analytics_rollups',
  '0007_taxonomy',
  '0008_analytics_running_totals',
  '0009_sessions_and_single_sign_on',
  '0010_clicks_for_several_instances',
  '0011_daily_employee_figures_in_day_order',
  '0012_shares_rollups_per_batch',
];

describe('the list of migrations', () => {
  it('keeps every name a database may have recorded, in the order Kysely runs them (by name)', () => {
    const names = Object.keys(migrations);
    expect(names.slice(0, RECORDED_NAMES.length)).toEqual(RECORDED_NAMES);
    expect(names).toEqual([...names].sort());
  });
});

describe(`migrations on ${TEST_DATABASE}`, () => {
  it('run up from nothing, all the way down, and up again to the same tables', async () => {
    const { database, db } = await fresh(false);
    expect(database.dialect).toBe(TEST_DATABASE);
    expect(dialectOf(db)).toBe(TEST_DATABASE);
    expect(await tables(db)).toEqual([]);
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(Object.keys(migrations));
    expect(await pendingMigrations(db)).toEqual([]);
    const schema = await tables(db);
    expect(schema).toEqual(
      expect.arrayContaining([
        'clicks',
        'daily_employee_figures',
        'running_item_figures',
        'taxonomy',
        'weekly_sharers',
      ]),
    );

    await migrateTo(db, NO_MIGRATIONS);
    expect(await tables(db)).toEqual([]);
    await migrateToLatest(db);
    expect(await tables(db)).toEqual(schema);
  });

  it('counts and sums come back as numbers, and lower() folds every script', async () => {
    const { database } = await fresh(true);
    const { db } = database;
    await db
      .insertInto('employees')
      .values([
        {
          id: 'e1',
          name: 'АННА Петрова',
          role: 'employee',
          active: 1,
          created_at: 1_790_000_000_000,
          activated_at: null,
          email: null,
          sso_issuer: null,
          sso_subject: null,
        },
        {
          id: 'e2',
          name: 'Ökan',
          role: 'admin',
          active: 1,
          created_at: 1_790_000_000_001,
          activated_at: null,
          email: null,
          sso_issuer: null,
          sso_subject: null,
        },
      ])
      .execute();
    const { rows } = await sql<{ n: number; total: number; latest: number; folded: string }>`
      SELECT COUNT(*) AS n, SUM(created_at) AS total, MAX(created_at) AS latest, MAX(lower(name)) AS folded FROM employees`.execute(
      db,
    );
    expect(rows[0]).toEqual({ n: 2, total: 3_580_000_000_001, latest: 1_790_000_000_001, folded: 'анна петрова' });
    // Text sorts by code point on both (the test server's collation is C, as SQLite's BINARY).
    const names = await db
      .selectFrom('employees')
      .select((eb) => eb.fn<string>('lower', ['name']).as('n'))
      .orderBy('n')
      .execute();
    expect(names.map((r) => r.n)).toEqual(['ökan', 'анна петрова']);
  });
});
