/**
 * How the server bench loads and measures a side: autocannon runs with the CPU the servers spent meanwhile,
 * the targets (Relay's instances, the bare and reference servers), and the table rows of a comparison.
 *
 * A budget is held side by side: Relay and the side it is held against loaded in the same run, half the
 * connections each, and compared by CPU time per answered request. Runs one after the other drifted apart on
 * this kind of machine (the same reference read 24 µs per request in one run and 43 in another minutes later),
 * and their requests per second are partly set by the load generator; two servers measured over the same
 * seconds see the same machine.
 */
import autocannon, { type Options, type Result } from 'autocannon';
import type { Backend } from '../helpers/server';
import type { BaselineServer } from './baseline';
import { envNumber, median, type TableRow } from './common';
import { processCpuSeconds, processTreeCpuSeconds } from './process-cpu';

export const DURATION = envNumber('BENCH_DURATION', 3);
export const ROUNDS = Math.round(envNumber('BENCH_ROUNDS', 5));
export const WARMUP = envNumber('BENCH_WARMUP', 2);
export const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 50));

/** Autocannon runs of one side of a comparison, summed, with the CPU its servers used meanwhile. */
export class Measure {
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

export function run(opts: Options): Promise<Result> {
  return autocannon({ connections: CONNECTIONS, timeout: 10, ...opts });
}

export interface CpuSample {
  server: number;
  db?: number;
}

/** Servers loaded together in one run (one, or two instances behind no balancer), and their CPU so far. */
export interface Target {
  label: string;
  urls: string[];
  cpu(): CpuSample;
}

/** One autocannon target: one URL, or the list autocannon spreads its connections over. */
export const across = (urls: string[]): Options['url'] => (urls.length === 1 ? urls[0]! : urls);

/** One side of a comparison: a target loaded one way; `baseline` is the side its ratio is taken against. */
export interface Side {
  name: string;
  target: Target;
  options: (duration: number) => Options;
  baseline?: Side;
  /** The budget, measured side by side with `held.against`. */
  held?: Held;
  onResult?: (r: Result) => void;
  measure: Measure;
  perRound: number[];
}

/**
 * A budget: per round, `against`'s CPU per answered request ÷ this side's, both measured in one run, side by
 * side; the median over the rounds is at least `ratio`. That is the share of `against`'s requests per second
 * this side would answer with the machine to itself.
 */
export interface Held {
  against: Side;
  ratio: number;
  /** What `against` is, for the budget column. */
  what: string;
  /**
   * Count the PostgreSQL server's CPU as this side's: for a path that writes to it. A path answered from memory
   * does not query it; what it does meanwhile is its own background work after the runs that wrote (autovacuum,
   * checkpoints), which would otherwise land on whichever path came next.
   */
  withDatabase: boolean;
  own: Measure;
  theirs: Measure;
  rounds: number[];
}

export const heldAgainst = (against: Side, ratio: number, what: string, withDatabase: boolean): Held => ({
  against,
  ratio,
  what,
  withDatabase,
  own: new Measure(),
  theirs: new Measure(),
  rounds: [],
});

export interface Comparison {
  status: number;
  sides: Side[];
}

const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const ratiosTo = (s: Side, other: Side): number[] => s.perRound.map((rps, i) => rps / other.perRound[i]!);

export async function measured(
  s: Side,
  duration: number,
  connections = CONNECTIONS,
): Promise<{ result: Result; cpu: CpuSample }> {
  const before = s.target.cpu();
  const result = await run({ ...s.options(duration), connections });
  const after = s.target.cpu();
  const db = before.db === undefined || after.db === undefined ? undefined : after.db - before.db;
  return { result, cpu: { server: after.server - before.server, db } };
}

const perRequest = ({ result, cpu }: { result: Result; cpu: CpuSample }): number =>
  result.requests.total > 0 ? ((cpu.server + (cpu.db ?? 0)) * 1e6) / result.requests.total : Infinity;

/** One round of a budget: `s` and the side it is held against, loaded together. Returns `s`'s result. */
export async function measuredSideBySide(s: Side, duration: number): Promise<Result> {
  const held = s.held!;
  const half = Math.max(1, Math.round(CONNECTIONS / 2));
  const [measuredOwn, theirs] = await Promise.all([
    measured(s, duration, half),
    measured(held.against, duration, half),
  ]);
  // The database's CPU is left out here, once, for a path that does not write to it.
  const own = held.withDatabase ? measuredOwn : { ...measuredOwn, cpu: { server: measuredOwn.cpu.server } };
  held.own.add(own.result, own.cpu);
  held.theirs.add(theirs.result, theirs.cpu);
  held.rounds.push(perRequest(theirs) / perRequest(own));
  return own.result;
}

function heldFigure(held: Held): string {
  const own = held.own.perRequest(held.own.cpuSeconds + held.own.dbCpuSeconds)!;
  const theirs = held.theirs.perRequest(held.theirs.cpuSeconds)!;
  return (
    `; side by side ${median(held.rounds).toFixed(2)} × ${held.what} (rounds ${spread(held.rounds)}; ` +
    `CPU ${own.toFixed(0)} µs/req against ${theirs.toFixed(0)})`
  );
}

export function comparisonRows(c: Comparison): TableRow[] {
  return c.sides.map((s) => {
    const clean = s.measure.onlyStatus(c.status) && (!s.held || s.held.own.onlyStatus(c.status));
    const base = s.baseline;
    const ratios = base ? ratiosTo(s, base) : [];
    const ratio = base ? median(ratios) : undefined;
    const heldRatio = s.held ? median(s.held.rounds) : undefined;
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
        ? figure + (s.held ? heldFigure(s.held) : '')
        : `unexpected: ${s.measure.describeStatuses()}` +
          (s.held ? `; side by side: ${s.held.own.describeStatuses()}` : ''),
      budget: s.held ? `≥ ${s.held.ratio} × ${s.held.what}, CPU per request side by side` : undefined,
      pass: s.held ? clean && heldRatio! >= s.held.ratio : clean ? undefined : false,
    };
  });
}

export function backendTarget(label: string, backends: Backend[], postmaster?: number): Target {
  return {
    label,
    urls: backends.map((b) => b.url),
    cpu: () => ({
      server: backends.reduce((sum, b) => sum + processCpuSeconds(b.child.pid!), 0),
      db: postmaster === undefined ? undefined : processTreeCpuSeconds(postmaster),
    }),
  };
}

export function baselineTarget(label: string, servers: BaselineServer[]): Target {
  return {
    label,
    urls: servers.map((s) => s.url),
    cpu: () => ({ server: servers.reduce((sum, s) => sum + processCpuSeconds(s.pid), 0) }),
  };
}
