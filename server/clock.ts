/** Milliseconds since the epoch. Injected so tests can move time (scheduled items, expiry, dedupe windows). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const toIso = (ms: number): string => new Date(ms).toISOString();
export const fromIso = (iso: string): number => Date.parse(iso);
