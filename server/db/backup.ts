import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * A consistent copy of the SQLite database `source` in `target`, taken with SQLite's online backup API: the
 * server may keep serving and writing meanwhile (WAL), and the copy is one moment of the database, not a
 * file copied half-way through a write. Resolves with the number of pages copied.
 * An existing target is refused: a backup never overwrites another.
 */
export async function backupDatabase(source: string, target: string): Promise<number> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} (set RELAY_DB)`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file for the backup`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return totalPages;
  } finally {
    db.close();
  }
}
