/**
 * `npm run bench`: Relay's hot paths and the extension's costs measured side by side, in one run, on this
 * machine, printed as one table whose rows carry their budgets. Exits 1 when a budget fails.
 *
 * The server part (tests/bench/server.ts): the backend's redirects, the queue's 304 and share batches on
 * SQLite, on PostgreSQL and as two instances on one PostgreSQL database, each against bare node:http
 * servers in the same rounds, with the servers' CPU time per request, then the clicks and shares counted.
 * Everything listens on 127.0.0.1 and every run is bounded in time.
 *
 * Then the extension (tests/bench/extension.ts): content-script sizes, main-thread CPU with Relay vs. no
 * extension on a busy feed, and how fast the panel follows a composer, in Chromium with the built extension.
 * The curators' analytics over 10,000 employees and 1M shares and clicks (tests/bench/analytics.ts), the
 * popup with 1,000 and 10,000 cached items (tests/bench/popup.ts) and the history with 100,000 shares in
 * real IndexedDB (tests/bench/history.ts) add their rows to the same table.
 *
 * Environment (all optional): BENCH_DURATION (s per run, 3), BENCH_ROUNDS (5), BENCH_WARMUP (s, 2),
 * BENCH_CONNECTIONS (50), BENCH_VISITORS (500), BENCH_SHARERS (500), BENCH_HONO=0 (leave out the bare Hono
 * server's reference rows, which tell the framework's cost from the application's), BENCH_LOG_LEVEL (the
 * backends' LOG_LEVEL, info as in production), BENCH_CPU_RUNS (7), BENCH_LATENCY_RUNS (11),
 * BENCH_ONLY=<parts> (comma-separated: server, analytics, extension, popup, history; default all).
 * The server and analytics parts need PostgreSQL's programs (Debian's postgresql package; PG_BIN to point elsewhere).
 */
import { cpus } from 'node:os';
import { analyticsBench } from './analytics';
import type { TableRow } from './common';
import { extensionBench } from './extension';
import { historyBench } from './history';
import { popupBench } from './popup';
import { CONNECTIONS, DURATION, ROUNDS, WARMUP, serverBench } from './server';

// ---- the table ----------------------------------------------------------------------------------------

/** The table; a row with `pass: false` fails the run. */
const rows: TableRow[] = [];

function printTable(): void {
  const fmt = (n: number | undefined, digits = 0) =>
    n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const header = [
    'measure',
    'req/s',
    'p50 ms',
    'p99 ms',
    'vs baseline',
    'CPU µs/req',
    '+ pg µs/req',
    'figure',
    'budget',
    'result',
  ];
  const body = rows.map((r) => [
    r.name,
    fmt(r.reqPerSec),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    fmt(r.cpuPerRequest),
    fmt(r.dbCpuPerRequest),
    r.figure ?? '',
    r.budget ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const b of body) console.log(line(b));
}

// ---- the bench ----------------------------------------------------------------------------------------

/** The parts of the bench, in the order they run; BENCH_ONLY=a,b picks some of them. */
const PARTS = ['server', 'analytics', 'extension', 'popup', 'history'] as const;
type Part = (typeof PARTS)[number];

function selectedParts(): Set<Part> {
  const asked = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  return new Set(asked.length ? (asked as Part[]) : PARTS);
}

async function main(): Promise<number> {
  const parts = selectedParts();
  if (parts.has('server')) rows.push(...(await serverBench()));
  if (parts.has('analytics')) rows.push(...(await analyticsBench()));
  if (parts.has('extension')) {
    process.stdout.write('extension: sizes');
    rows.push(...(await extensionBench()));
    process.stdout.write('\n\n');
  }
  if (parts.has('popup')) rows.push(...(await popupBench()));
  if (parts.has('history')) rows.push(...(await historyBench()));

  printTable();
  if (parts.has('server')) {
    console.log(
      `\nvs baseline: median over ${ROUNDS} rounds of req/s ÷ the bare server's req/s in the same round. The load ` +
        `generator shares the ${cpus().length} cores with the server it measures and costs more per request than the ` +
        'bare server, so baselines are partly generator-bound: ratios understate gaps rather than overstate them.\n' +
        'CPU µs/req: user + system time of the server process(es) over the runs (/proc/<pid>/stat) ÷ requests ' +
        'answered; + pg µs/req: the same for the PostgreSQL server processes (postmaster and its children).\n' +
        'side by side (the budgets): in one more run per round, Relay and node:http with the access log loaded at ' +
        `the same time with ${Math.round(CONNECTIONS / 2)} connections each; the reference's CPU per answered ` +
        "request ÷ Relay's (with PostgreSQL's where the path writes to it), median over the rounds: the share of " +
        "the reference's rate Relay would answer with the machine to itself, measured over the same seconds.\n" +
        '2 instances: one autocannon run spreads its connections over both instances (no load balancer), against ' +
        'two bare servers loaded the same way. PostgreSQL is a throwaway local cluster (fsync off; commits wait for ' +
        'their WAL write) on the same cores.',
    );
  }
  if (parts.has('extension')) {
    console.log(
      'Extension rows: "vs baseline" is main-thread CPU with Relay ÷ without it: in one profiled run (busy time ÷ ' +
        "busy time outside Relay's functions), and as CDP ThreadTime against a browser without extensions, medians " +
        'of alternating runs; panel latency is measured inside the page.',
    );
  }
  const failed = rows.filter((r) => r.pass === false);
  console.log(failed.length ? `\nFAIL: ${failed.map((r) => r.name).join('; ')}` : '\nAll budgets met.');
  return failed.length ? 1 : 0;
}

// Bounded: whatever happens, the bench stops by itself (children are killed on exit).
// The server half: up to 7 sides of 3 paths, shares on 3 set-ups, PostgreSQL and the servers to start.
// The extension half: two browsers, ~2 × (1 + CPU runs) × 2 feed runs and the latency runs, a few s each.
const limitMs = (WARMUP * 21 + DURATION * ROUNDS * 24 + 120 + 180 + 300) * 1000;
setTimeout(() => {
  console.error(`bench: gave up after ${limitMs / 1000} s`);
  process.exit(2);
}, limitMs).unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
