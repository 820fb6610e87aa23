import { pino, type DestinationStream, type Logger } from 'pino';
import { LineWriter } from './line-writer';

export type Log = Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON object per line on stdout, for whatever collects the logs: written in one batch per turn of the
 * event loop (LineWriter), so a log line costs the redirect path a string build, not a write(2).
 */
export function createLog(level: LogLevel, destination?: DestinationStream): Log {
  return pino(
    {
      level,
      timestamp: isoTimeOncePerMs(),
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? new LineWriter(1),
  );
}

/**
 * pino's `,"time":"<ISO 8601>"`, built once per millisecond: under load many lines share one, and formatting
 * a date was a tenth of a logged redirect's cost.
 */
function isoTimeOncePerMs(): () => string {
  let at = Number.NaN;
  let field = '';
  return () => {
    const now = Date.now();
    if (now !== at) {
      at = now;
      field = `,"time":"${new Date(now).toISOString()}"`;
    }
    return field;
  };
}

/** For apps built without a log (unit tests, scripts): nothing is written. */
export const silentLog: Log = pino({ level: 'silent' });
