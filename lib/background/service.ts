import { browser } from 'wxt/browser';
import type { FetchLike } from '../api/client';
import type { RelayDb } from '../db';
import type { Handlers } from '../messaging/handlers';
import { FLUSH_ALARM, flushOutbox, type FlushResult } from '../outbox';
import { employeeItem, lastSyncItem, type Connection } from '../settings';
import { readManaged, type ManagedSettings } from '../settings/managed';
import { syncQueue } from '../sync';
import { runAfterSync } from './after-sync';
import { createConnectionHandlers } from './connection';
import type { ServiceContext } from './context';
import { applyManaged } from './managed';
import { openRelay, suggestPage, updateAudience } from './page-actions';
import { sessionFetch, usableConnection } from './session';
import { recordPopupShare, recordReportedShare } from './shares';
import type { WebAuthFlow } from './single-sign-on';
import { getSuggestions } from './suggestions';

export { SIGN_OUT_TIMEOUT_MS } from './connection';
export { SHARE_MAX_AGE_MS, SHARE_MAX_AHEAD_MS } from './shares';
export { MAX_SUGGESTIONS } from './suggestions';

export interface ServiceDeps {
  /** The database, resolved lazily (the background creates it on first use). */
  db: () => RelayDb;
  fetch?: FetchLike;
  newSessionId?: () => string;
  now?: () => number;
  random?: () => number;
  /**
   * Runs after every queue sync that reached the server, given the service's connection and fetch so its
   * requests follow the same rules. Default: runAfterSync without the badge and reminders.
   */
  afterSync?: (net: { getConnection: () => Promise<Connection | null>; fetch: FetchLike }) => Promise<void>;
  /** Runs after every change to the cached queue (a sync that brought changes, connecting, disconnecting). */
  onQueueChanged?: () => Promise<void> | void;
  /** The settings the company's policy presets (storage.managed); read at each use, so a new policy applies at once. */
  managed?: () => Promise<ManagedSettings>;
  /** The browser's web-auth flow for single sign-on; tests pass a fake provider walk. */
  webAuthFlow?: WebAuthFlow;
}

/** Schedules the outbox's next attempt with an alarm (timers do not survive the worker being stopped). */
async function scheduleFlushAlarm(when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(FLUSH_ALARM);
  else await browser.alarms.create(FLUSH_ALARM, { when });
}

/**
 * What the background does for each message, assembled from its parts (connection, suggestions, shares,
 * page actions). Kept apart from entrypoints/background.ts (which only wires listeners) so it can be tested
 * with a fake fetch and WXT's fake browser.
 */
export function createRelayService(deps: ServiceDeps) {
  const managed = deps.managed ?? (() => readManaged());
  const fetch = sessionFetch(deps.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const getConnection = () => usableConnection(managed);
  const now = deps.now ?? (() => Date.now());
  const afterSync = deps.afterSync ?? runAfterSync;
  const queueChanged = () => Promise.resolve(deps.onQueueChanged?.()).catch(() => undefined);

  async function sync() {
    const result = await syncQueue({
      db: deps.db(),
      getConnection,
      recordLastSync: (status) => lastSyncItem.setValue(status),
      fetch,
    });
    if (result.ok && result.outcome !== 'not-modified') await queueChanged();
    if (result.ok) await afterSync({ getConnection, fetch }).catch(() => undefined);
    return result;
  }

  const flush = (force = false): Promise<FlushResult> =>
    flushOutbox(
      {
        db: deps.db(),
        getConnection,
        getEmployeeId: async () => (await employeeItem.getValue())?.id ?? null,
        schedule: scheduleFlushAlarm,
        fetch,
        now,
        random: deps.random,
      },
      { force },
    );

  async function syncAndFlush(force = false) {
    const result = await sync();
    await flush(force).catch(() => undefined);
    return result;
  }

  const ctx: ServiceContext = {
    db: deps.db,
    getConnection,
    fetch,
    plainFetch: deps.fetch,
    managed,
    now,
    queueChanged,
    flush,
    syncAndFlush,
  };
  const connection = createConnectionHandlers(ctx, {
    newSessionId: deps.newSessionId ?? (() => crypto.randomUUID()),
    webAuthFlow: deps.webAuthFlow,
  });

  const handlers: Handlers = {
    connect: (data) => connection.connect(data),
    signInWithSso: (data) => connection.signInWithSso(data),
    // Someone is looking (the popup opened, or asked): the queue, and every waiting share whatever its backoff.
    syncNow: () => syncAndFlush(true),
    getStatus: () => connection.getStatus(),
    disconnect: () => connection.disconnect(),
    getSuggestions: (data) => getSuggestions(ctx, data),
    recordShare: (data) => recordReportedShare(ctx, data),
    openRelay: (_data, sender) => openRelay(sender),
    recordPopupShare: (data) => recordPopupShare(ctx, data),
    suggestPage: (data) => suggestPage(ctx, data),
    updateAudience: (data) => updateAudience(ctx, data),
  };

  return {
    handlers,
    ...connection,
    sync,
    syncAndFlush,
    flush,
    getSuggestions: (data: Parameters<Handlers['getSuggestions']>[0]) => getSuggestions(ctx, data),
    recordShare: (data: Parameters<Handlers['recordShare']>[0]) => recordReportedShare(ctx, data),
    recordPopupShare: (data: Parameters<Handlers['recordPopupShare']>[0]) => recordPopupShare(ctx, data),
    suggestPage: (data: Parameters<Handlers['suggestPage']>[0]) => suggestPage(ctx, data),
    updateAudience: (data: Parameters<Handlers['updateAudience']>[0]) => updateAudience(ctx, data),
    /** For requests of the background's own: the same connection rules and 401 handling. */
    getConnection,
    fetch,
    /** The company's policy applied to what is stored: at start and whenever an administrator changes it. */
    applyManaged: async (policy?: ManagedSettings) => applyManaged(policy ?? (await managed())),
  };
}
