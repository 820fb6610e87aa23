import { Migrator, type Kysely, type Migration, type MigrationProvider, type NoMigrations } from 'kysely';
import { initial } from './0001_initial';
import { siteProfiles } from './0002_site_profiles';
import { suggestions } from './0003_suggestions';
import { policy } from './0004_policy';
import { analyticsIndexes } from './0005_analytics_indexes';
import { analyticsRollups } from './0006_analytics_rollups';
import { taxonomy } from './0007_taxonomy';
import { analyticsRunningTotals } from './0008_analytics_running_totals';
import { sessionsAndSingleSignOn } from './0009_sessions_and_single_sign_on';
import { clicksForSeveralInstances } from './0010_clicks_for_several_instances';
import { dailyEmployeeFiguresInDayOrder } from './0011_daily_employee_figures_in_day_order';
import { sharesRollupsPerBatch } from './0012_shares_rollups_per_batch';

/**
 * Every migration, in the order they run, under the name databases record once it has run (Kysely's migration
 * table): a name never changes. Never edit a migration that has shipped: add the next. They live in code, not
 * files read at run time, so `tsx server/cli.ts` and the tests need no path lookups. Where the SQL differs, a
 * migration asks dialectOf(db) and says the same thing in each database's words.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_site_profiles': siteProfiles,
  '0003_suggestions': suggestions,
  '0004_policy': policy,
  '0005_analytics_indexes': analyticsIndexes,
  '0006_analytics_rollups': analyticsRollups,
  '0007_taxonomy': taxonomy,
  '0008_analytics_running_totals': analyticsRunningTotals,
  '0009_sessions_and_single_sign_on': sessionsAndSingleSignOn,
  '0010_clicks_for_several_instances': clicksForSeveralInstances,
  '0011_daily_employee_figures_in_day_order': dailyEmployeeFiguresInDayOrder,
  '0012_shares_rollups_per_batch': sharesRollupsPerBatch,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's error so start-up stops loudly. */
export function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/**
 * Brings the schema up (or down) to `name` and no further (NO_MIGRATIONS: everything undone): tests write rows
 * the way an older release did and then check what a later migration's backfill makes of them; the analytics
 * bench seeds its raw rows this way and lets the rollups' own backfill summarise them.
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

async function migrate(
  db: Kysely<unknown>,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
