/**
 * The server bench's shares run, and what it checks at the end: every click and share sent to a database is
 * in it after SIGTERM of every instance and a fresh start.
 */
import type { Result } from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Backend } from '../helpers/server';
import type { TableRow } from './common';
import { SHARERS, VISITORS, type Seeded } from './server-seed';
import { across, DURATION, Measure, ROUNDS, run, type Target } from './server-sides';

const SHARE_BATCH = 100;
const SHARE_CONNECTIONS = 10;

/** Clicks and shares sent to one database, over every target on it, for the checks at the end. */
export class Tally {
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

/**
 * POST /v1/shares, batches of SHARE_BATCH fresh UUIDv7 ids: how many shares per second are accepted.
 * Batches still in flight when the run stops are sent again afterwards, which must change nothing for
 * those the server had already recorded (they come back as duplicates).
 */
export async function sharesRun(
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

/** Shares in a database, everyone's: counted in the database itself, whose rows outlive any process. */
export function sqliteShares(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM shares').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export async function postgresShares(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM shares');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

export interface AfterRestart {
  /** How every instance on the database exited on SIGTERM. */
  exitCodes: (number | null)[];
  /** The bench employee's reach, from a fresh server on the database. */
  reach: Awaited<ReturnType<Backend['reach']>>;
  shares: number;
}

/** What a fresh server on the database reports after SIGTERM of every instance, against what was answered. */
export function countRows(
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
