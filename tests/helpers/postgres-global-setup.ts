import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/database';
import { databaseUrl, MIGRATED_TEMPLATE, resetScript } from './postgres-databases';
import { startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the run's PostgreSQL server, for creating each test's own database. */
    postgresUrl: string;
    /** SQL that empties a copy of the migrated template again, for the next test (resetScript). */
    postgresReset: string;
  }
}

/**
 * One PostgreSQL server for the whole run, with Relay's schema migrated once into a template that every
 * test database is copied from. Stopped, and its folder deleted, when the run ends.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  let reset: string;
  try {
    const admin = new pg.Client(server.url);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${MIGRATED_TEMPLATE}`);
    } finally {
      await admin.end();
    }
    await (await openDatabase(databaseUrl(server.url, MIGRATED_TEMPLATE))).close();
    reset = await resetScript(databaseUrl(server.url, MIGRATED_TEMPLATE));
  } catch (error) {
    server.stop();
    throw error;
  }
  project.provide('postgresUrl', server.url);
  project.provide('postgresReset', reset);
  return () => server.stop();
}
