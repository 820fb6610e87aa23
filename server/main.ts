import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type RelayApp } from './app';
import { defaultPublicUrl, type Config } from './config';
import { openDatabase, type Database } from './db/database';

export interface RunningServer {
  relay: RelayApp;
  url: string;
  /** Stops accepting, lets requests in flight finish, writes buffered clicks, closes the database. */
  stop(): Promise<void>;
}

/** Listens on HOST:PORT with an already migrated database (or opens one from the config). */
export async function startServer(config: Config, database?: Database): Promise<RunningServer> {
  let url = defaultPublicUrl(config.host, config.port);
  const relay = await createApp({
    database: database ?? (await openDatabase(config.database)),
    publicUrl: () => config.publicUrl ?? url,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    clickFlushMs: config.clickFlushMs,
    sessionIdleMs: config.sessionIdleMs,
    ...(config.oidc ? { oidc: config.oidc } : {}),
    ...(config.unfurlAllowLoopback ? { unfurl: { allowedRanges: ['127.0.0.0/8', '::1/128'], allowAnyPort: true } } : {}),
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: relay.app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
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
