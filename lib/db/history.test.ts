import { Dexie } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { RelayDb, addHistory, listHistory, listHistoryDownTo, shareTotals, utcMonth, type HistoryRow } from './index';
import { freshDb } from '../test-support';

/**
 * The History tab against a large record: 100,000 shares over ~14 months, several in the same
 * millisecond (a burst of shares must not fall between two pages). Correctness only; speed is in
 * tests/bench/history.ts.
 */
const N = 100_000;
const NOW = Date.parse('2026-11-23T18:00:00.000Z');
/** Two shares a minute-ish apart going back in time; every 1000th pair shares one millisecond. */
function row(n: number): HistoryRow {
  const at = NOW - Math.floor(n / 2) * 6 * 60_000 - (n % 2 === 0 || n % 1000 < 2 ? 0 : 1000);
  return {
    // Ids in the same order as times, as UUIDv7 ids are; zero-padded so string order is number order.
    id: `share-${String(N - n).padStart(6, '0')}`,
    itemId: `item-${n % 300}`,
    network: n % 3 === 0 ? 'linkedin' : 'x',
    edited: n % 5 === 0,
    sharedAt: new Date(at).toISOString(),
    title: `Share ${n}`,
    state: n < 3 ? 'pending' : 'synced',
  };
}

let db: RelayDb;
let all: HistoryRow[];

beforeAll(async () => {
  db = freshDb();
  all = Array.from({ length: N }, (_, n) => row(n));
  for (let i = 0; i < N; i += 10_000) await addHistory(db, all.slice(i, i + 10_000));
  // What a correct listing is: newest first, ties by id descending (the index's own order).
  all.sort((a, b) => (a.sharedAt === b.sharedAt ? (a.id < b.id ? 1 : -1) : a.sharedAt < b.sharedAt ? 1 : -1));
}, 120_000);

describe('history with 100,000 shares', () => {
  it('holds them all', async () => {
    expect(await db.history.count()).toBe(N);
  });

  it('lists the newest 50 first', async () => {
    const page = await listHistory(db, { limit: 50 });
    expect(page.map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id));
  });

  it('continues with the next 50 after the last row shown', async () => {
    const first = await listHistory(db, { limit: 50 });
    const last = first.at(-1)!;
    const next = await listHistory(db, { limit: 50, before: { sharedAt: last.sharedAt, id: last.id } });
    expect(next.map((r) => r.id)).toEqual(all.slice(50, 100).map((r) => r.id));
  });

  it('loses no share made in the same millisecond as a page boundary', async () => {
    // Find a tie in the listing and end a page right between the two rows.
    const tie = all.findIndex((r, i) => i > 0 && all[i - 1]!.sharedAt === r.sharedAt);
    expect(tie).toBeGreaterThan(0);
    const boundary = all[tie - 1]!;
    const next = await listHistory(db, { limit: 3, before: { sharedAt: boundary.sharedAt, id: boundary.id } });
    expect(next.map((r) => r.id)).toEqual(all.slice(tie, tie + 3).map((r) => r.id));
  });

  it('pages deep into the record', async () => {
    const at = 99_950;
    const boundary = all[at - 1]!;
    const page = await listHistory(db, { limit: 50, before: { sharedAt: boundary.sharedAt, id: boundary.id } });
    expect(page.map((r) => r.id)).toEqual(all.slice(at, at + 50).map((r) => r.id));
    const end = page.at(-1)!;
    expect(await listHistory(db, { limit: 50, before: { sharedAt: end.sharedAt, id: end.id } })).toEqual([]);
  });

  it("counts this month's shares per network", async () => {
    const month = utcMonth(NOW);
    const expected = { linkedin: 0, x: 0 };
    for (const r of all) if (r.sharedAt >= month.from && r.sharedAt < month.to) expected[r.network] += 1;
    expect(expected.linkedin + expected.x).toBeGreaterThan(1000);
    expect(await shareTotals(db, month)).toEqual({ ...expected, total: expected.linkedin + expected.x });
  });

  it('counts a month in the past, bounds half-open', async () => {
    const month = utcMonth(Date.parse('2026-03-10T00:00:00Z'));
    const inMonth = all.filter((r) => r.sharedAt >= month.from && r.sharedAt < month.to);
    const totals = await shareTotals(db, month);
    expect(totals.total).toBe(inMonth.length);
    expect(totals.linkedin).toBe(inMonth.filter((r) => r.network === 'linkedin').length);
  });
});

describe('utcMonth', () => {
  it('is the UTC calendar month, whatever the hour', () => {
    expect(utcMonth(Date.parse('2026-12-31T23:59:59.999Z'))).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(utcMonth(Date.parse('2026-03-01T00:00:00.000Z'))).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
  });
});

describe('versions 4 and 5', () => {
  it('counts the history a version 2 database already holds, and pages through it', async () => {
    const name = `relay-v3-${crypto.randomUUID()}`;
    // The shipped versions 1 and 2, exactly as they were.
    const v2 = new Dexie(name);
    v2.version(1).stores({
      queue: 'id, [pinnedRank+publishMs], publishMs, *topics, expiresAt, updatedAt',
      meta: 'key',
    });
    v2.version(2).stores({
      history: 'id, sharedAt, [network+itemId], itemId, state',
      outbox: 'id, [state+nextAttemptAt]',
    });
    await v2.table('history').bulkAdd([row(0), row(1), row(2)]);
    v2.close();

    const db3 = new RelayDb(name);
    expect(db3.verno).toBe(5);
    const totals = await shareTotals(db3, utcMonth(NOW));
    expect(totals).toEqual({ linkedin: 1, x: 2, total: 3 });
    // The History tab's index (v5) was built from the rows already there: two in one millisecond, by id.
    expect((await listHistory(db3, { limit: 10 })).map((r) => r.id)).toEqual([row(0).id, row(1).id, row(2).id]);
    expect((await listHistory(db3, { limit: 10, before: row(0) })).map((r) => r.id)).toEqual([row(1).id, row(2).id]);
    // And keeps counting what is added after the upgrade.
    await addHistory(db3, [{ ...row(3), id: 'after-upgrade' }]);
    expect(await shareTotals(db3, utcMonth(NOW))).toEqual({ linkedin: 2, x: 2, total: 4 });
    db3.close();
  });
});

describe('listHistoryDownTo', () => {
  it('lists everything from the newest down to the row a page ended on', async () => {
    const first = await listHistory(db, { limit: 50 });
    const second = await listHistory(db, { limit: 50, before: first.at(-1)! });
    const shown = await listHistoryDownTo(db, second.at(-1)!);
    expect(shown.map((r) => r.id)).toEqual(all.slice(0, 100).map((r) => r.id));
  });
});
