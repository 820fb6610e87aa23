import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { ADMIN_TOKEN } from '../test-support';
import { BackupError, backupDatabase } from './backup';
import { openDatabase } from './database';

const dir = mkdtempSync(join(tmpdir(), 'relay-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupDatabase', () => {
  it('copies a database the server has open, writes still in its WAL included, and the copy opens as Relay', async () => {
    const file = join(dir, 'live', 'relay.db');
    const relay = await createApp({
      database: file,
      publicUrl: 'http://relay.test',
      adminToken: ADMIN_TOKEN,
      clickFlushMs: 0,
    });
    try {
      for (const title of ['First', 'Second', 'Третий']) {
        const res = await relay.app.request('/v1/admin/items', {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ url: 'https://example.com/post', title, captions: [{ network: 'x', text: 'Hi' }] }),
        });
        expect(res.status).toBe(201);
      }
      // Nothing checkpointed yet: the rows live in the -wal file that a plain file copy of relay.db would miss.
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      const target = join(dir, 'copies', 'relay-backup.db');
      expect(await backupDatabase(file, target)).toBeGreaterThan(0);

      const restored = await openDatabase(target);
      try {
        expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const titles = await restored.db.selectFrom('items').select('title').orderBy('title').execute();
        expect(titles.map((r) => r.title)).toEqual(['First', 'Second', 'Третий']);
      } finally {
        await restored.close();
      }
    } finally {
      await relay.close();
    }
  });

  it('refuses a missing database and an existing target, saying which', async () => {
    await expect(backupDatabase(join(dir, 'none.db'), join(dir, 'x.db'))).rejects.toThrow(BackupError);
    const file = join(dir, 'small.db');
    await (await openDatabase(file)).close();
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'keep me');
    await expect(backupDatabase(file, taken)).rejects.toThrow(/taken\.db already exists/);
  });
});
