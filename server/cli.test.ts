import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInvitation } from '../lib/contract/invitation';
import { openDatabase } from './db/database';
import type { DB } from './db/schema';
import { countRows } from './test-rows';
import { freePort } from '../tests/helpers/server';

const ROOT = resolve(import.meta.dirname, '..');
const ADMIN = 'process-test-admin-token';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI as `npx tsx server/cli.ts` runs it, minus npx, so signals reach the server process itself. */
function cli(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
  });
}

function output(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return out;
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((ok) =>
    child.exitCode !== null ? ok(child.exitCode) : child.once('exit', (code) => ok(code)),
  );

async function waitFor(
  out: { stdout: string; stderr: string },
  pattern: RegExp,
  child: ChildProcessWithoutNullStreams,
) {
  for (let i = 0; i < 300; i++) {
    if (pattern.test(out.stdout)) return;
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${out.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`no ${pattern} in: ${out.stdout} ${out.stderr}`);
}

/** Reads what a CLI run left in its database, through the app's own database layer. */
async function inDatabase<T>(file: string, read: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const database = await openDatabase(file);
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

const CODE = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}/;

describe('server process', () => {
  it('writes every buffered click to the database when stopped with SIGTERM', async () => {
    const port = await freePort();
    const db = join(dir, 'sigterm', 'relay.db');
    // Clicks would only be written by the timer after an hour: what we find was written at shutdown.
    const child = cli(['serve'], {
      PORT: String(port),
      RELAY_DB: db,
      RELAY_ADMIN_TOKEN: ADMIN,
      RELAY_CLICK_FLUSH_MS: '3600000',
    });
    const out = output(child);
    try {
      await waitFor(out, new RegExp(`^Relay server listening on http://127\\.0\\.0\\.1:${port}$`, 'm'), child);
      const base = `http://127.0.0.1:${port}`;
      const admin = { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${base}/v1/admin/items`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ url: 'https://example.com/a', title: 'A', captions: [{ network: 'x', text: 'Hi' }] }),
      });
      expect(created.status).toBe(201);
      const { code } = (await (
        await fetch(`${base}/v1/admin/invites`, {
          method: 'POST',
          headers: admin,
          body: '{"name":"Ana","role":"employee"}',
        })
      ).json()) as { code: string };
      const { token } = (await (
        await fetch(`${base}/v1/auth/redeem`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        })
      ).json()) as { token: string };
      const queue = (await (
        await fetch(`${base}/v1/queue`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as {
        items: { links: { x: string } }[];
      };
      const link = queue.items[0]!.links.x;
      expect(link.startsWith(`${base}/r/`)).toBe(true);

      const visitors = 25;
      for (let i = 0; i < visitors; i++) {
        const res = await fetch(link, {
          redirect: 'manual',
          headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux) Firefox/${100 + i}.0` },
        });
        expect(res.status).toBe(302);
        await res.arrayBuffer();
      }
      // A preview bot and a repeat visitor, which must not be counted.
      await (await fetch(link, { redirect: 'manual', headers: { 'User-Agent': 'LinkedInBot/1.0' } })).arrayBuffer();
      await (
        await fetch(link, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux) Firefox/100.0' } })
      ).arrayBuffer();

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);

      expect(await inDatabase(db, (d) => countRows(d, 'clicks'))).toBe(visitors);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('demo: seeds, prints an admin and an employee code and how to load the extension, then serves', async () => {
    const port = await freePort();
    const db = join(dir, 'demo', 'relay.db');
    const child = cli(['demo'], { PORT: String(port), RELAY_DB: db });
    const out = output(child);
    try {
      await waitFor(out, /Relay server listening on/, child);
      expect(out.stdout).toMatch(new RegExp(`admin:\\s+${CODE.source}`));
      expect(out.stdout).toMatch(new RegExp(`employee:\\s+${CODE.source}`));
      // The whole invitation (server + code) in one paste, read back by the settings page.
      const link = /employee:\s+\S+\s+(\S+)/.exec(out.stdout)![1]!;
      expect(parseInvitation(link)).toEqual({
        serverUrl: `http://127.0.0.1:${port}`,
        code: expect.stringMatching(CODE),
      });
      expect(out.stdout).toContain(
        'Extension built in .output/chrome-mv3 — load it at chrome://extensions (Developer mode → Load unpacked)',
      );
      const employeeCode = new RegExp(`employee:\\s+(${CODE.source})`).exec(out.stdout)![1]!;
      const redeemed = await fetch(`http://127.0.0.1:${port}/v1/auth/redeem`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: employeeCode }),
      });
      const { token } = (await redeemed.json()) as { token: string };
      const queue = (await (
        await fetch(`http://127.0.0.1:${port}/v1/queue`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as {
        items: unknown[];
      };
      expect(queue.items.length).toBeGreaterThanOrEqual(10);
      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('CLI commands', () => {
  it('invite prints only the code on stdout', async () => {
    const db = join(dir, 'invite', 'relay.db');
    const child = cli(['invite', '--name', 'Ana', '--role', 'admin'], { RELAY_DB: db });
    const out = output(child);
    expect(await exited(child)).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^${CODE.source}\\n$`));
    const people = await inDatabase(db, (d) => d.selectFrom('employees').select(['name', 'role']).execute());
    expect(people).toEqual([{ name: 'Ana', role: 'admin' }]);
  }, 30_000);

  it('invite --csv invites every line in one go, or nobody when a line is bad', async () => {
    const db = join(dir, 'invite-csv', 'relay.db');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,role\nAna,admin\nBea,boss\n');
    const refused = cli(['invite', '--csv', bad], { RELAY_DB: db });
    const refusedOut = output(refused);
    expect(await exited(refused)).toBe(2);
    expect(refusedOut.stderr).toContain('line 3: role must be "employee" or "admin" (got "boss")');
    expect(refusedOut.stdout).toBe('');

    // Excel's plain "CSV" in a Western locale is Windows-1252: said so, rather than names with "�" in them.
    const ansi = join(dir, 'ansi.csv');
    writeFileSync(ansi, Buffer.from([...Buffer.from('Ana;admin\r\nJos'), 0xe9, ...Buffer.from(';employee\r\n')]));
    const notUtf8 = cli(['invite', '--csv', ansi], { RELAY_DB: db });
    const notUtf8Out = output(notUtf8);
    expect(await exited(notUtf8)).toBe(2);
    expect(notUtf8Out.stderr).toContain('save it as "CSV UTF-8"');

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'name,role\n"Puig, Núria",admin\nОлег\n');
    const child = cli(['invite', '--csv', good], { RELAY_DB: db });
    const out = output(child);
    expect(await exited(child)).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('name,role,code');
    expect(lines[1]).toMatch(new RegExp(`^"Puig, Núria",admin,${CODE.source}$`));
    expect(lines[2]).toMatch(new RegExp(`^Олег,employee,${CODE.source}$`));
    const people = await inDatabase(db, (d) => d.selectFrom('employees').select(['name', 'role']).execute());
    expect(people.sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: 'Puig, Núria', role: 'admin' },
      { name: 'Олег', role: 'employee' },
    ]);
  }, 60_000);

  it('seed-demo is idempotent and migrate succeeds on an existing database', async () => {
    const db = join(dir, 'seed', 'relay.db');
    for (const args of [['migrate'], ['seed-demo'], ['seed-demo'], ['migrate']]) {
      const child = cli(args, { RELAY_DB: db });
      output(child);
      expect(await exited(child)).toBe(0);
    }
    const count = await inDatabase(db, (d) => countRows(d, 'items'));
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(14);
  }, 30_000);

  it('backup writes a copy that restores as the same database, and never overwrites a file', async () => {
    const db = join(dir, 'backup', 'relay.db');
    const seeded = cli(['seed-demo'], { RELAY_DB: db });
    output(seeded);
    expect(await exited(seeded)).toBe(0);
    const copy = join(dir, 'backup', 'copy.db');
    const run = (target: string) => {
      const child = cli(['backup', target], { RELAY_DB: db });
      return { child, out: output(child) };
    };
    const first = run(copy);
    expect(await exited(first.child)).toBe(0);
    expect(first.out.stderr).toContain(`Backed up ${db} to ${copy}`);
    const count = (file: string) => {
      const sqlite = new BetterSqlite3(file, { readonly: true });
      try {
        return sqlite.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
      } finally {
        sqlite.close();
      }
    };
    expect(count(copy)).toBe(count(db));
    const again = run(copy);
    expect(await exited(again.child)).toBe(2);
    expect(again.out.stderr).toContain('already exists');
  }, 30_000);

  it('stops with a clear message on bad configuration', async () => {
    const child = cli(['serve'], { PORT: 'eighty', RELAY_DB: join(dir, 'bad', 'relay.db') });
    const out = output(child);
    expect(await exited(child)).toBe(2);
    expect(out.stderr).toMatch(/PORT: .*\(got "eighty"\)/);
  }, 30_000);
});
