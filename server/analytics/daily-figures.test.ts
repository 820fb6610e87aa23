import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../test-support';

// The daily totals of migration 0006 are kept by triggers; here they are compared with the raw rows they
// summarise after inserts, ignored duplicates and deletes.
let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const DAY = 86_400_000;
const TABLES = [['daily_network_figures', 'network'], ['daily_item_figures', 'item_id'], ['daily_employee_figures', 'employee_id']] as const;

function fromRaw(key: string) {
  return h.database.sqlite.prepare(`
    SELECT day, k, SUM(s) AS shares, SUM(r) AS reach, SUM(c) AS clicks FROM (
      SELECT shared_at / ${DAY} AS day, ${key} AS k, 1 AS s, audience AS r, 0 AS c FROM shares
      UNION ALL SELECT clicked_at / ${DAY}, ${key}, 0, 0, 1 FROM clicks
    ) GROUP BY day, k ORDER BY day, k`).all();
}
const fromTotals = (table: string, key: string) =>
  h.database.sqlite.prepare(`SELECT day, ${key} AS k, shares, reach, clicks FROM ${table}
    WHERE shares <> 0 OR clicks <> 0 OR reach <> 0 ORDER BY day, k`).all();

describe('daily totals', () => {
  it('match the raw shares and clicks after inserts, ignored duplicates and deletes', async () => {
    const { sqlite } = h.database;
    const ana = await h.employee('Ana');
    const bea = await h.employee('Bea');
    const items = [(await h.createItem()).id, (await h.createItem()).id];
    const share = sqlite.prepare(`INSERT INTO shares (id, employee_id, item_id, network, shared_at, received_at, audience)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
    const click = sqlite.prepare('INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) VALUES (?, ?, ?, ?, ?)');
    const base = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 60; i++) {
      const who = i % 3 ? ana.id : bea.id;
      const network = i % 2 ? 'x' : 'linkedin';
      // Times straddle midnights, including the last and first millisecond of a day.
      const at = base + Math.floor(i / 4) * DAY + [0, DAY - 1, 12 * 3_600_000, 1][i % 4]!;
      share.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, who, items[i % 2], network, at, at, 100 + i);
      click.run(`c${i}`, who, items[(i + 1) % 2], network, at + 5);
    }
    share.run('00000000-0000-7000-8000-000000000001', ana.id, items[0], 'x', base, base, 999_999); // a duplicate: ignored
    for (const [table, key] of TABLES) expect(fromTotals(table, key), table).toEqual(fromRaw(key));

    sqlite.prepare('DELETE FROM shares WHERE rowid % 3 = 0').run();
    sqlite.prepare('DELETE FROM clicks WHERE id % 4 = 0').run();
    for (const [table, key] of TABLES) expect(fromTotals(table, key), table).toEqual(fromRaw(key));
    expect(fromRaw('network').length).toBeGreaterThan(10);
  });
});
