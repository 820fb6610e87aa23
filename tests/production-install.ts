/**
 * A production install of the server works without development tools: a fresh clone of the current commit,
 * `npm ci --omit=dev`, then `npm run server` answers /healthz and /readyz. Catches a runtime import that is
 * only a devDependency, and a postinstall that needs one. Run by `npm test` (tests/run.ts); alone:
 * `npx tsx tests/production-install.ts`. Only committed files are tested (it is a clone).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePrebuiltSqlite } from './helpers/prebuilt-host';
import { freePort } from './helpers/server';

const repoRoot = join(import.meta.dirname, '..');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`production install: ${line} (${seconds()})`);

/** Asynchronous, so the local release host in this process can answer the install while it runs. */
function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

/** The environment of a plain shell: no npm_* variables inherited from an `npm test` around us. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

async function waitFor(url: string, child: { exitCode: number | null }, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (${last})`);
}

const work = mkdtempSync(join(tmpdir(), 'relay-production-'));
const clone = join(work, 'relay');
let exitCode = 0;
const prebuilt = await servePrebuiltSqlite(work);
try {
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  await sh('git', ['clone', '--quiet', '--no-checkout', repoRoot, clone], work);
  await sh('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit], clone);
  say(`cloned ${commit.slice(0, 12)}`);

  await sh(
    'npm',
    ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    clone,
    cleanEnv({ NODE_ENV: 'production', ...prebuilt?.env }),
  );
  say(`npm ci --omit=dev done (SQLite's addon ${prebuilt ? 'from the local release host' : 'compiled'})`);

  const port = await freePort();
  const server = spawn('npm', ['run', '--silent', 'server'], {
    cwd: clone,
    env: cleanEnv({
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      RELAY_DB: join(work, 'relay.db'),
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group: npm, its shell and the server stop together.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`, server, 60_000);
    const ready = await waitFor(`http://127.0.0.1:${port}/readyz`, server, 10_000);
    await ready.arrayBuffer();
    say('npm run server answered /healthz and /readyz');
  } finally {
    if (server.exitCode === null) process.kill(-server.pid!, 'SIGTERM');
    await exited;
  }
  say('passed');
} catch (error) {
  console.error(`production install: FAILED: ${(error as Error).message} (${seconds()})`);
  exitCode = 1;
} finally {
  await prebuilt?.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
