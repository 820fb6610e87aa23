import { parseArgs } from 'node:util';
import { Role } from '../lib/contract/common';
import { invitationLink } from '../lib/contract/invitation';
import { readFileSync } from 'node:fs';
import { createInvite, createInvites } from './auth/invites';
import { systemClock } from './clock';
import { ConfigError, defaultPublicUrl, loadConfig, type Config } from './config';
import { BackupError, backupDatabase } from './db/backup';
import { openDatabase, type Database } from './db/database';
import { describeDatabase, isPostgresUrl } from './db/dialect';
import { seedDemo } from './demo/seed';
import { parseEmployeeCsv } from './employees/csv';
import { startServer, stopOnSignals } from './main';

const USAGE = `Usage: tsx server/cli.ts <command>

Commands:
  serve                              migrate, then listen on HOST:PORT
  demo                               migrate, seed demo content if empty, print two invite codes, serve
  invite --name "Ana" --role employee|admin
                                     print a new single-use invite code (valid 14 days)
  invite --csv people.csv            invite one person per "name,role" line (- reads stdin): UTF-8,
                                     "," ";" or tab (detected), quotes, BOM and CRLF as Excel writes
                                     them; prints "name,role,code" lines; a bad line invites nobody (exit 2)
  seed-demo [--force]                add the demo items (only into an empty database unless --force)
  migrate                            bring the database schema up to date
  backup <file>                      write a consistent copy of the database to a new file, also while
                                     the server runs (SQLite's online backup; for PostgreSQL use pg_dump)

Environment: PORT (8787), HOST (127.0.0.1), RELAY_DB (./data/relay.db), DATABASE_URL (postgres://…,
PostgreSQL instead of RELAY_DB), RELAY_ADMIN_TOKEN,
RELAY_PUBLIC_URL (http://HOST:PORT), RELAY_CORS_ORIGINS (chrome-extension://*,moz-extension://*),
RELAY_TRUST_PROXY (0), RELAY_CLICK_FLUSH_MS (25), RELAY_SESSION_IDLE_DAYS (90), RELAY_MAX_SHARES_PER_DAY (50),
LOG_LEVEL (info), RELAY_OIDC_ISSUER, RELAY_OIDC_CLIENT_ID, RELAY_OIDC_CLIENT_SECRET; see the README.`;

async function serve(config: Config, database?: Database) {
  const running = await startServer(config, database);
  stopOnSignals(running);
  console.log(`Relay server listening on ${running.url}`);
}

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The same parsing and all-or-nothing transaction as POST /v1/admin/employees/batch. */
async function inviteCsv(config: Config, file: string): Promise<number> {
  const bytes = readFileSync(file === '-' ? 0 : file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    console.error('The file is not UTF-8 text: in Excel, save it as "CSV UTF-8". Nobody was invited.');
    return 2;
  }
  const { people, errors } = parseEmployeeCsv(text);
  if (errors.length) {
    for (const e of errors) console.error(`line ${e.line}: ${e.message}`);
    console.error('Nobody was invited.');
    return 2;
  }
  const invites = await withDatabase(config, (database) => createInvites(database.db, systemClock, people));
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  console.log('name,role,code');
  invites.forEach((invite, i) => console.log(`${quote(people[i]!.name)},${people[i]!.role},${invite.code}`));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case 'serve':
      await serve(config);
      return -1;

    case 'migrate':
      await withDatabase(config, async () => {});
      console.error(`Database ${describeDatabase(config.database)} is up to date`);
      return 0;

    case 'backup': {
      const target = rest[0];
      if (!target || rest.length > 1) {
        console.error('Usage: backup <file>   (a new file; the database is RELAY_DB)');
        return 2;
      }
      if (isPostgresUrl(config.database)) {
        console.error(
          'Relay: backup copies a SQLite database; this one is PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. pg_dump --format=custom --file=relay.dump "$DATABASE_URL"',
        );
        return 2;
      }
      try {
        const pages = await backupDatabase(config.dbFile, target);
        console.error(`Backed up ${config.dbFile} to ${target} (${pages} pages)`);
        return 0;
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        console.error(`Relay: ${error.message}`);
        return 2;
      }
    }

    case 'seed-demo': {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean', default: false } } });
      const added = await withDatabase(config, (database) =>
        seedDemo(database.db, systemClock, { force: values.force }),
      );
      console.error(
        added
          ? `Added ${added} demo items`
          : 'The database already has items; nothing added (use --force to add anyway)',
      );
      return 0;
    }

    case 'invite': {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, role: { type: 'string', default: 'employee' }, csv: { type: 'string' } },
      });
      if (values.csv !== undefined) return inviteCsv(config, values.csv);
      const role = Role.safeParse(values.role);
      const name = values.name?.trim();
      if (!name || !role.success) {
        console.error('Usage: invite --name "Ana" --role employee|admin');
        return 2;
      }
      const invite = await withDatabase(config, (database) => createInvite(database.db, systemClock, name, role.data));
      // stdout carries only the code, so scripts can capture it.
      console.log(invite.code);
      return 0;
    }

    case 'demo': {
      const database = await openDatabase(config.database);
      const added = await seedDemo(database.db, systemClock);
      if (added) console.log(`Seeded ${added} demo items.`);
      const admin = await createInvite(database.db, systemClock, 'Demo admin', 'admin');
      const employee = await createInvite(database.db, systemClock, 'Demo employee', 'employee');
      console.log('');
      // Port 0 is picked at listen time, so a link is printed only for a fixed port.
      const server = config.publicUrl ?? (config.port === 0 ? null : defaultPublicUrl(config.host, config.port));
      console.log("  Invite codes (single use, valid 14 days; enter one in the extension's settings page,");
      console.log('  or paste the whole invitation link there: it carries the server address too):');
      console.log(`    admin:     ${admin.code}${server ? `   ${invitationLink(server, admin.code)}` : ''}`);
      console.log(`    employee:  ${employee.code}${server ? `   ${invitationLink(server, employee.code)}` : ''}`);
      console.log('');
      console.log(
        'Extension built in .output/chrome-mv3 — load it at chrome://extensions (Developer mode → Load unpacked)',
      );
      await serve(config, database);
      return -1;
    }

    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a server is running and exits on a signal.
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Relay: ${error.message}`);
    else console.error('Relay:', error instanceof Error ? error.message : error);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  },
);
