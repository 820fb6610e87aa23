import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type RelayApp } from './app';
import { defaultPublicUrl, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { SERVER_LIMITS, applyServerLimits, creationOptions, type ServerLimits } from './http/server-limits';
import { createLog, type Log } from './log/logger';

export interface RunningServer {
  relay: RelayApp;
  url: string;
  /** Stops accepting, lets requests in flight finish, writes buffered clicks, closes the database. */
  stop(): Promise<void>;
}

/** Tests shorten the limits and read the log; production takes the defaults and LOG_LEVEL. */
export interface ServerTuning {
  limits?: ServerLimits;
  log?: Log;
}

/** Listens on HOST:PORT with an already migrated database (or opens one from the config). */
export async function startServer(config: Config, database?: Database, tuning: ServerTuning = {}): Promise<RunningServer> {
  let url = defaultPublicUrl(config.host, config.port);
  const log = tuning.log ?? createLog(config.logLevel);
  const limits = tuning.limits ?? SERVER_LIMITS;
  const relay = await createApp({
    log,
    database: database ?? (await openDatabase(config.dbFile)),
    publicUrl: () => config.publicUrl ?? url,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    maxSharesPerDay: config.maxSharesPerDay,
    clickFlushMs: config.clickFlushMs,
    sessionIdleMs: config.sessionIdleMs,
    ...(config.oidc ? { oidc: config.oidc } : {}),
    ...(config.unfurlAllowLoopback ? { unfurl: { allowedRanges: ['127.0.0.0/8', '::1/128'], allowAnyPort: true } } : {}),
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      { fetch: relay.app.fetch, port: config.port, hostname: config.host, serverOptions: creationOptions(limits) },
      () => resolve(s as Server),
    ) as Server;
    s.once('error', reject);
    applyServerLimits(s, limits, log);
  });
  // PORT=0 asks the system for a free port: the links must name the one we got.
  url = defaultPublicUrl(config.host, (server.address() as AddressInfo).port);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      // Keep-alive connections with no request in flight would hold close() open until they time out.
      server.closeIdleConnections();
    }).then(() => relay.close()));

  return { relay, url, stop };
}

/** SIGTERM/SIGINT → graceful stop, exit 0; a second signal exits at once. */
export function stopOnSignals(running: RunningServer): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(1);
    received = true;
    console.log(`Relay: ${signal} received, stopping`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Relay: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
