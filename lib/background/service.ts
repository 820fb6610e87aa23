import { createApi, type FetchLike } from '../api/client';
import { describeError } from '../api/errors';
import { normaliseServerUrl } from '../api/url';
import type { RelayDb } from '../db';
import type { Handlers } from '../messaging/handlers';
import type { ConnectResult, RelayStatus } from '../messaging/protocol';
import {
  clearConnection,
  employeeItem,
  getConnection,
  lastSyncItem,
  saveConnection,
  serverUrlItem,
} from '../settings';
import { syncQueue, type SyncDeps } from '../sync';

export interface ServiceDeps {
  /** The database, resolved lazily (the background creates it on first use). */
  db: () => RelayDb;
  fetch?: FetchLike;
  newSessionId?: () => string;
}

/**
 * What the background does for each message. Kept apart from entrypoints/background.ts (which only wires
 * listeners) so it can be tested with a fake fetch and WXT's fake browser.
 */
export function createRelayService(deps: ServiceDeps) {
  const newSessionId = deps.newSessionId ?? (() => crypto.randomUUID());

  const syncDeps = (): SyncDeps => ({
    db: deps.db(),
    getConnection,
    recordLastSync: (status) => lastSyncItem.setValue(status),
    fetch: deps.fetch,
  });

  const sync = () => syncQueue(syncDeps());

  async function connect({ serverUrl, code }: { serverUrl: string; code: string }): Promise<ConnectResult> {
    const url = normaliseServerUrl(serverUrl);
    if (!url.ok) return { ok: false, message: url.message };
    const inviteCode = code.trim();
    if (!inviteCode) return { ok: false, message: 'Enter the invite code you were given.' };

    let redeemed;
    try {
      redeemed = await createApi({ serverUrl: url.url, fetch: deps.fetch }).redeem(inviteCode);
    } catch (err) {
      return { ok: false, message: describeError(err) };
    }

    // Settings first, then a fresh cache under a new session: a sync still running for the previous
    // account sees the session change and throws its answer away (lib/sync).
    await saveConnection({ serverUrl: url.url, token: redeemed.token, employee: redeemed.employee });
    await deps.db().resetCache(newSessionId());
    const result = await sync();
    return result.ok
      ? { ok: true, employee: redeemed.employee, items: result.items }
      : { ok: true, employee: redeemed.employee, items: 0, syncError: result.error };
  }

  async function disconnect(): Promise<{ ok: true }> {
    await clearConnection();
    await deps.db().resetCache(null);
    return { ok: true };
  }

  async function getStatus(): Promise<RelayStatus> {
    const [connection, serverUrl, employee, lastSync, items] = await Promise.all([
      getConnection(),
      serverUrlItem.getValue(),
      employeeItem.getValue(),
      lastSyncItem.getValue(),
      deps.db().queue.count(),
    ]);
    return { connected: connection !== null, serverUrl, employee, lastSync, items };
  }

  const handlers: Handlers = {
    connect: (data) => connect(data),
    syncNow: () => sync(),
    getStatus: () => getStatus(),
    disconnect: () => disconnect(),
  };

  return { handlers, sync, connect, disconnect, getStatus };
}
