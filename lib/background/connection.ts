import { createApi } from '../api/client';
import { describeError } from '../api/errors';
import type { Redeemed } from '../contract/auth';
import { t } from '../i18n';
import type { ConnectResult, RelayStatus } from '../messaging/protocol';
import {
  clearConnection,
  employeeItem,
  getConnection as storedConnection,
  lastSyncItem,
  saveConnection,
  serverUrlItem,
} from '../settings';
import { chooseServer } from '../settings/managed';
import type { ServiceContext } from './context';
import { browserWebAuthFlow, singleSignOn, type WebAuthFlow } from './single-sign-on';

/** How long Disconnect waits for the server to end the session before signing out locally anyway. */
export const SIGN_OUT_TIMEOUT_MS = 3000;

export interface ConnectionDeps {
  newSessionId: () => string;
  /** The browser's web-auth flow for single sign-on; tests pass a fake provider walk. */
  webAuthFlow?: WebAuthFlow;
}

/** Signing in (invite code or single sign-on), signing out, and what the pages show of the connection. */
export function createConnectionHandlers(ctx: ServiceContext, deps: ConnectionDeps) {
  async function connect({ serverUrl, code }: { serverUrl: string; code: string }): Promise<ConnectResult> {
    const policy = await ctx.managed();
    const url = chooseServer(policy, serverUrl);
    if (!url.ok) return { ok: false, message: url.message };
    if (policy.singleSignOnOnly) return { ok: false, message: t('signin.inviteCodesOff') };
    const inviteCode = code.trim();
    if (!inviteCode) return { ok: false, message: t('errors.enterCode') };

    let redeemed;
    try {
      redeemed = await createApi({ serverUrl: url.url, fetch: ctx.plainFetch }).redeem(inviteCode);
    } catch (err) {
      return { ok: false, message: describeError(err) };
    }

    return finishConnect(url.url, redeemed);
  }

  /**
   * Single sign-on at the server typed (or the company's, when its policy names one): the provider's sign-in
   * window, then the same as connecting with a code.
   */
  async function signInWithSso({ serverUrl }: { serverUrl: string }): Promise<ConnectResult> {
    const url = chooseServer(await ctx.managed(), serverUrl);
    if (!url.ok) return { ok: false, message: url.message };
    const outcome = await singleSignOn(url.url, {
      flow: deps.webAuthFlow ?? browserWebAuthFlow,
      fetch: ctx.plainFetch,
    });
    if (!outcome.ok) return outcome;
    return finishConnect(url.url, outcome.redeemed);
  }

  async function finishConnect(serverUrl: string, redeemed: Redeemed): Promise<ConnectResult> {
    // The same person on the same server signing in again (their session had ended): what Relay cached for
    // them is still theirs and stays. Anyone else starts from an empty cache.
    const [before, beforeServer] = await Promise.all([employeeItem.getValue(), serverUrlItem.getValue()]);
    const samePerson = before?.id === redeemed.employee.id && beforeServer === serverUrl;
    // Settings first, then a fresh cache under a new session: a sync still running for the previous
    // account sees the session change and throws its answer away (lib/sync).
    await saveConnection({ serverUrl, token: redeemed.token, employee: redeemed.employee, samePerson });
    if (!samePerson) {
      await ctx.db().resetCache(deps.newSessionId());
      await ctx.queueChanged();
    }
    // Shares made while signed out (or signed out by the server) go now, whatever their backoff; the outbox
    // sends only those recorded under this person.
    const result = await ctx.syncAndFlush(true);
    return result.ok
      ? { ok: true, employee: redeemed.employee, items: result.items }
      : { ok: true, employee: redeemed.employee, items: 0, syncError: result.error };
  }

  async function disconnect(): Promise<{ ok: true }> {
    // Ends the session on the server too, so a token copied off this computer stops working. Best effort with
    // a short wait: offline, or with the server down or already refusing the token, Disconnect still signs out
    // here at once; the server then ends the session itself once it has gone unused for its idle time.
    // The stored one: its token goes back to the server that issued it, even when a policy now names another.
    const connection = await storedConnection();
    if (connection) {
      await createApi({ ...connection, fetch: ctx.plainFetch, timeoutMs: SIGN_OUT_TIMEOUT_MS })
        .signOut()
        .catch(() => undefined);
    }
    await clearConnection();
    await ctx.db().resetCache(null);
    await ctx.queueChanged();
    return { ok: true };
  }

  async function getStatus(): Promise<RelayStatus> {
    const [connection, serverUrl, employee, lastSync, items] = await Promise.all([
      ctx.getConnection(),
      serverUrlItem.getValue(),
      employeeItem.getValue(),
      lastSyncItem.getValue(),
      ctx.db().queue.count(),
    ]);
    return { connected: connection !== null, serverUrl, employee, lastSync, items };
  }

  return { connect, signInWithSso, disconnect, getStatus };
}
