import { sql, type Kysely, type Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { CHANGE_SEQ } from './migrations';
import type { DB } from './schema';

/**
 * One monotonically increasing number for every change to items. Items carry the value of their last
 * change (`version`), so "what changed since N" is an index range scan, and "has anything changed"
 * is one read of a single row: that is what makes queue deltas and cheap 304s possible.
 */
export async function nextChangeSeq(trx: Transaction<DB> | Kysely<DB>): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set({ value: sql`value + 1` })
    .where('key', '=', CHANGE_SEQ)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** A prepared reader of the current sequence, for the hot 304 path (no Kysely, no promise). */
export function changeSeqReader(sqlite: BetterSqlite3.Database): () => number {
  const stmt = sqlite.prepare<[string], number>('SELECT value FROM meta WHERE key = ?').pluck();
  return () => Number(stmt.get(CHANGE_SEQ) ?? 0);
}
