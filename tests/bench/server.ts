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
 * the first of these (see FROM_MEMORY_BUDGET), in runs of their own that load Relay and that reference at the
 * same time, by CPU per answered request (see server-sides.ts for why).
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
import type { Options } from 'autocannon';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server';
import { Backend } from '../helpers/server';
import { startBaseline, type BaselineServer } from './baseline';
import type { TableRow } from './common';
import { countRows, postgresShares, sharesRun, sqliteShares, Tally } from './server-counts';
import { benchDatabase, seed, visitorAgent, visitorRequests, VISITORS, type Seeded } from './server-seed';
import {
  across,
  backendTarget,
  baselineTarget,
  comparisonRows,
  CONNECTIONS,
  DURATION,
  heldAgainst,
  Measure,
  measured,
  measuredSideBySide,
  ROUNDS,
  WARMUP,
  type Comparison,
  type Held,
  type Side,
  type Target,
} from './server-sides';

export { CONNECTIONS, DURATION, ROUNDS, WARMUP };

/**
 * The budgets, each a ratio to node:http with Relay's access log, measured side by side. The bare node:http
 * server has no duties at all: no request id, no access line, no lookup, no write; beside it Relay's paths
 * read 0.4–0.6 at LOG_LEVEL info, and the access line alone takes a third of that ceiling (the reference
 * rows show it). So the paths answered from memory are held against node:http with the access log, which is
 * the cost of any request here before Relay does any work. A new visitor's redirect also writes the click
 * (deduplicated in the database, durable within ~50 ms, three rollups): it may cost up to 1/0.6 of a
 * redirect answered from memory, so its budget is 0.6 of theirs. The ratio to bare node:http is still printed
 * for every row.
 */
const FROM_MEMORY_BUDGET = 0.7;
const WRITTEN_CLICK_BUDGET = 0.6 * FROM_MEMORY_BUDGET;
const HONO_REFERENCE = process.env.BENCH_HONO !== '0';
// New visitors are told apart by the address a proxy forwards, as behind a load balancer.
// Each bench person still sends hundreds of shares in a day: far past the daily cap that stops faked reach.
const BACKEND_ENV = {
  RELAY_TRUST_PROXY: '1',
  RELAY_MAX_SHARES_PER_DAY: '1000000000',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
};

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
    const heldBy = (ratio: number, withDatabase: boolean) => (_: Target, logged: Side) =>
      heldAgainst(logged, Number(ratio.toFixed(2)), 'node:http + access log', withDatabase);

    const comparisons: Comparison[] = [
      {
        status: 302,
        sides: sidesFor(
          'GET /r/:code → 302, a new visitor each: every click written',
          '302, new visitors',
          (t, seeded) => newVisitorsOn(t, seeded.newVisitorPath),
          heldBy(WRITTEN_CLICK_BUDGET, true),
          true,
        ),
      },
      {
        status: 302,
        sides: sidesFor(
          `GET /r/:code → 302, ${VISITORS} returning visitors (counted once)`,
          '302',
          (t, seeded, tally) => returningOn(t, seeded.redirectPath, tally.visitors),
          heldBy(FROM_MEMORY_BUDGET, false),
        ),
      },
      {
        status: 304,
        sides: sidesFor(
          'GET /v1/queue If-None-Match → 304',
          '304',
          (t, seeded) => queueOn(t, seeded),
          heldBy(FROM_MEMORY_BUDGET, false),
        ),
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
        for (const s of order) {
          if (!s.held) continue;
          const result = await measuredSideBySide(s, DURATION);
          s.onResult?.(result);
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
