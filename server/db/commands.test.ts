import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTarget, TEST_DATABASE } from '../test-support';
import { openDatabase } from './database';

const ROOT = resolve(import.meta.dirname, '../..');
let target: Awaited<ReturnType<typeof testDatabaseTarget>>;
let dir: string;
beforeAll(async () => {
  target = await testDatabaseTarget();
  dir = mkdtempSync(join(tmpdir(), 'relay-commands-'));
});
afterAll(async () => {
  await target.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run cli -- …` pointed at the test database the way an operator points it: RELAY_DB or DATABASE_URL. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: '', RELAY_DB: '' };
  if (TEST_DATABASE === 'postgres') env.DATABASE_URL = target.target;
  else env.RELAY_DB = target.target;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: ROOT, env });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return new Promise((ok) => child.once('close', (code) => ok({ code, ...out })));
}

// Each command is a new Node process compiling TypeScript: seconds on a loaded machine. In order: the backup
// copies what the first test wrote.
describe(`the CLI's database commands on ${TEST_DATABASE}`, { timeout: 90_000, shuffle: false }, () => {
  it('migrate, invite and seed-demo work on the configured database, naming it without credentials', async () => {
    const migrate = await cli('migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toMatch(/is up to date/);
    if (TEST_DATABASE === 'postgres') {
      expect(migrate.stderr).toMatch(/PostgreSQL 127\.0\.0\.1:\d+\/relay_test_/);
      expect(migrate.stderr).not.toContain('relay@');
    }

    const invite = await cli('invite', '--name', 'Ана', '--role', 'admin');
    expect(invite.code, invite.stderr).toBe(0);
    const seeded = await cli('seed-demo');
    expect(seeded.code, seeded.stderr).toBe(0);

    const database = await openDatabase(target.target);
    try {
      const people = await database.db.selectFrom('employees').select(['name', 'role']).execute();
      expect(people).toEqual([{ name: 'Ана', role: 'admin' }]);
      const { n } = await database.db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it(
    TEST_DATABASE === 'postgres'
      ? 'backup refuses PostgreSQL and names pg_dump'
      : 'backup writes a copy of the SQLite file',
    async () => {
      const file = join(dir, 'backup.db');
      const backup = await cli('backup', file);
      if (TEST_DATABASE === 'postgres') {
        expect(backup.code).toBe(2);
        expect(backup.stderr).toMatch(/PostgreSQL \(DATABASE_URL\).*pg_dump/);
        expect(existsSync(file)).toBe(false);
      } else {
        expect(backup.code, backup.stderr).toBe(0);
        const copy = await openDatabase(file);
        try {
          expect(await copy.db.selectFrom('employees').select('name').execute()).toEqual([{ name: 'Ана' }]);
        } finally {
          await copy.close();
        }
      }
    },
  );
});
