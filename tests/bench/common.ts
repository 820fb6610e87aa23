/** What every part of `npm run bench` shares: the row it adds to the one table, and how it reads its knobs. */

/** One measured figure of a part, with its budget; a row with `pass: false` fails the run. */
export interface Row {
  name: string;
  figure: string;
  budget: string;
  pass: boolean;
  /** The figure against its budget or baseline, where one applies. */
  ratio?: number;
}

/** A positive number from the environment, or the fallback when it is unset or not one. */
export function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A line of the printed table: the server part fills the request columns, the other parts a figure. */
export interface TableRow {
  name: string;
  reqPerSec?: number;
  p50?: number;
  p99?: number;
  /** Ratio of reqPerSec to the baseline's. */
  ratio?: number;
  /** CPU time of the server process(es) per answered request, in µs. */
  cpuPerRequest?: number;
  /** CPU time of the PostgreSQL server processes per answered request, in µs. */
  dbCpuPerRequest?: number;
  /** A figure that is not requests per second (shares/s, clicks recorded, …). */
  figure?: string;
  budget?: string;
  pass?: boolean;
}
