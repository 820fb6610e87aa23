/**
 * The History tab's speed budgets, measured in Debian Chromium in the extension's own page
 * (its origin's real IndexedDB), with 100,000 shares written through lib/db (RelayDb, bulkAdd):
 *
 * - the newest 50 (lib/db listHistory, first page) ≤ 10 ms;
 * - the next 50 by keyset (listHistory below the last row shown), reported against the same budget;
 * - this month's shares per network (lib/db shareTotals: the month's rows of historyMonths, which addHistory
 *   keeps in the same transaction as the shares) ≤ 50 ms.
 *
 * Each run opens a fresh connection first (as a popup does when it opens) and times the query alone, while
 * another connection stays open throughout (the service worker's, in use);
 * BENCH_HISTORY_RUNS (≥ 5) runs after one warm-up, medians. The rows go to a database of their own
 * (relay-bench-history, same schema), deleted afterwards, so a real profile's history is never touched.
 * lib/db is bundled for the page with esbuild and evaluated there, so the code measured is the code shipped.
 */
import { launchWithExtension } from '../helpers/browser';
import { repoRoot } from '../helpers/server';
import { envNumber, median, type Row } from './common';

const RUNS = Math.max(5, Math.round(envNumber('BENCH_HISTORY_RUNS', 7)));
const ROWS = 100_000;
const PAGE_BUDGET_MS = 10;
const TOTALS_BUDGET_MS = 50;

/** What runs inside the extension page (bundled with lib/db and Dexie). */
const HARNESS = `
import { Dexie } from 'dexie';
import { RelayDb, addHistory, listHistory, shareTotals, utcMonth } from './lib/db';

async function run(rows, runs) {
  const name = 'relay-bench-history';
  await Dexie.delete(name);
  const db = new RelayDb(name);
  const now = Date.now();
  const month = utcMonth(now);
  // A year of shares, newest now; about one in twelve this month.
  const step = Math.floor((365 * 24 * 60 * 60_000) / rows);
  const expected = { linkedin: 0, x: 0 };
  const t0 = performance.now();
  for (let start = 0; start < rows; start += 10_000) {
    const batch = [];
    for (let n = start; n < Math.min(rows, start + 10_000); n++) {
      const sharedAt = new Date(now - n * step).toISOString();
      const network = n % 3 === 0 ? 'linkedin' : 'x';
      if (sharedAt >= month.from && sharedAt < month.to) expected[network] += 1;
      batch.push({
        id: crypto.randomUUID(),
        itemId: 'item-' + (n % 500),
        network,
        edited: n % 4 === 0,
        sharedAt,
        title: 'Share number ' + n + ' about something worth reading',
        text: 'Caption as sent, with a link https://relay.example/r/' + n.toString(36),
        state: n < 5 ? 'pending' : 'synced',
      });
    }
    await addHistory(db, batch);
  }
  const writeMs = performance.now() - t0;

  const first = [], next = [], totals = [];
  let ok = true;
  for (let i = 0; i <= runs; i++) {
    let view = new RelayDb(name);
    await view.open();
    let a = performance.now();
    const page = await listHistory(view, { limit: 50 });
    const firstMs = performance.now() - a;
    const last = page[page.length - 1];
    a = performance.now();
    const page2 = await listHistory(view, { limit: 50, before: { sharedAt: last.sharedAt, id: last.id } });
    const nextMs = performance.now() - a;
    view.close();
    view = new RelayDb(name);
    await view.open();
    a = performance.now();
    const t = await shareTotals(view, month);
    const totalsMs = performance.now() - a;
    view.close();
    ok = ok && page.length === 50 && page2.length === 50 && page2[0].sharedAt <= last.sharedAt &&
      t.linkedin === expected.linkedin && t.x === expected.x;
    if (i > 0) { first.push(firstMs); next.push(nextMs); totals.push(totalsMs); }
  }
  const count = await db.history.count();
  db.close();
  await Dexie.delete(name);
  return { first, next, totals, writeMs, ok: ok && count === rows, monthShares: expected.linkedin + expected.x };
}
globalThis.__relayHistoryBench = run;
`;

async function bundleHarness(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents: HARNESS, resolveDir: repoRoot, sourcefile: 'history-bench.js', loader: 'js' },
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

interface PageResult {
  first: number[];
  next: number[];
  totals: number[];
  writeMs: number;
  ok: boolean;
  monthShares: number;
}

export async function historyBench(): Promise<Row[]> {
  const code = await bundleHarness();
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    // The options page: an extension page that opens no database of its own until connected.
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.evaluate(code);
    const r = await page.evaluate(
      ({ rows, runs }) =>
        (
          globalThis as unknown as { __relayHistoryBench(rows: number, runs: number): Promise<PageResult> }
        ).__relayHistoryBench(rows, runs),
      { rows: ROWS, runs: RUNS },
    );
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const firstMs = median(r.first);
    const nextMs = median(r.next);
    const totalsMs = median(r.totals);
    const rows = ROWS.toLocaleString('en');
    const wrong = r.ok ? '' : ' — WRONG RESULTS';
    return [
      {
        name: `history: newest 50 of ${rows} (median of ${RUNS})`,
        figure: ms(firstMs) + wrong,
        budget: `≤ ${PAGE_BUDGET_MS} ms`,
        pass: r.ok && firstMs <= PAGE_BUDGET_MS,
        ratio: firstMs / PAGE_BUDGET_MS,
      },
      {
        name: `history: next 50 by keyset (median of ${RUNS})`,
        figure: ms(nextMs) + wrong,
        budget: `≤ ${PAGE_BUDGET_MS} ms`,
        pass: r.ok && nextMs <= PAGE_BUDGET_MS,
        ratio: nextMs / PAGE_BUDGET_MS,
      },
      {
        name: `history: this month's totals per network (${r.monthShares.toLocaleString('en')} of ${rows}; median of ${RUNS})`,
        figure: ms(totalsMs) + wrong,
        budget: `≤ ${TOTALS_BUDGET_MS} ms`,
        pass: r.ok && totalsMs <= TOTALS_BUDGET_MS,
        ratio: totalsMs / TOTALS_BUDGET_MS,
      },
    ];
  } finally {
    await ext.close();
  }
}

// Run on its own: npx tsx tests/bench/history.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await historyBench();
  console.table(rows);
}
