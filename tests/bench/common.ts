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
