import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server';

/** A throwaway PostgreSQL cluster for the tests: trust auth on loopback only, data in a temporary folder. */
export interface PostgresServer {
  /** Connection URL of the `postgres` maintenance database, as the superuser `relay`. */
  url: string;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): void;
}

const SUPERUSER = 'relay';

/** Debian's postgresql package puts each major version under /usr/lib/postgresql/<n>/bin; PG_BIN overrides. */
export function postgresBinaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!bin)
    throw new Error(
      "PostgreSQL is not installed: run 'bash tests/ensure-postgres.sh' (Debian's postgresql package) or set PG_BIN",
    );
  return bin;
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system user (the
 * folder too); as anyone else it runs as that user.
 */
function runAs(): { uid: number; gid: number; prefix: string[] } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'relay-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const argv = (tool: string, args: string[]) => [...(user?.prefix ?? []), join(bin, tool), ...args];
  const run = (tool: string, args: string[]) => {
    const [command, ...rest] = argv(tool, args);
    const result = spawnSync(command!, rest, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(
        `${tool} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}\n${serverLog}`,
      );
    }
  };

  let stopped = false;
  let started = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // Immediate: the data is thrown away, so there is nothing to write back first.
    if (started) {
      const [command, ...rest] = argv('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      spawnSync(command!, rest, { stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Whatever happens to the test run, the server and its folder go with it: a normal end, a crash, Ctrl-C.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  }

  try {
    // UTF-8 with Unicode case folding (lower() folds every script, as the SQLite side does in JavaScript) and
    // byte order for text, which is how SQLite sorts: the same ORDER BY gives the same rows on both.
    run('initdb', [
      '-D',
      data,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--lc-collate=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${dir}`,
      // Test data is thrown away: skip everything that only makes a crash survivable.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      // Every test file in every worker opens its own pools.
      '-c max_connections=400',
      '-c shared_buffers=64MB',
    ].join(' ');
    // Set first: a start that times out may still leave a server running, and stop() must end it.
    started = true;
    run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options]);
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
