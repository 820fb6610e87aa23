import type { Kysely } from 'kysely';
import { DailyTotals } from '../db/daily-totals';
import type { DB, SharesTable } from '../db/schema';

const dailyShares = new DailyTotals<SharesTable>(['shares', 'reach'], {
  at: (s) => s.shared_at,
  keyOf: { network: (s) => s.network, item_id: (s) => s.item_id, employee_id: (s) => s.employee_id },
  amounts: (s) => [1, s.audience],
});

/**
 * Writes shares whose ids are not recorded yet and adds exactly those to the daily rollups (one upsert per
 * table); resolves to their ids. Shares are written only through here: no trigger adds an inserted share to
 * the rollups. Call it inside a transaction, with each id once.
 */
export async function writeShares(trx: Kysely<DB>, shares: readonly SharesTable[]): Promise<Set<string>> {
  if (shares.length === 0) return new Set();
  // DO NOTHING leaves ids recorded before (or by a concurrent transaction, once it commits) alone, and
  // RETURNING names exactly the rows written here.
  const inserted = await trx
    .insertInto('shares')
    .values(shares)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.id));
  await dailyShares.add(trx, fresh.size === shares.length ? shares : shares.filter((s) => fresh.has(s.id)));
  return fresh;
}
