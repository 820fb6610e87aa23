/**
 * `npm run bench`: Relay's hot paths measured side by side, in one run, on this machine.
 *
 * Each hot path of the real backend (a child process with a temporary database, seeded through the REST
 * API) is paired with a bare node:http server (also a child process) that gives the same answer with no
 * work: that server is the practical ceiling for Node here, so the ratio between the two is what the
 * budgets hold, not absolute figures that change with the machine. Runs are interleaved (baseline and
 * backend alternate, the order flips every round) after a warm-up, with equal duration and connections.
 *
 * Redirects are measured twice: a new visitor in every request (a fresh forwarded address each, so every
 * click is written: the database's share of the work), and K returning visitors (ordinary browser user
 * agents, counted once an hour: the path of repeat clicks). Then the click counting is checked: each
 * returning visitor comes back once more at the end, so every one of them has an answered request; after
 * SIGTERM (which writes buffered clicks) and a restart on the same database, the returning visitors' link
 * must hold exactly K clicks, and the new visitors' link at least every answered one and at most every sent
 * one: nothing lost, nothing counted twice.
 *
 * Everything listens on 127.0.0.1 and every run is bounded in time. Exits 1 when a budget fails.
 *
 * Then the extension (tests/bench/extension.ts): content-script sizes, main-thread CPU with Relay vs. no
 * extension on a busy feed, and how fast the panel follows a composer, in Chromium with the built extension.
 * The curators' analytics over 10,000 employees and 1M shares and clicks (tests/bench/analytics.ts), the
 * popup with 1,000 and 10,000 cached items (tests/bench/popup.ts) and the history with 100,000 shares in
 * real IndexedDB (tests/bench/history.ts) add their rows to the same table.
 *
 * Environment (all optional): BENCH_DURATION (s per run, 3), BENCH_ROUNDS (5), BENCH_WARMUP (s, 2),
 * BENCH_CONNECTIONS (50), BENCH_VISITORS (500), BENCH_HONO=1 (add a bare Hono server as a reference row,
 * to tell the framework's cost from the application's), BENCH_CPU_RUNS (7), BENCH_LATENCY_RUNS (11),
 * BENCH_ONLY=<parts> (comma-separated: server, analytics, extension, popup, history; default all).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options, type RequestSpec, type Result } from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { Backend, freePort, killOnExit, repoRoot } from '../helpers/server';
import { analyticsBench } from './analytics';
import { envNumber, median } from './common';
import { extensionBench } from './extension';
import { historyBench } from './history';
import { popupBench } from './popup';

const DURATION = envNumber('BENCH_DURATION', 3);
const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 5));
const WARMUP = envNumber('BENCH_WARMUP', 2);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 50));
const VISITORS = Math.round(envNumber('BENCH_VISITORS', 500));
const SHARE_BATCH = 100;
const SHARE_CONNECTIONS = 10;
const RATIO_BUDGET = 0.7;
const HONO_REFERENCE = process.env.BENCH_HONO === '1';
/** New visitors are told apart by the address a proxy forwards, as behind a load balancer. */
// One bench person sends thousands of shares a second: far past the daily cap that stops faked reach.
const BACKEND_ENV = { RELAY_TRUST_PROXY: '1', RELAY_MAX_SHARES_PER_DAY: '1000000000' };

// ---- the table ----------------------------------------------------------------------------------------

/** One line of the printed table. Later benches add rows here; a row with `pass: false` fails the run. */
interface Row {
  name: string;
  reqPerSec?: number;
  p50?: number;
  p99?: number;
  /** Ratio of reqPerSec to the baseline's. */
  ratio?: number;
  /** A figure that is not requests per second (shares/s, clicks recorded, …). */
  figure?: string;
  budget?: string;
  pass?: boolean;
}

const rows: Row[] = [];

function printTable(): void {
  const fmt = (n: number | undefined, digits = 0) =>
    n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const header = ['measure', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'figure', 'budget', 'result'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.reqPerSec),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.figure ?? '',
    r.budget ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const numeric = new Set([1, 2, 3, 4]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const b of body) console.log(line(b));
}

// ---- measuring ----------------------------------------------------------------------------------------

/** Several autocannon runs of one target, summed. */
class Measure {
  requests = 0;
  seconds = 0;
  p50: number[] = [];
  p99: number[] = [];
  statuses = new Map<string, number>();
  errors = 0;

  add(r: Result): void {
    this.requests += r.requests.total;
    this.seconds += r.duration;
    this.p50.push(r.latency.p50);
    this.p99.push(r.latency.p99);
    this.errors += r.errors + r.timeouts;
    for (const [status, { count }] of Object.entries(r.statusCodeStats)) {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + Number(count));
    }
  }

  get reqPerSec(): number {
    return this.seconds > 0 ? this.requests / this.seconds : 0;
  }

  /** Mean over runs of each run's percentile (runs have equal duration). */
  latency(which: 'p50' | 'p99'): number {
    const xs = this[which];
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
  }

  /** Only `status` answered, no socket errors or timeouts. */
  onlyStatus(status: number): boolean {
    return this.errors === 0 && this.statuses.size === 1 && this.statuses.has(String(status));
  }

  describeStatuses(): string {
    const parts = [...this.statuses].map(([s, n]) => `${s}×${n}`);
    if (this.errors) parts.push(`errors×${this.errors}`);
    return parts.join(' ');
  }
}

function run(opts: Options): Promise<Result> {
  return autocannon({ connections: CONNECTIONS, timeout: 10, ...opts });
}

/** An ordinary desktop Chrome user agent, distinct per visitor (not bot-like: bots are not counted). */
const visitorAgent = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${6000 + n}.127 Safari/537.36`;

/**
 * GET `path` once per visitor, each with its own user agent, recording which visitors got a 302. The
 * requests are built once (no per-request setup), so the load generator stays cheap: with a setupRequest
 * hook it became the bottleneck here and hid the server's own cost.
 */
function visitorRequests(path: string, redirected: Set<number>): RequestSpec[] {
  return Array.from({ length: VISITORS }, (_, visitor) => ({
    method: 'GET',
    path,
    headers: { 'user-agent': visitorAgent(visitor) },
    onResponse(status: number) {
      if (status === 302) redirected.add(visitor);
    },
  }));
}

/** One server measured in a comparison; `perRound` keeps each round's req/s for paired ratios. */
interface Side {
  name: string;
  options: (duration: number) => Options;
  measure: Measure;
  perRound: number[];
}

/**
 * A hot path: the backend (`subject`) against the bare baseline, plus optional references. The ratio is
 * the median over rounds of subject/baseline measured back to back, which shrugs off a noisy neighbour
 * slowing one round down better than a ratio of totals does.
 */
interface Comparison {
  status: number;
  baseline: Side;
  references: Side[];
  subject: Side;
}

const side = (name: string, options: (duration: number) => Options): Side => ({
  name,
  options,
  measure: new Measure(),
  perRound: [],
});

const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

// ---- child servers ------------------------------------------------------------------------------------

async function startBaseline(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/baseline-server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  killOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`baseline server (${env.MODE}) did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- the bench ----------------------------------------------------------------------------------------

/** The parts of the bench, in the order they run; BENCH_ONLY=a,b picks some of them. */
const PARTS = ['server', 'analytics', 'extension', 'popup', 'history'] as const;
type Part = (typeof PARTS)[number];

function selectedParts(): Set<Part> {
  const asked = (process.env.BENCH_ONLY ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  return new Set(asked.length ? (asked as Part[]) : PARTS);
}

async function main(): Promise<number> {
  const parts = selectedParts();
  if (parts.has('server')) await serverBench();
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
        'bare server, so baselines are partly generator-bound: ratios understate gaps rather than overstate them.',
    );
  }
  if (parts.has('extension')) {
    console.log(
      'Extension rows: "vs baseline" is main-thread CPU (CDP ThreadTime) with Relay ÷ without any extension, ' +
        'medians of alternating runs in one go; panel latency is measured inside the page.',
    );
  }
  const failed = rows.filter((r) => r.pass === false);
  console.log(failed.length ? `\nFAIL: ${failed.map((r) => r.name).join('; ')}` : '\nAll budgets met.');
  return failed.length ? 1 : 0;
}

async function serverBench(): Promise<void> {
  const started = new Date();
  console.log(
    `Relay bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ` +
      `${ROUNDS} × ${DURATION} s per target (interleaved, after ${WARMUP} s warm-up), ${CONNECTIONS} connections, ` +
      `${VISITORS} distinct visitors\n`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  let backend: Backend | undefined;
  const baselines: Awaited<ReturnType<typeof startBaseline>>[] = [];
  try {
    backend = await Backend.start({ dataDir, env: BACKEND_ENV });
    const adminToken = backend.adminToken;

    // Seed through the REST API: one item, one employee, whose queue gives the tracked link.
    const item = await backend.createItem({
      url: 'https://example.com/news/relay-bench?ref=home',
      title: 'Bench item',
      topics: ['bench'],
      campaign: 'bench-2026',
      captions: [
        { network: 'linkedin', text: 'Worth a read', language: 'en' },
        { network: 'x', text: 'Worth a read', language: 'en' },
      ],
    });
    const { token, employee } = await backend.employee('Bench Employee');
    const auth = `Bearer ${token}`;
    const queueItem = (await backend.queue(token)).items.find((i) => i.id === item.id);
    if (!queueItem) throw new Error('the seeded item is not in the employee queue');
    const redirectPath = new URL(queueItem.links.linkedin).pathname;
    // The other network's link takes the new visitors, so its count can be checked on its own at the end.
    const newVisitorPath = new URL(queueItem.links.x).pathname;

    // What the bare server must answer: the backend's own Location (HEAD is redirected, never counted)
    // and its ETag.
    const head = await fetch(backend.url + redirectPath, { method: 'HEAD', redirect: 'manual' });
    const location = head.headers.get('location');
    if (head.status !== 302 || !location) throw new Error(`HEAD ${redirectPath}: expected 302 with Location, got ${head.status}`);
    const first = await fetch(`${backend.url}/v1/queue`, { headers: { authorization: auth } });
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    if (!etag) throw new Error('GET /v1/queue answered without an ETag');
    const revalidated = await fetch(`${backend.url}/v1/queue`, { headers: { authorization: auth, 'if-none-match': etag } });
    await revalidated.arrayBuffer();
    if (revalidated.status !== 304) throw new Error(`GET /v1/queue with If-None-Match: expected 304, got ${revalidated.status}`);

    const bare = await startBaseline({ MODE: 'node', LOCATION: location, ETAG: etag });
    baselines.push(bare);
    const hono = HONO_REFERENCE ? await startBaseline({ MODE: 'hono', LOCATION: location, ETAG: etag }) : undefined;
    if (hono) baselines.push(hono);
    const backendUrl = backend.url;

    const visitors = new Set<number>(); // visitors the backend answered with a 302, over every run
    const redirectOn = (url: string, seen: Set<number>) => (duration: number): Options => ({
      url,
      duration,
      requests: visitorRequests(redirectPath, seen),
    });
    // Every request a visitor never seen: autocannon puts a fresh id in each request, here the reader's
    // address as our proxy would forward it (RELAY_TRUST_PROXY=1), with an ordinary browser's agent.
    const newVisitorsOn = (url: string) => (duration: number): Options => ({
      url: url + newVisitorPath,
      duration,
      idReplacement: true,
      headers: { 'user-agent': visitorAgent(0), 'x-forwarded-for': '[<id>]' },
    });
    const queueHeaders = { authorization: auth, 'if-none-match': etag };
    const queueOn = (url: string) => (duration: number): Options => ({ url: `${url}/v1/queue`, duration, headers: queueHeaders });
    const comparisons: Comparison[] = [
      {
        status: 302,
        baseline: side('baseline: bare node:http 302, new visitors', newVisitorsOn(bare.url)),
        references: hono ? [side('reference: bare Hono 302, new visitors', newVisitorsOn(hono.url))] : [],
        subject: side('GET /r/:code → 302, a new visitor each: every click written', newVisitorsOn(backendUrl)),
      },
      {
        status: 302,
        baseline: side('baseline: bare node:http 302', redirectOn(bare.url, new Set())),
        references: hono ? [side('reference: bare Hono 302', redirectOn(hono.url, new Set()))] : [],
        subject: side(`GET /r/:code → 302, ${VISITORS} returning visitors (counted once)`, redirectOn(backendUrl, visitors)),
      },
      {
        status: 304,
        baseline: side('baseline: bare node:http 304', queueOn(bare.url)),
        references: hono ? [side('reference: bare Hono 304', queueOn(hono.url))] : [],
        subject: side('GET /v1/queue If-None-Match → 304', queueOn(backendUrl)),
      },
    ];
    const sidesOf = (c: Comparison) => [c.baseline, ...c.references, c.subject];
    // New visitors answered 302 and sent by the backend's runs: the clicks written lie between the two
    // (a request cut off when a run stops may have counted without its answer arriving).
    const newVisitors = { answered: 0, sent: 0 };
    const countNewVisitors = (s: Side, r: Result) => {
      if (s !== comparisons[0]!.subject) return;
      newVisitors.answered += Number(r.statusCodeStats['302']?.count ?? 0);
      newVisitors.sent += r.requests.sent;
    };

    process.stdout.write('warm-up');
    for (const c of comparisons) {
      for (const s of sidesOf(c)) countNewVisitors(s, await run(s.options(WARMUP)));
      process.stdout.write('.');
    }
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(` round ${round + 1}/${ROUNDS}`);
      for (const c of comparisons) {
        const order = sidesOf(c);
        if (round % 2 === 1) order.reverse();
        for (const s of order) {
          const result = await run(s.options(DURATION));
          countNewVisitors(s, result);
          s.measure.add(result);
          s.perRound.push(result.requests.total / result.duration);
        }
        process.stdout.write('.');
      }
    }

    for (const c of comparisons) {
      const ratioOf = (s: Side) => median(s.perRound.map((rps, i) => rps / c.baseline.perRound[i]!));
      for (const s of sidesOf(c)) {
        const clean = s.measure.onlyStatus(c.status);
        const isSubject = s === c.subject;
        const ratio = ratioOf(s);
        rows.push({
          name: s.name,
          reqPerSec: s.measure.reqPerSec,
          p50: s.measure.latency('p50'),
          p99: s.measure.latency('p99'),
          ratio,
          figure: clean
            ? s === c.baseline
              ? ''
              : `${isSubject ? `all ${c.status}; ` : ''}rounds ${spread(s.perRound.map((rps, i) => rps / c.baseline.perRound[i]!))}`
            : `unexpected: ${s.measure.describeStatuses()}`,
          budget: isSubject ? `≥ ${RATIO_BUDGET} × baseline` : undefined,
          pass: isSubject ? clean && ratio >= RATIO_BUDGET : clean ? undefined : false,
        });
      }
    }

    // Requests in flight when a run stopped may have been counted without our seeing the 302. One more
    // request per visitor, answered, makes the expected count exact: every visitor K, each exactly once
    // (these repeats fall within the hour, so they must not add a click).
    const sweepFailures: string[] = [];
    for (let start = 0; start < VISITORS; start += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, VISITORS - start) }, async (_, i) => {
          const visitor = start + i;
          const res = await fetch(backendUrl + redirectPath, {
            redirect: 'manual',
            headers: { 'user-agent': visitorAgent(visitor) },
          });
          await res.arrayBuffer();
          if (res.status === 302) visitors.add(visitor);
          else sweepFailures.push(`visitor ${visitor}: ${res.status}`);
        }),
      );
    }

    // POST /v1/shares, batches of SHARE_BATCH fresh UUIDv7 ids: how many shares per second are accepted.
    // Batches still in flight when the run stops are sent again afterwards, which must change nothing
    // for those the server had already recorded (they come back as duplicates).
    process.stdout.write(' shares');
    let accepted = 0;
    let duplicates = 0;
    let badBodies = 0;
    const unanswered = new Map<number, string>();
    let batchSeq = 0;
    const sharedAt = new Date().toISOString();
    const sharesResult = await run({
      url: backendUrl,
      duration: DURATION * ROUNDS,
      connections: SHARE_CONNECTIONS,
      requests: [
        {
          method: 'POST',
          path: '/v1/shares',
          headers: { authorization: auth, 'content-type': 'application/json' },
          setupRequest(req, context) {
            const shares = Array.from({ length: SHARE_BATCH }, () => ({
              id: uuidv7(),
              itemId: item.id,
              network: 'linkedin',
              sharedAt,
            }));
            req.body = JSON.stringify({ shares });
            context.batch = batchSeq;
            unanswered.set(batchSeq++, req.body);
            return req;
          },
          onResponse(status, body, context) {
            unanswered.delete(context.batch as number);
            if (status !== 200) return;
            try {
              const r = JSON.parse(body) as { accepted: unknown[]; duplicates: unknown[] };
              accepted += r.accepted.length;
              duplicates += r.duplicates.length;
            } catch {
              badBodies++;
            }
          },
        },
      ],
    });
    const sharesMeasure = new Measure();
    sharesMeasure.add(sharesResult);
    const sharesPerSec = accepted / sharesMeasure.seconds;
    const sharesClean = sharesMeasure.onlyStatus(200) && badBodies === 0 && duplicates === 0 &&
      accepted === SHARE_BATCH * (sharesMeasure.statuses.get('200') ?? 0);
    rows.push({
      name: `POST /v1/shares (batches of ${SHARE_BATCH}, ${SHARE_CONNECTIONS} conn.)`,
      reqPerSec: sharesMeasure.reqPerSec,
      p50: sharesMeasure.latency('p50'),
      p99: sharesMeasure.latency('p99'),
      figure: sharesClean
        ? `${Math.round(sharesPerSec).toLocaleString('en-US')} shares/s accepted`
        : `unexpected: ${sharesMeasure.describeStatuses()}, accepted ${accepted}, duplicates ${duplicates}, unreadable ${badBodies}`,
      budget: 'all accepted, none duplicate',
      pass: sharesClean,
    });
    let replayAccepted = 0;
    let replayDuplicates = 0;
    for (const body of unanswered.values()) {
      const r = await backend.request<{ accepted: unknown[]; duplicates: unknown[] }>('POST', '/v1/shares', {
        token,
        body: JSON.parse(body),
        expect: 200,
      });
      replayAccepted += r.accepted.length;
      replayDuplicates += r.duplicates.length;
    }
    process.stdout.write('\n\n');

    // Clicks: SIGTERM flushes the buffer; a fresh server on the same database must report exactly one
    // click per distinct visitor (all within the hour, from one address).
    const exitCode = await backend.stop();
    backend = await Backend.start({ dataDir, adminToken, env: BACKEND_ENV });
    const period = {
      from: new Date(started.getTime() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const reach = await backend.reach(token, period);
    const returning = reach.byNetwork.linkedin.clicks;
    rows.push({
      name: 'returning visitors\' clicks recorded after SIGTERM + restart',
      figure:
        `${returning} clicks for ${visitors.size} distinct visitors (${employee.name})` +
        (exitCode === 0 ? '' : `; server exited with ${exitCode}`) +
        (sweepFailures.length ? `; not redirected: ${sweepFailures.slice(0, 3).join(', ')}` : ''),
      budget: 'equal, exit 0',
      pass: exitCode === 0 && returning === visitors.size && visitors.size === VISITORS && sweepFailures.length === 0,
    });
    const fresh = reach.byNetwork.x.clicks;
    rows.push({
      name: 'new visitors\' clicks recorded after SIGTERM + restart',
      figure: `${fresh} clicks for ${newVisitors.answered} answered, ${newVisitors.sent} sent`,
      budget: 'answered ≤ recorded ≤ sent',
      pass: newVisitors.answered > 0 && newVisitors.answered <= fresh && fresh <= newVisitors.sent,
    });
    const sent = accepted + replayAccepted + replayDuplicates;
    rows.push({
      name: 'shares recorded after restart',
      figure:
        `${reach.shares} recorded for ${sent} sent (${unanswered.size} in-flight batches replayed: ` +
        `${replayDuplicates} duplicates, ${replayAccepted} new)`,
      budget: 'equal',
      pass: reach.shares === sent,
    });
  } finally {
    for (const b of baselines) await b.stop();
    await backend?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Bounded: whatever happens, the bench stops by itself (children are killed on exit).
// The extension half: two browsers, ~2 × (1 + CPU runs) × 2 feed runs and the latency runs, a few s each.
const limitMs = (WARMUP * 6 + DURATION * ROUNDS * 7 + 180 + 300) * 1000;
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
