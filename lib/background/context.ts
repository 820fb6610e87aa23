import type { FetchLike } from '../api/client';
import type { RelayDb } from '../db';
import type { FlushResult } from '../outbox';
import type { Connection } from '../settings';
import type { ManagedSettings } from '../settings/managed';
import type { SyncResult } from '../sync';

/** What the service's parts share: the database, the connection rules and the periodic work. */
export interface ServiceContext {
  /** The database, resolved lazily (the background creates it on first use). */
  db: () => RelayDb;
  /** The connection to use, or null (lib/background/session.ts). */
  getConnection: () => Promise<Connection | null>;
  /** For requests with a token: a 401 ends that token's session. */
  fetch: FetchLike;
  /** The fetch the service was given, for requests before there is a token (redeem, sign out). */
  plainFetch?: FetchLike;
  /** The settings the company's policy presets, read at each use so a new policy applies at once. */
  managed: () => Promise<ManagedSettings>;
  now: () => number;
  /** Tells the background the cached queue changed (its head snapshot follows). */
  queueChanged: () => Promise<void>;
  /** Deliver waiting shares; `force` ignores the backoff (someone is looking, or just connected). */
  flush: (force?: boolean) => Promise<FlushResult>;
  /** The periodic work: the queue, then whatever the outbox holds that is due. */
  syncAndFlush: (force?: boolean) => Promise<SyncResult>;
}
