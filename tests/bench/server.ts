/**
 * The server part of `npm run bench`: the backend's hot paths on SQLite, on PostgreSQL, and as two instances
 * on one PostgreSQL database, each against bare node:http servers measured in the same rounds.
 *
 * Each hot path of the real backend (child processes seeded through the REST API) is paired with a bare
 * node:http server (also a child process) that gives the same answer with no work: that server is the
 * practical ceiling for Node here, so the ratio between the two is what the budgets hold, not absolute
 * figures that change with the machine. The two instances are loaded through one autocannon run spreading
 * its connections over both (no load balancer: connection i goes to instance i mod 2), and their baseline is
 * two bare servers loaded the same way. Runs are interleaved (every side of a path one after the other, the
 * order flipping every round) after a warm-up, with equal duration and connections.
 *
 * References show where the rest goes: the same answers written on node:http inside Relay's access log at
 * LOG_LEVEL info (request id, nosniff, one JSON line per request: what every request here costs), from a
 * bare Hono app (the framework's cost), and from that app with the access log. The budgets are held against
 * the sides with the same duties (see FROM_MEMORY_BUDGET).
 * Every server that logs appends to a file, as to a service manager's journal, not to this process.
 *
 * The load generator runs in this process and shares the cores with the servers, so beside requests per
 * second each row gives the CPU time the server processes spent per answered request (from /proc), and
 * for PostgreSQL that of the database server's processes too.
 *
 * Redirects are measured twice: a new visitor in every request (a fresh forwarded address each, so every
 * click is written: the database's share of the work), and K returning visitors (ordinary browser user
 * agents, counted once an hour: the path of repeat clicks). Then the click counting is checked on each
 * database: each returning visitor comes back once more at the end, so every one of them has an answered
 * request; after SIGTERM of every instance (which writes buffered clicks) and a fresh server on the same
 * database, the returning visitors' link must hold exactly K clicks, however many instances they went
 * through, and the new visitors' link at least every answered one and at most every sent one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options, type RequestSpec, type Result } from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { Backend } from '../helpers/server';
import { startBaseline, type BaselineServer } from './baseline';
import { envNumber, median, type TableRow } from './common';
import { parentPid, processCpuSeconds, processTreeCpuSeconds } from './process-cpu';

export const DURATION = envNumber('BENCH_DURATION', 3);
export const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 5));
export const WARMUP = envNumber('BENCH_WARMUP', 2);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 50));
const VISITORS = Math.round(envNumber('BENCH_VISITORS', 500));
const SHARE_BATCH = 100;
const SHARE_CONNECTIONS = 10;
/**
 * People whose outboxes send the share batches, in turn. A person's batch is checked against what that
 * person shared that day, so one person sending everything would measure a day of shares no one makes.
 */
const SHARERS = Math.round(envNumber('BENCH_SHARERS', 500));
/**
 * The budgets, each a ratio to a side measured in the same rounds that has the same duties. The bare
 * node:http server has none: no request id, no access line, no lookup, no write; beside it Relay's paths
 * read 0.4–0.6 at LOG_LEVEL info, and the access line alone takes a third of that ceiling (the reference
 * rows show it). So the paths answered from memory are held against node:http with Relay's access log,
 * which is the cost of any request here before Relay does any work; and a new visitor's redirect, whose
 * extra duty is writing the click (deduplicated in the database, durable within ~50 ms, three rollups), is
 * held against the returning visitor's redirect on the same database, so the write's share is budgeted on
 * its own. The ratio to bare node:http is still printed for every row.
 */
const FROM_MEMORY_BUDGET = 0.7;
const WRITTEN_CLICK_BUDGET = 0.6;
const HONO_REFERENCE = process.env.BENCH_HONO !== '0';
/** New visitors are told apart by the address a proxy forwards, as behind a load balancer. */
// Each bench person still sends hundreds of shares in a day: far past the daily cap that stops faked reach.
const BACKEND_ENV = {
  RELAY_TRUST_PROXY: '1',
  RELAY_MAX_SHARES_PER_DAY: '1000000000',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
};

/** Autocannon runs of one side of a comparison, summed, with the CPU its servers used meanwhile. */
class Measure {
  requests = 0;
  seconds = 0;
  p50: number[] = [];
  p99: number[] = [];
  statuses = new Map<string, number>();
  errors = 0;
  cpuSeconds = 0;
  dbCpuSeconds = 0;

  add(r: Result, cpu: CpuSample): void {
    this.requests += r.requests.total;
    this.seconds += r.duration;
    this.p50.push(r.latency.p50);
    this.p99.push(r.latency.p99);
    this.errors += r.errors + r.timeouts;
    for (const [status, { count }] of Object.entries(r.statusCodeStats)) {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + Number(count));
    }
    this.cpuSeconds += cpu.server;
    this.dbCpuSeconds += cpu.db ?? 0;
  }

  get reqPerSec(): number {
    return this.seconds > 0 ? this.requests / this.seconds : 0;
  }

  /** Mean over runs of each run's percentile (runs have equal duration). */
  latency(which: 'p50' | 'p99'): number {
    const xs = this[which];
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
  }

  /** µs of CPU per answered request. */
  perRequest(seconds: number): number | undefined {
    return this.requests > 0 ? (seconds * 1e6) / this.requests : undefined;
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

// ---- what is measured ---------------------------------------------------------------------------------

interface CpuSample {
  server: number;
  db?: number;
}

/** Servers loaded together in one run (one, or two instances behind no balancer), and their CPU so far. */
interface Target {
  label: string;
  urls: string[];
  cpu(): CpuSample;
}

/** One autocannon target: one URL, or the list autocannon spreads its connections over. */
const across = (urls: string[]): Options['url'] => (urls.length === 1 ? urls[0]! : urls);

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

/** What one database was seeded with through the REST API: one item, one employee and its tracked links. */
interface Seeded {
  token: string;
  /** SHARERS more people's tokens. */
  sharers: string[];
  employeeName: string;
  itemId: string;
  /** The item's LinkedIn link: the returning visitors'. */
  redirectPath: string;
  /** The item's X link: the new visitors', so its count can be checked on its own at the end. */
  newVisitorPath: string;
  location: string;
  etag: string;
}

async function seed(backend: Backend): Promise<Seeded> {
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
  const queueItem = (await backend.queue(token)).items.find((i) => i.id === item.id);
  if (!queueItem) throw new Error('the seeded item is not in the employee queue');
  const redirectPath = new URL(queueItem.links.linkedin).pathname;
  // Before the ETag is read: whatever they change, the queue's version is taken after it.
  const sharers: string[] = [];
  // A few at a time: redeeming is limited per address to a small burst (a success gives its turn back).
  for (let n = 0; n < SHARERS; n += 8) {
    const group = Array.from({ length: Math.min(8, SHARERS - n) }, (_, i) => backend.employee(`Sharer ${n + i + 1}`));
    for (const r of await Promise.all(group)) sharers.push(r.token);
  }
  // What the bare server must answer: the backend's own Location (HEAD is redirected, never counted) and ETag.
  const head = await fetch(backend.url + redirectPath, { method: 'HEAD', redirect: 'manual' });
  const location = head.headers.get('location');
  if (head.status !== 302 || !location)
    throw new Error(`HEAD ${redirectPath}: expected 302 with Location, got ${head.status}`);
  const auth = { authorization: `Bearer ${token}` };
  const first = await fetch(`${backend.url}/v1/queue`, { headers: auth });
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!etag) throw new Error('GET /v1/queue answered without an ETag');
  const revalidated = await fetch(`${backend.url}/v1/queue`, { headers: { ...auth, 'if-none-match': etag } });
  await revalidated.arrayBuffer();
  if (revalidated.status !== 304)
    throw new Error(`GET /v1/queue with If-None-Match: expected 304, got ${revalidated.status}`);
  return {
    token,
    sharers,
    employeeName: employee.name,
    itemId: item.id,
    redirectPath,
    newVisitorPath: new URL(queueItem.links.x).pathname,
    location,
    etag,
  };
}

/** Clicks and shares sent to one database, over every target on it, for the checks at the end. */
class Tally {
  /** Returning visitors the database's servers answered with a 302, over every run. */
  visitors = new Set<number>();
  newVisitors = { answered: 0, sent: 0 };
  sharesSent = 0;
  sharesNote = '';

  countNewVisitors(r: Result): void {
    this.newVisitors.answered += Number(r.statusCodeStats['302']?.count ?? 0);
    this.newVisitors.sent += r.requests.sent;
  }
}

/** One side of a comparison: a target loaded one way; `baseline` is the side its ratio is taken against. */
interface Side {
  name: string;
  target: Target;
  options: (duration: number) => Options;
  baseline?: Side;
  /** The budget: at least `ratio` × the rate of `against`, round by round. */
  held?: Held;
  onResult?: (r: Result) => void;
  measure: Measure;
  perRound: number[];
}

interface Held {
  against: Side;
  ratio: number;
  /** What `against` is, for the budget column. */
  what: string;
}

interface Comparison {
  status: number;
  sides: Side[];
}

const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const ratiosTo = (s: Side, other: Side): number[] => s.perRound.map((rps, i) => rps / other.perRound[i]!);

async function measured(s: Side, duration: number): Promise<{ result: Result; cpu: CpuSample }> {
  const before = s.target.cpu();
  const result = await run(s.options(duration));
  const after = s.target.cpu();
  const db = before.db === undefined || after.db === undefined ? undefined : after.db - before.db;
  return { result, cpu: { server: after.server - before.server, db } };
}

function comparisonRows(c: Comparison): TableRow[] {
  return c.sides.map((s) => {
    const clean = s.measure.onlyStatus(c.status);
    const base = s.baseline;
    const ratios = base ? ratiosTo(s, base) : [];
    const ratio = base ? median(ratios) : undefined;
    const held = s.held ? ratiosTo(s, s.held.against) : [];
    const heldRatio = s.held ? median(held) : undefined;
    const figure = base ? `all ${c.status}; vs baseline, rounds ${spread(ratios)}` : '';
    return {
      name: s.name,
      reqPerSec: s.measure.reqPerSec,
      p50: s.measure.latency('p50'),
      p99: s.measure.latency('p99'),
      ratio,
      cpuPerRequest: s.measure.perRequest(s.measure.cpuSeconds),
      dbCpuPerRequest: s.target.cpu().db === undefined ? undefined : s.measure.perRequest(s.measure.dbCpuSeconds),
      figure: clean
        ? figure + (s.held ? `; ${heldRatio!.toFixed(2)} × ${s.held.what} (rounds ${spread(held)})` : '')
        : `unexpected: ${s.measure.describeStatuses()}`,
      budget: s.held ? `≥ ${s.held.ratio} × ${s.held.what}` : undefined,
      pass: s.held ? clean && heldRatio! >= s.held.ratio : clean ? undefined : false,
    };
  });
}

// ---- the set-ups --------------------------------------------------------------------------------------

function backendTarget(label: string, backends: Backend[], postmaster?: number): Target {
  return {
    label,
    urls: backends.map((b) => b.url),
    cpu: () => ({
      server: backends.reduce((sum, b) => sum + processCpuSeconds(b.child.pid!), 0),
      db: postmaster === undefined ? undefined : processTreeCpuSeconds(postmaster),
    }),
  };
}

function baselineTarget(label: string, servers: BaselineServer[]): Target {
  return {
    label,
    urls: servers.map((s) => s.url),
    cpu: () => ({ server: servers.reduce((sum, s) => sum + processCpuSeconds(s.pid), 0) }),
  };
}

/**
 * A database of its own on the throwaway cluster, with commits that wait for their WAL write as in
 * production (the cluster itself runs without fsync), and the postmaster whose processes do its work.
 */
async function benchDatabase(server: PostgresServer): Promise<{ url: string; postmaster: number }> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query('CREATE DATABASE relay_bench');
    await client.query('ALTER DATABASE relay_bench SET synchronous_commit = on');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const url = new URL(server.url);
    url.pathname = '/relay_bench';
    return { url: url.href, postmaster: parentPid(rows[0]!.pid) };
  } finally {
    await client.end();
  }
}

// ---- the bench ----------------------------------------------------------------------------------------

export async function serverBench(): Promise<TableRow[]> {
  const started = new Date();
  console.log(
    `Relay bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ` +
      `${ROUNDS} × ${DURATION} s per target (interleaved, after ${WARMUP} s warm-up), ${CONNECTIONS} connections, ` +
      `${VISITORS} distinct visitors\n`,
  );

  const rows: TableRow[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const backends: Backend[] = [];
  const baselines: BaselineServer[] = [];
  let postgres: PostgresServer | undefined;
  try {
    // SQLite, as `npm start` runs it.
    // Logs go to files, as to a service manager's journal: the bench process is the load generator and
    // must not spend its turns reading them.
    const logFile = join(dataDir, 'relay.log');
    let sqlite = await Backend.start({ dataDir, env: BACKEND_ENV, logFile });
    backends.push(sqlite);
    const onSqlite = await seed(sqlite);

    // PostgreSQL: instance A alone, then A and B together; one database, seeded once through A.
    postgres = await startPostgres();
    const database = await benchDatabase(postgres);
    const pgEnv = { ...BACKEND_ENV, DATABASE_URL: database.url };
    const pgA = await Backend.start({ env: pgEnv, logFile });
    backends.push(pgA);
    const pgB = await Backend.start({ env: pgEnv, adminToken: pgA.adminToken, logFile });
    backends.push(pgB);
    const onPostgres = await seed(pgA);

    const baselineEnv = { LOCATION: onSqlite.location, ETAG: onSqlite.etag };
    const bare = await startBaseline({ MODE: 'node', ...baselineEnv });
    baselines.push(bare);
    const bare2 = await startBaseline({ MODE: 'node', ...baselineEnv });
    baselines.push(bare2);
    const hono = HONO_REFERENCE ? await startBaseline({ MODE: 'hono', ...baselineEnv }) : undefined;
    if (hono) baselines.push(hono);
    const honoLogged = HONO_REFERENCE
      ? await startBaseline({ MODE: 'hono-logged', ...baselineEnv }, logFile)
      : undefined;
    if (honoLogged) baselines.push(honoLogged);
    const nodeLogged = await startBaseline({ MODE: 'node-logged', ...baselineEnv }, logFile);
    baselines.push(nodeLogged);

    const targets = {
      bare: baselineTarget('bare node:http', [bare]),
      barePair: baselineTarget('2 bare node:http servers', [bare, bare2]),
      hono: hono ? baselineTarget('bare Hono', [hono]) : undefined,
      honoLogged: honoLogged ? baselineTarget('bare Hono + access log', [honoLogged]) : undefined,
      nodeLogged: baselineTarget('node:http + access log', [nodeLogged]),
      sqlite: backendTarget('SQLite', [sqlite]),
      postgres: backendTarget('PostgreSQL', [pgA], database.postmaster),
      pair: backendTarget('2 instances, PostgreSQL', [pgA, pgB], database.postmaster),
    };
    const onSqliteTally = new Tally();
    const onPostgresTally = new Tally();
    const subjects = [
      { target: targets.sqlite, seeded: onSqlite, tally: onSqliteTally },
      { target: targets.postgres, seeded: onPostgres, tally: onPostgresTally },
      { target: targets.pair, seeded: onPostgres, tally: onPostgresTally },
    ];
    // One instance on either database holds the budget. Two instances on these two cores share them with
    // each other, PostgreSQL and the load generator: their rows say what a second instance costs, and their
    // clicks and shares are checked like the others.
    const budgeted = new Set<Target>([targets.sqlite, targets.postgres]);

    // Every request a visitor never seen: autocannon puts a fresh id in each request, here the reader's
    // address as our proxy would forward it (RELAY_TRUST_PROXY=1), with an ordinary browser's agent.
    const newVisitorsOn =
      (t: Target, path: string) =>
      (duration: number): Options => ({
        url: across(t.urls.map((u) => u + path)),
        duration,
        idReplacement: true,
        headers: { 'user-agent': visitorAgent(0), 'x-forwarded-for': '[<id>]' },
      });
    const returningOn =
      (t: Target, path: string, seen: Set<number>) =>
      (duration: number): Options => ({
        url: across(t.urls),
        duration,
        requests: visitorRequests(path, seen),
      });
    const queueOn =
      (t: Target, seeded: Seeded) =>
      (duration: number): Options => ({
        url: across(t.urls.map((u) => `${u}/v1/queue`)),
        duration,
        headers: { authorization: `Bearer ${seeded.token}`, 'if-none-match': seeded.etag },
      });

    /**
     * The sides of one path: baselines and references first, then Relay on each set-up against the matching
     * baseline; `hold` gives a budgeted set-up's budget, from the path's node:http + access log reference.
     */
    const sidesFor = (
      what: string,
      baselineWhat: string,
      options: (t: Target, seeded: Seeded, tally: Tally) => (duration: number) => Options,
      hold: (t: Target, logged: Side) => Held,
      countNew = false,
    ): Side[] => {
      const sideOf = (name: string, target: Target, seeded: Seeded, tally: Tally, baseline?: Side): Side => ({
        name,
        target,
        options: options(target, seeded, tally),
        baseline,
        onResult: countNew ? (r) => tally.countNewVisitors(r) : undefined,
        measure: new Measure(),
        perRound: [],
      });
      // Baselines get their own tallies: what they answer is never checked.
      const one = sideOf(`baseline: bare node:http ${baselineWhat}`, targets.bare, onSqlite, new Tally());
      const two = sideOf(`baseline: 2 bare node:http servers ${baselineWhat}`, targets.barePair, onSqlite, new Tally());
      const logged = sideOf(
        `reference: node:http + Relay's access log ${baselineWhat}`,
        targets.nodeLogged,
        onSqlite,
        new Tally(),
        one,
      );
      const hono =
        targets.hono && targets.honoLogged
          ? [
              sideOf(`reference: bare Hono ${baselineWhat}`, targets.hono, onSqlite, new Tally(), one),
              sideOf(
                `reference: bare Hono + Relay's access log ${baselineWhat}`,
                targets.honoLogged,
                onSqlite,
                new Tally(),
                one,
              ),
            ]
          : [];
      const relay = subjects.map((s) => {
        const side = sideOf(
          `${what} · ${s.target.label}`,
          s.target,
          s.seeded,
          s.tally,
          s.target === targets.pair ? two : one,
        );
        if (budgeted.has(s.target)) side.held = hold(s.target, logged);
        return side;
      });
      return [one, logged, ...hono, relay[0]!, relay[1]!, two, relay[2]!];
    };
    const fromMemory = (_: Target, logged: Side): Held => ({
      against: logged,
      ratio: FROM_MEMORY_BUDGET,
      what: 'node:http + access log',
    });

    const returning = sidesFor(
      `GET /r/:code → 302, ${VISITORS} returning visitors (counted once)`,
      '302',
      (t, seeded, tally) => returningOn(t, seeded.redirectPath, tally.visitors),
      fromMemory,
    );
    const comparisons: Comparison[] = [
      {
        status: 302,
        sides: sidesFor(
          'GET /r/:code → 302, a new visitor each: every click written',
          '302, new visitors',
          (t, seeded) => newVisitorsOn(t, seeded.newVisitorPath),
          (t) => ({
            against: returning.find((s) => s.target === t)!,
            ratio: WRITTEN_CLICK_BUDGET,
            what: 'returning visitors, same database',
          }),
          true,
        ),
      },
      { status: 302, sides: returning },
      {
        status: 304,
        sides: sidesFor('GET /v1/queue If-None-Match → 304', '304', (t, seeded) => queueOn(t, seeded), fromMemory),
      },
    ];

    process.stdout.write('warm-up');
    for (const c of comparisons) {
      for (const s of c.sides) s.onResult?.((await measured(s, WARMUP)).result);
      process.stdout.write('.');
    }
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(` round ${round + 1}/${ROUNDS}`);
      for (const c of comparisons) {
        const order = [...c.sides];
        if (round % 2 === 1) order.reverse();
        for (const s of order) {
          const { result, cpu } = await measured(s, DURATION);
          s.onResult?.(result);
          s.measure.add(result, cpu);
          s.perRound.push(result.requests.total / result.duration);
        }
        process.stdout.write('.');
      }
    }
    for (const c of comparisons) rows.push(...comparisonRows(c));

    // Requests in flight when a run stopped may have been counted without our seeing the 302. One more
    // request per visitor, answered, makes the expected count exact: every visitor K, each exactly once
    // (these repeats fall within the hour, so they must not add a click). On PostgreSQL they alternate
    // between the instances.
    const sweepFailures = new Map<Tally, string[]>();
    for (const [tally, seeded, urls] of [
      [onSqliteTally, onSqlite, targets.sqlite.urls],
      [onPostgresTally, onPostgres, targets.pair.urls],
    ] as const) {
      const failures: string[] = [];
      sweepFailures.set(tally, failures);
      for (let start = 0; start < VISITORS; start += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, VISITORS - start) }, async (_, i) => {
            const visitor = start + i;
            const res = await fetch(urls[visitor % urls.length]! + seeded.redirectPath, {
              redirect: 'manual',
              headers: { 'user-agent': visitorAgent(visitor) },
            });
            await res.arrayBuffer();
            if (res.status === 302) tally.visitors.add(visitor);
            else failures.push(`visitor ${visitor}: ${res.status}`);
          }),
        );
      }
    }

    process.stdout.write(' shares');
    for (const s of subjects) {
      const { row, sent } = await sharesRun(s.target, s.seeded);
      rows.push(row);
      s.tally.sharesSent += sent.total;
      s.tally.sharesNote += `${s.tally.sharesNote ? '; ' : ''}${sent.note}`;
      process.stdout.write('.');
    }
    process.stdout.write('\n\n');

    // Clicks: SIGTERM writes what is buffered; a fresh server on the same database must report exactly one
    // click per returning visitor (all within the hour, from one address), on either database.
    const period = {
      from: new Date(started.getTime() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const sqliteExit = await sqlite.stop();
    sqlite = await Backend.start({ dataDir, adminToken: sqlite.adminToken, env: BACKEND_ENV, logFile });
    backends.push(sqlite);
    rows.push(
      ...countRows('SQLite', onSqlite, onSqliteTally, sweepFailures.get(onSqliteTally)!, {
        exitCodes: [sqliteExit],
        reach: await sqlite.reach(onSqlite.token, period),
        shares: sqliteShares(sqlite.dbPath),
      }),
    );

    const pgExits = await Promise.all([pgA.stop(), pgB.stop()]);
    const pgAfter = await Backend.start({ env: pgEnv, adminToken: pgA.adminToken, logFile });
    backends.push(pgAfter);
    rows.push(
      ...countRows('PostgreSQL, both instances', onPostgres, onPostgresTally, sweepFailures.get(onPostgresTally)!, {
        exitCodes: pgExits,
        reach: await pgAfter.reach(onPostgres.token, period),
        shares: await postgresShares(database.url),
      }),
    );
  } finally {
    for (const b of baselines) await b.stop();
    for (const b of backends) await b.dispose();
    postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * POST /v1/shares, batches of SHARE_BATCH fresh UUIDv7 ids: how many shares per second are accepted.
 * Batches still in flight when the run stops are sent again afterwards, which must change nothing for
 * those the server had already recorded (they come back as duplicates).
 */
async function sharesRun(
  target: Target,
  seeded: Seeded,
): Promise<{ row: TableRow; sent: { total: number; note: string } }> {
  let accepted = 0;
  let duplicates = 0;
  let badBodies = 0;
  const unanswered = new Map<number, { authorization: string; body: string }>();
  let batchSeq = 0;
  const sharedAt = new Date().toISOString();
  const headers = { 'content-type': 'application/json' };
  const before = target.cpu();
  const result = await run({
    url: across(target.urls),
    duration: DURATION * ROUNDS,
    connections: SHARE_CONNECTIONS,
    requests: [
      {
        method: 'POST',
        path: '/v1/shares',
        headers,
        setupRequest(req, context) {
          const shares = Array.from({ length: SHARE_BATCH }, () => ({
            id: uuidv7(),
            itemId: seeded.itemId,
            network: 'linkedin',
            sharedAt,
          }));
          const authorization = `Bearer ${seeded.sharers[batchSeq % seeded.sharers.length]!}`;
          req.headers = { ...headers, authorization };
          req.body = JSON.stringify({ shares });
          context.batch = batchSeq;
          unanswered.set(batchSeq++, { authorization, body: req.body });
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
  const after = target.cpu();
  const measure = new Measure();
  measure.add(result, {
    server: after.server - before.server,
    db: before.db === undefined ? undefined : after.db! - before.db,
  });
  const sharesPerSec = accepted / measure.seconds;
  const clean =
    measure.onlyStatus(200) &&
    badBodies === 0 &&
    duplicates === 0 &&
    accepted === SHARE_BATCH * (measure.statuses.get('200') ?? 0);

  let replayAccepted = 0;
  let replayDuplicates = 0;
  for (const { authorization, body } of unanswered.values()) {
    const res = await fetch(`${target.urls[0]!}/v1/shares`, {
      method: 'POST',
      headers: { ...headers, authorization },
      body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`replaying a share batch: HTTP ${res.status} ${text.slice(0, 300)}`);
    const r = JSON.parse(text) as { accepted: unknown[]; duplicates: unknown[] };
    replayAccepted += r.accepted.length;
    replayDuplicates += r.duplicates.length;
  }
  return {
    row: {
      name: `POST /v1/shares (batches of ${SHARE_BATCH} from ${SHARERS} people, ${SHARE_CONNECTIONS} conn.) · ${target.label}`,
      reqPerSec: measure.reqPerSec,
      p50: measure.latency('p50'),
      p99: measure.latency('p99'),
      cpuPerRequest: measure.perRequest(measure.cpuSeconds),
      dbCpuPerRequest: before.db === undefined ? undefined : measure.perRequest(measure.dbCpuSeconds),
      figure: clean
        ? `${Math.round(sharesPerSec).toLocaleString('en-US')} shares/s accepted`
        : `unexpected: ${measure.describeStatuses()}, accepted ${accepted}, duplicates ${duplicates}, unreadable ${badBodies}`,
      budget: 'all accepted, none duplicate',
      pass: clean,
    },
    sent: {
      total: accepted + replayAccepted + replayDuplicates,
      note: `${unanswered.size} in-flight batches replayed (${target.label}): ${replayDuplicates} duplicates, ${replayAccepted} new`,
    },
  };
}

/** What a fresh server on the database reports after SIGTERM of every instance, against what was answered. */
/** Shares in a database, everyone's: counted in the database itself, whose rows outlive any process. */
function sqliteShares(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM shares').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function postgresShares(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM shares');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

interface AfterRestart {
  /** How every instance on the database exited on SIGTERM. */
  exitCodes: (number | null)[];
  /** The bench employee's reach, from a fresh server on the database. */
  reach: Awaited<ReturnType<Backend['reach']>>;
  shares: number;
}

function countRows(
  where: string,
  seeded: Seeded,
  tally: Tally,
  sweepFailures: string[],
  after: AfterRestart,
): TableRow[] {
  const { exitCodes, reach } = after;
  const exits = exitCodes.every((c) => c === 0) ? '' : `; exit codes ${exitCodes.join(', ')}`;
  const returning = reach.byNetwork.linkedin.clicks;
  const fresh = reach.byNetwork.x.clicks;
  const { answered, sent } = tally.newVisitors;
  return [
    {
      name: `returning visitors' clicks recorded after SIGTERM + restart · ${where}`,
      figure:
        `${returning} clicks for ${tally.visitors.size} distinct visitors (${seeded.employeeName})${exits}` +
        (sweepFailures.length ? `; not redirected: ${sweepFailures.slice(0, 3).join(', ')}` : ''),
      budget: 'equal, exit 0',
      pass:
        exits === '' &&
        returning === tally.visitors.size &&
        tally.visitors.size === VISITORS &&
        sweepFailures.length === 0,
    },
    {
      name: `new visitors' clicks recorded after SIGTERM + restart · ${where}`,
      figure: `${fresh} clicks for ${answered} answered, ${sent} sent`,
      budget: 'answered ≤ recorded ≤ sent',
      pass: answered > 0 && answered <= fresh && fresh <= sent,
    },
    {
      name: `shares recorded after restart · ${where}`,
      figure: `${after.shares} recorded for ${tally.sharesSent} sent (${tally.sharesNote})`,
      budget: 'equal',
      pass: after.shares === tally.sharesSent,
    },
  ];
}
