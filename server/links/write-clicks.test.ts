import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { harness, TEST_DATABASE, type Harness } from '../test-support';
import { countClicks } from './write-clicks';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 4, 12);

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

/** What a share batch adds to one daily table (a share on X with an audience of 10). */
const addShare = (trx: Kysely<DB>, table: string, key: string, value: string) =>
  sql`INSERT INTO ${sql.table(table)} (day, ${sql.ref(key)}, shares, reach) VALUES (${Math.floor(T0 / DAY)}, ${value}, 1, 10)
    ON CONFLICT (day, ${sql.ref(key)}) DO UPDATE SET shares = ${sql.ref(`${table}.shares`)} + 1`.execute(trx);

const figures = async (table: string, key: string, value: string) =>
  (
    await sql<{ shares: number; clicks: number }>`SELECT shares, clicks FROM ${sql.table(table)}
      WHERE ${sql.ref(key)} = ${value}`.execute(h.database.db)
  ).rows.map((r) => ({ shares: Number(r.shares), clicks: Number(r.clicks) }));

describe('countClicks', () => {
  it('takes the daily rows in the order a share batch takes them, so the two wait for each other, never deadlock', async () => {
    const employee = (await h.employee('Ana')).id;
    const item = (await h.createItem()).id;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // A share batch of the same person and item on the same day, in the order the share writer adds its daily
    // totals (network, item with its running totals, then employee), paused half-way while the click is written.
    const share = writeTransaction(h.database.db, async (trx) => {
      await addShare(trx, 'daily_network_figures', 'network', 'x');
      await addShare(trx, 'daily_item_figures', 'item_id', item);
      holding();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await addShare(trx, 'daily_employee_figures', 'employee_id', employee);
    });
    await held;
    const click = {
      code: 'Abc123xyz',
      employeeId: employee,
      itemId: item,
      network: 'linkedin' as const,
      clickedAt: T0,
    };
    const counted = countClicks(h.database.db, [{ visitor: 42, click }]);

    const [, countedVisitors] = await Promise.all([share, counted]);
    expect(countedVisitors).toEqual([42]);
    expect(await figures('daily_item_figures', 'item_id', item)).toEqual([{ shares: 1, clicks: 1 }]);
    expect(await figures('daily_employee_figures', 'employee_id', employee)).toEqual([{ shares: 1, clicks: 1 }]);
    expect(await figures('running_item_figures', 'item_id', item)).toEqual([{ shares: 1, clicks: 1 }]);
    expect(await figures('running_employee_figures', 'employee_id', employee)).toEqual([{ shares: 1, clicks: 1 }]);
  });

  it('costs no planning per batch on PostgreSQL, nor a temporary file per page on SQLite', async () => {
    const click = (visitor: number) => ({
      visitor,
      click: { code: 'Abc123xyz', employeeId: 'e1', itemId: 'i1', network: 'x' as const, clickedAt: T0 },
    });
    expect(await countClicks(h.database.db, [click(1), click(2)])).toEqual([1, 2]);
    expect(await countClicks(h.database.db, [click(2), click(3)])).toEqual([3]);
    if (TEST_DATABASE === 'postgres') {
      // The pool hands back the connection released last: the one that ran the batches.
      const prepared = await h.database.db
        .connection()
        .execute((conn) =>
          sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(conn),
        );
      const clickStatements = prepared.rows.filter((row) => row.statement.includes('INSERT INTO click_visitors'));
      expect(clickStatements).toHaveLength(1);
      expect(clickStatements[0]!.name).toMatch(/^relay_\d+$/);
      // Nothing else is kept: ordinary queries stay unnamed.
      expect(prepared.rows).toHaveLength(1);
    } else {
      // A batch's statement journal (pages kept to undo one statement) spilled to a temporary file
      // otherwise, written page by page; 2 is MEMORY.
      expect(h.database.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    }
  });
});
