import { sql, type Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import { DailyTotals } from '../db/daily-totals';
import { MultiRowStatement } from '../db/multi-row-statement';
import type { DB } from '../db/schema';

/** A click that counts, as stored. */
export interface Click {
  code: string;
  employeeId: string;
  itemId: string;
  network: Network;
  clickedAt: number;
}

const insertClicks = new MultiRowStatement(
  (source) => sql`INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) ${source}`,
  ['text', 'text', 'text', 'text', 'bigint'],
);

const ONE = [1] as const;
const dailyClicks = new DailyTotals<Click>(['clicks'], {
  at: (c) => c.clickedAt,
  keyOf: { network: (c) => c.network, item_id: (c) => c.itemId, employee_id: (c) => c.employeeId },
  amounts: () => ONE,
});

/**
 * Writes counted clicks and adds them to the daily rollups (one upsert per table). Clicks are written only
 * through here: no trigger adds an inserted click to the rollups. Call it inside a transaction.
 */
export async function writeClicks(trx: Kysely<DB>, clicks: readonly Click[]): Promise<void> {
  if (clicks.length === 0) return;
  await insertClicks.run(
    trx,
    clicks.map((c) => [c.code, c.employeeId, c.itemId, c.network, c.clickedAt]),
  );
  await dailyClicks.add(trx, clicks);
}
