import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, TEST_DATABASE, type Harness } from '../test-support';
import type { DB } from './schema';
import { writeTransaction } from './write-transaction';

const DAY = 86_400_000;
const TODAY = Math.floor(Date.UTC(2026, 11, 4, 12) / DAY);

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const addClick = (trx: Kysely<DB>, network: 'linkedin' | 'x') =>
  sql`UPDATE daily_network_figures SET clicks = clicks + 1 WHERE day = ${TODAY} AND network = ${network}`.execute(trx);

describe('writeTransaction', () => {
  it('runs a transaction again that PostgreSQL rolled back to end a deadlock, so its rows are still written', async () => {
    await sql`INSERT INTO daily_network_figures (day, network, clicks) VALUES (${TODAY}, 'linkedin', 0), (${TODAY}, 'x', 0)`.execute(
      h.database.db,
    );
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // Another writer takes LinkedIn's row, then (after ours has taken X's and waits for LinkedIn's) X's: a
    // deadlock. Ours waited first, so PostgreSQL's check (after deadlock_timeout, 1 s) finds it there and
    // rolls ours back.
    const other = h.database.db.transaction().execute(async (trx) => {
      await addClick(trx, 'linkedin');
      holding();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await addClick(trx, 'x');
    });
    await held;
    let attempts = 0;
    const ours = writeTransaction(h.database.db, async (trx) => {
      attempts++;
      await addClick(trx, 'x');
      await addClick(trx, 'linkedin');
    });

    await Promise.all([other, ours]);
    const rows = await sql<{ network: string; clicks: number }>`SELECT network, clicks FROM daily_network_figures
      ORDER BY network`.execute(h.database.db);
    expect(rows.rows.map((r) => [r.network, Number(r.clicks)])).toEqual([
      ['linkedin', 2],
      ['x', 2],
    ]);
    // SQLite runs one write transaction of a process at a time: ours simply waited.
    expect(attempts).toBe(TEST_DATABASE === 'postgres' ? 2 : 1);
  });

  it('does not run again a transaction that failed for another reason', async () => {
    let attempts = 0;
    const failing = writeTransaction(h.database.db, async (trx) => {
      attempts++;
      await sql`INSERT INTO daily_network_figures (day, network) VALUES (${TODAY}, NULL)`.execute(trx);
    });
    await expect(failing).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
