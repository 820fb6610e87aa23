import { destination as fileDestination, pino, type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON object per line on stdout, for whatever collects the logs. The default destination writes
 * asynchronously in batches, so a log line costs the redirect path a string build, not a write(2); pino
 * flushes what is left when the process exits.
 */
export function createLog(level: LogLevel, destination?: DestinationStream): Log {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? fileDestination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }),
  );
}

/** For apps built without a log (unit tests, scripts): nothing is written. */
export const silentLog: Log = pino({ level: 'silent' });
