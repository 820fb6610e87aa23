/**
 * better-sqlite3's release host, served locally. A real install downloads the addon prebuilt for its Node
 * from GitHub (prebuild-install); this machine has no internet, so an install would compile SQLite from
 * source instead, minutes of one core beside the unit tests. The addon this checkout built is the same
 * artefact, so it is packed the way the release is and offered under the URL prebuild-install asks for.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server';

const ADDON = join('build', 'Release', 'better_sqlite3.node');

export interface PrebuiltHost {
  /** The npm config that points better-sqlite3's install at this host. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Null when this checkout has no built addon to offer (the install then compiles, as it would offline). */
export async function servePrebuiltSqlite(work: string): Promise<PrebuiltHost | null> {
  const moduleDir = join(repoRoot, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(moduleDir, ADDON))) return null;
  const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string };
  const tarball = join(work, 'better-sqlite3-prebuilt.tar.gz');
  const packed = spawnSync('tar', ['-czf', tarball, '-C', moduleDir, ADDON]);
  if (packed.status !== 0) return null;
  const body = readFileSync(tarball);
  // prebuild-install's name for the addon of this Node, platform and architecture.
  const file = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const path = `/v${version}/${file}`;
  const server = createServer((req, res) => {
    if (req.url === path) res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const host = `http://127.0.0.1:${port}`;
  // prebuild-install keeps each download in the npm cache under a name made from its URL; the port makes
  // that URL new each run, so the copy is removed again rather than left to pile up.
  const cacheDir = process.env.npm_config_cache || join(homedir(), '.npm');
  const digest = createHash('sha512').update(`${host}${path}`).digest('hex').slice(0, 6);
  const cached = join(cacheDir, '_prebuilds', `${digest}-${file.replace(/[^a-zA-Z0-9.]+/g, '-')}`);
  return {
    env: { npm_config_better_sqlite3_binary_host: host },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(cached, { force: true });
    },
  };
}
