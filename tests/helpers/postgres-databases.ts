import pg from 'pg';

/** The database every test database is copied from: Relay's schema, migrated, no rows. */
export const MIGRATED_TEMPLATE = 'relay_migrated';
/** PostgreSQL's own empty template, for tests that run the migrations themselves. */
export const EMPTY_TEMPLATE = 'template0';

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Admin {
  client: pg.Client;
  /**
   * FILE_COPY: for a database this small, copying its files beats writing them to the WAL (PostgreSQL 15's
   * default). Older servers know only the file copy and not the option.
   */
  strategy: string;
}

let admin: Promise<Admin> | undefined;
let created = 0;

/** This worker's connection to the maintenance database; it never holds the process open. */
function adminClient(serverUrl: string): Promise<Admin> {
  return (admin ??= (async () => {
    const client = new pg.Client(serverUrl);
    await client.connect();
    // A lost maintenance connection is made again on the next use.
    client.on('error', () => (admin = undefined));
    (client as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    const version = Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num);
    return { client, strategy: version >= 150000 ? 'STRATEGY FILE_COPY' : '' };
  })());
}

/**
 * A new database copied from `template`; resolves with its URL and a function that drops it. A file copy of
 * a template is the fastest private database there is (about 25 ms; running the migrations takes 250 ms).
 */
export async function createTestDatabase(serverUrl: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { client, strategy } = await adminClient(serverUrl);
  const name = `relay_test_${process.pid}_${++created}_${Date.now().toString(36)}`;
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${template} ${strategy}`);
  let dropped = false;
  return {
    url: databaseUrl(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE: a test that failed half-way may have left a connection open.
      await (await adminClient(serverUrl)).client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
