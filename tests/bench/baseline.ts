/**
 * Starting and stopping the bare baseline servers (baseline-server.ts) as child processes, with the node flags
 * Relay's server runs with, so a reference differs from Relay only in the work it does.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '../../server/node-flags';
import { freePort, killOnExit, repoRoot } from '../helpers/server';

export interface BaselineServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * env: MODE (node, node-logged, hono or hono-logged), LOCATION and ETAG (what to answer); see baseline-server.ts. A
 * server that logs appends to `logFile`, as the backends do in the bench.
 */
export async function startBaseline(env: Record<string, string>, logFile?: string): Promise<BaselineServer> {
  const port = await freePort();
  const logFd = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'tests/bench/baseline-server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', logFd ?? 'ignore', 'inherit'],
  });
  if (logFd !== undefined) closeSync(logFd);
  killOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`baseline server (${env.MODE}) did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
