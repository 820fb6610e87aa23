import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { harness, shareRow, type Harness } from '../test-support';
import { writeShares } from './write-shares';

const DAY = 86_400_000;
// A Friday: the Thursday before is in the same ISO week.
const FRIDAY = Date.UTC(2026, 11, 4, 12);
const THURSDAY = FRIDAY - DAY;

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

/** What a click batch adds to the network's daily row of `at`. */
const addClick = (trx: Kysely<DB>, network: 'linkedin' | 'x', at: number) =>
  sql`INSERT INTO daily_network_figures (day, network, clicks) VALUES (${Math.floor(at / DAY)}, ${network}, 1)
    ON CONFLICT (day, network) DO UPDATE SET clicks = daily_network_figures.clicks + 1`.execute(trx);

const networkDays = async () =>
  (
    await sql<{ day: number; network: string; shares: number; clicks: number }>`SELECT day, network, shares, clicks
      FROM daily_network_figures ORDER BY network, day`.execute(h.database.db)
  ).rows.map((r) => [Number(r.day), r.network, Number(r.shares), Number(r.clicks)]);

describe('writeShares', () => {
  it('takes the daily rows of a batch spanning days in key and day order, so a concurrent writer waits, never deadlocks', async () => {
    const employee = (await h.employee('Ana')).id;
    const item = (await h.createItem()).id;
    const share = (id: string, network: 'linkedin' | 'x', at: number) =>
      shareRow({ id, employee_id: employee, item_id: item, network, shared_at: at, audience: 10 });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // A click batch takes the network's rows in key and day order: Friday's LinkedIn row, then (paused while
    // the shares are written) Friday's X row.
    const clicks = writeTransaction(h.database.db, async (trx) => {
      await addClick(trx, 'linkedin', FRIDAY);
      holding();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await addClick(trx, 'x', FRIDAY);
    });
    await held;
    // An outbox delivering Thursday's share with Friday's: two days of LinkedIn in one week go in two
    // statements (weekly sharers), and the X row must not be taken before Friday's LinkedIn row.
    const shares = writeTransaction(h.database.db, (trx) =>
      writeShares(trx, [
        share('share-thu-li', 'linkedin', THURSDAY),
        share('share-fri-li', 'linkedin', FRIDAY),
        share('share-fri-x', 'x', FRIDAY),
      ]),
    );

    const [, written] = await Promise.all([clicks, shares]);
    expect(written.size).toBe(3);
    const [thursday, friday] = [Math.floor(THURSDAY / DAY), Math.floor(FRIDAY / DAY)];
    expect(await networkDays()).toEqual([
      [thursday, 'linkedin', 1, 0],
      [friday, 'linkedin', 1, 1],
      [friday, 'x', 1, 1],
    ]);
  });
});
