import type { AddressInfo } from 'node:net';
import { createApp, type RelayApp } from './app';
import { defaultPublicUrl, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { appServer } from './http/node-listener';
import { SERVER_LIMITS, applyServerLimits, creationOptions, type ServerLimits } from './http/server-limits';
import { createLog, type Log } from './log/logger';

export interface RunningServer {
  relay: RelayApp;
  url: string;
  /** Stops accepting, lets requests in flight finish, writes buffered clicks, closes the database. */
  stop(): Promise<void>;
  /** During stop: cut the connections still open now rather than waiting for them (clicks are still written). */
  hurry(): void;
  log: Log;
}

const STOP_GRACE_MS = 5000;
/** Tests shorten the limits and read the log; production takes the defaults and LOG_LEVEL. */
export interface ServerTuning {
  limits?: ServerLimits;
  log?: Log;
}

/** Listens on HOST:PORT with an already migrated database (or opens one from the config). */
export async function startServer(
  config: Config,
  database?: Database,
  tuning: ServerTuning = {},
): Promise<RunningServer> {
  let url = defaultPublicUrl(config.host, config.port);
  const log = tuning.log ?? createLog(config.logLevel);
  const limits = tuning.limits ?? SERVER_LIMITS;
  const relay = await createApp({
    log,
    database: database ?? (await openDatabase(config.database)),
    publicUrl: () => config.publicUrl ?? url,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    maxSharesPerDay: config.maxSharesPerDay,
    clickFlushMs: config.clickFlushMs,
    sessionIdleMs: config.sessionIdleMs,
    ...(config.oidc ? { oidc: config.oidc } : {}),
    ...(config.unfurlAllowLoopback
      ? { unfurl: { allowedRanges: ['127.0.0.0/8', '::1/128'], allowAnyPort: true } }
      : {}),
  });

  const server = appServer(relay.app, log, creationOptions(limits), relay.shortcut);
  applyServerLimits(server, limits, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // PORT=0 asks the system for a free port: the links must name the one we got.
  url = defaultPublicUrl(config.host, (server.address() as AddressInfo).port);

  // Stopping: no new connections; requests already received are answered (their clicks buffered) with
  // `Connection: close`, so keep-alive connections end after their current request instead of carrying
  // new ones; then the click buffer is written and the database closed. Connections still open after
  // STOP_GRACE_MS (a slow client) are cut, and the clicks are written all the same.
  let closing = false;
  server.prependListener('request', (_req, res) => {
    if (closing) res.setHeader('Connection', 'close');
  });
  let stopping: Promise<void> | undefined;
  let cut: (() => void) | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      closing = true;
      cut = () => server.closeAllConnections();
      const force = setTimeout(cut, STOP_GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      // Idle keep-alive connections hold no request: nothing to wait for.
      server.closeIdleConnections();
    }).then(() => relay.close()));

  return { relay, url, stop, hurry: () => cut?.(), log };
}

/**
 * SIGTERM/SIGINT → graceful stop, exit 0 (1 when the last clicks could not be written). A repeated signal
 * (a second Ctrl-C, or one relayed by npx or tsx) stops waiting for open connections but never skips
 * writing the buffered clicks: exiting at once would lose every click answered since the last write. A third
 * exits at once.
 */
export function stopOnSignals(running: RunningServer): void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received++;
    // A third: the person at the terminal wants out now, whatever is left.
    if (received > 2) process.exit(1);
    if (received === 2) {
      running.hurry();
      return;
    }
    running.log.info({ signal }, 'stopping');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
