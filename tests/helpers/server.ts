/**
 * Start the real Relay backend as a child process for end-to-end tests and the bench.
 *
 * Each backend gets its own free port on 127.0.0.1, a temporary database directory and a random admin
 * token. `stop()` sends SIGTERM (the server flushes buffered clicks) and waits for the process to exit;
 * `dispose()` also removes the temporary directory. Children still alive when the test process exits are
 * killed, so a failing test never leaves a backend behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AdminItem,
  InviteCreated,
  ItemCreate,
  ItemPatch,
  QueueResponse,
  Reach,
  Redeemed,
  Role,
} from '../../lib/contract';
import { SERVER_NODE_FLAGS } from '../../server/node-flags';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the end-to-end run's global set-up bundles the server (see bundleServer). */
export const serverBundle = join(repoRoot, '.tmp', 'server', 'cli.mjs');

/**
 * Bundle server/cli.ts once (local code only; packages stay in node_modules) and have every Backend.start in
 * this process tree run the bundle: the same server code, without tsx compiling it again for each of the run's
 * hundred-odd backends (under load that was most of a test's set-up). Without it (the bench, a lone script),
 * backends start through tsx.
 */
export async function bundleServer(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(repoRoot, 'server', 'cli.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  process.env.RELAY_SERVER_BUNDLE = serverBundle;
}

/** A port nobody listens on right now (the OS picks it; closed again before we return). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(addr.port));
    });
  });
}

const alive = new Set<ChildProcess>();
let exitHookInstalled = false;
/** Kill this child (SIGKILL) if it is still running when the current process exits. */
export function killOnExit(child: ChildProcess): void {
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort: a test runner that dies or a bench that throws must not leave servers listening.
    process.once('exit', () => {
      for (const c of alive) c.kill('SIGKILL');
    });
  }
}

export interface StartOptions {
  /** Database directory to reuse (e.g. to restart a server on the same data); a new temp dir otherwise. */
  dataDir?: string;
  port?: number;
  adminToken?: string;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** How long to wait for the server to answer, in ms. */
  startTimeoutMs?: number;
  /**
   * Append the server's stdout (its JSON log) to this file instead of reading it here: the bench, whose
   * process is also the load generator, must not spend its time reading the log of the server it measures.
   */
  logFile?: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export class Backend {
  private exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly port: number,
    readonly dataDir: string,
    readonly dbPath: string,
    readonly adminToken: string,
    private readonly ownsDataDir: boolean,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
    const keep = (chunk: Buffer) => {
      // Keep the tail only: enough to explain a crash, bounded under load.
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** What the server printed (tail), for failure messages. */
  get log(): string {
    return this.output;
  }

  static async start(opts: StartOptions = {}): Promise<Backend> {
    const ownsDataDir = !opts.dataDir;
    const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'relay-test-'));
    const dbPath = join(dataDir, 'relay.db');
    const port = opts.port ?? (await freePort());
    const adminToken = opts.adminToken ?? `test-admin-${randomBytes(18).toString('base64url')}`;
    const url = `http://127.0.0.1:${port}`;
    // `node --import tsx` keeps the server in a single process, so SIGTERM reaches it directly
    // (npx and the tsx CLI would put a relay process in between).
    const bundle = process.env.RELAY_SERVER_BUNDLE;
    const entry = bundle && existsSync(bundle) ? [bundle] : ['--import', 'tsx', 'server/cli.ts'];
    const logFd = opts.logFile ? openSync(opts.logFile, 'a') : undefined;
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...entry, 'serve'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...opts.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RELAY_DB: dbPath,
        RELAY_ADMIN_TOKEN: adminToken,
        RELAY_PUBLIC_URL: url,
      },
      stdio: ['ignore', logFd ?? 'pipe', 'pipe'],
    });
    // The child has its own copy of the descriptor.
    if (logFd !== undefined) closeSync(logFd);
    killOnExit(child);
    const backend = new Backend(child, url, port, dataDir, dbPath, adminToken, ownsDataDir);
    try {
      await backend.waitReady(opts.startTimeoutMs ?? 30_000);
    } catch (err) {
      await backend.dispose();
      throw err;
    }
    return backend;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((c) => (exitCode = c));
    let lastError = '';
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(`Relay server exited (code ${exitCode}) before answering.\n${this.output}`);
      }
      try {
        const res = await fetch(`${this.url}/v1/openapi.json`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) return;
        lastError = `HTTP ${res.status}`;
      } catch (err) {
        lastError = String((err as Error).cause ?? err);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `Relay server did not answer ${this.url}/v1/openapi.json within ${timeoutMs} ms (${lastError}).\n${this.output}`,
    );
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM, then wait for the exit code (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<number | null> {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stop the server and remove its temporary data (unless the data directory was passed in). */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  // ---- REST helpers -------------------------------------------------------------------------------

  async request<T>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; expect?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    const expected = opts.expect ?? (res.status >= 200 && res.status < 300 ? res.status : 200);
    if (res.status !== expected) throw new HttpError(res.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createItem(item: ItemCreate): Promise<AdminItem> {
    return this.request('POST', '/v1/admin/items', { token: this.adminToken, body: item, expect: 201 });
  }

  patchItem(id: string, patch: ItemPatch): Promise<AdminItem> {
    return this.request('PATCH', `/v1/admin/items/${id}`, { token: this.adminToken, body: patch, expect: 200 });
  }

  deleteItem(id: string): Promise<void> {
    return this.request('DELETE', `/v1/admin/items/${id}`, { token: this.adminToken, expect: 204 });
  }

  async createInvite(name: string, role: Role = 'employee'): Promise<string> {
    const res = await this.request<InviteCreated>('POST', '/v1/admin/invites', {
      token: this.adminToken,
      body: { name, role },
      expect: 201,
    });
    return res.code;
  }

  redeem(code: string): Promise<Redeemed> {
    return this.request('POST', '/v1/auth/redeem', { body: { code }, expect: 200 });
  }

  /** Invite and redeem in one go: an employee with a bearer token. */
  async employee(name: string, role: Role = 'employee'): Promise<Redeemed> {
    return this.redeem(await this.createInvite(name, role));
  }

  queue(token: string): Promise<QueueResponse> {
    return this.request('GET', '/v1/queue', { token, expect: 200 });
  }

  reach(token: string, period?: { from: string; to: string }): Promise<Reach> {
    const q = period ? `?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}` : '';
    return this.request('GET', `/v1/me/reach${q}`, { token, expect: 200 });
  }
}

export function startBackend(opts?: StartOptions): Promise<Backend> {
  return Backend.start(opts);
}
