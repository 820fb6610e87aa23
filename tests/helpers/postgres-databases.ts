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
  /** Runs one statement; the connection holds the process open only while one is running. */
  query(text: string): Promise<pg.QueryResult>;
  /**
   * FILE_COPY: for a database this small, copying its files beats writing them to the WAL (PostgreSQL 15's
   * default). Older servers know only the file copy and not the option.
   */
  strategy: string;
}

/**
 * Creating and dropping have a connection each: a drop waits for the dropped database's last backends to
 * exit (PostgreSQL polls every 100 ms), and a create queued behind it would wait too.
 */
const admins = new Map<'create' | 'drop', Promise<Admin>>();
let created = 0;

/** This worker's connection to the maintenance database for `purpose`; it never holds the process open. */
function adminClient(serverUrl: string, purpose: 'create' | 'drop'): Promise<Admin> {
  let admin = admins.get(purpose);
  if (admin) return admin;
  admin = (async () => {
    const client = new pg.Client(serverUrl);
    await client.connect();
    // A lost maintenance connection is made again on the next use.
    client.on('error', () => admins.delete(purpose));
    const socket = (client as unknown as { connection: { stream: { ref(): void; unref(): void } } }).connection.stream;
    socket.unref();
    let running = 0;
    const query = async (text: string) => {
      if (running++ === 0) socket.ref();
      try {
        return await client.query(text);
      } finally {
        if (--running === 0) socket.unref();
      }
    };
    const version = Number((await query('SHOW server_version_num')).rows[0].server_version_num);
    return { query, strategy: version >= 150000 ? 'STRATEGY FILE_COPY' : '' };
  })();
  admins.set(purpose, admin);
  return admin;
}

/**
 * A new database copied from `template`; resolves with its URL and a function that drops it. A file copy of
 * a template is the fastest private database there is (25–70 ms; running the migrations takes 250 ms).
 */
export async function createTestDatabase(
  serverUrl: string,
  template: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const { query, strategy } = await adminClient(serverUrl, 'create');
  const name = `relay_test_${process.pid}_${++created}_${Date.now().toString(36)}`;
  await query(`CREATE DATABASE ${name} TEMPLATE ${template} ${strategy}`);
  let dropped = false;
  return {
    url: databaseUrl(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE: a test that failed half-way may have left a connection open.
      await (await adminClient(serverUrl, 'drop')).query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * SQL that takes a database copied from `templateUrl` back to the template's state after a test: every row
 * deleted (triggers and foreign keys off: superuser's replica mode), identities restarted, and the rows the
 * migrations wrote put back. Milliseconds, against tens for a new database and its first connection.
 */
export async function resetScript(templateUrl: string): Promise<string> {
  const client = new pg.Client(templateUrl);
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely\\_%' ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const sequences = (
      await client.query<{ name: string }>(
        `SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public'`,
      )
    ).rows.map((r) => r.name);
    const {
      rows: [applied],
    } = await client.query<{ n: string }>('SELECT COUNT(*)::text AS n FROM kysely_migration');
    const refills: string[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ rows: string | null }>(
        `SELECT json_agg(t)::text AS rows FROM ${table} AS t`,
      );
      const json = rows[0]?.rows;
      if (json)
        refills.push(
          `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, ${quoteLiteral(json)});`,
        );
    }
    return [
      'BEGIN;',
      // A test that took a migration back (and not forward again) leaves a schema that is not the template's.
      `DO $$ BEGIN IF (SELECT COUNT(*) FROM kysely_migration) <> ${Number(applied!.n)} THEN RAISE EXCEPTION 'not the template schema'; END IF; END $$;`,
      'SET LOCAL session_replication_role = replica;',
      ...tables.map((t) => `DELETE FROM ${t};`),
      ...sequences.map((q) => `ALTER SEQUENCE ${q} RESTART;`),
      ...refills,
      'COMMIT;',
    ].join('\n');
  } finally {
    await client.end();
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
