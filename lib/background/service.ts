import { browser } from 'wxt/browser';
import { createApi, type FetchLike } from '../api/client';
import { describeError } from '../api/errors';
import { personalise } from '../captions/personalise';
import { rankCaptions } from '../captions/rank';
import { t } from '../i18n';
import type { Network } from '../contract/common';
import { listQueue, sharedItemIds, type RelayDb } from '../db';
import type { Handlers } from '../messaging/handlers';
import type {
  AudienceUpdate,
  AudienceUpdateResult,
  ConnectResult,
  PopupShare,
  RecordShareResult,
  RelayStatus,
  ShareReport,
  Suggestion,
  SuggestPageRequest,
  SuggestPageResult,
  SuggestionsResult,
} from '../messaging/protocol';
import { SuggestionCreate } from '../contract/suggestions';
import { FLUSH_ALARM, flushOutbox, recordShare, type FlushDeps, type FlushResult } from '../outbox';
import { preparePost } from '../policy/prepare';
import {
  audienceItem,
  clearConnection,
  employeeItem,
  getConnection as storedConnection,
  lastSyncItem,
  markSessionEnded,
  personalTouchesItem,
  preferredLanguageItem,
  saveConnection,
  serverUrlItem,
  sessionEndedItem,
  type Connection,
  siteProfilesEtagItem,
  siteProfilesItem,
  topicsItem,
  presetTopicsItem,
} from '../settings';
import { storage } from 'wxt/utils/storage';
import { chooseServer, readManaged, type ManagedSettings } from '../settings/managed';
import { readPolicy } from './policy';
import { syncSiteProfiles, type ProfileSyncResult } from './site-profiles';
import { syncQueue, type SyncDeps, type SyncResult } from '../sync';
import { browserWebAuthFlow, singleSignOn, type WebAuthFlow } from './single-sign-on';
import type { Redeemed } from '../contract/auth';

/** Most suggestions one answer carries: a panel shows a handful; this bounds the message. */
export const MAX_SUGGESTIONS = 50;
/** A reported share time must fall in [now - this, now + SHARE_MAX_AHEAD_MS]: it was made moments ago. */
export const SHARE_MAX_AGE_MS = 24 * 60 * 60_000;
export const SHARE_MAX_AHEAD_MS = 5 * 60_000;
/** How long Disconnect waits for the server to end the session before signing out locally anyway. */
export const SIGN_OUT_TIMEOUT_MS = 3000;

export interface ServiceDeps {
  /** The database, resolved lazily (the background creates it on first use). */
  db: () => RelayDb;
  fetch?: FetchLike;
  newSessionId?: () => string;
  now?: () => number;
  random?: () => number;
  /** Runs after every queue sync that reached the server (the badge and reminders hang off this). */
  onSynced?: (result: SyncResult) => Promise<void> | void;
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
 * What the background does for each message. Kept apart from entrypoints/background.ts (which only wires
 * listeners) so it can be tested with a fake fetch and WXT's fake browser.
 */
export function createRelayService(deps: ServiceDeps) {
  const newSessionId = deps.newSessionId ?? (() => crypto.randomUUID());
  const managed = deps.managed ?? (() => readManaged());
  const rawFetch: FetchLike = deps.fetch ?? ((input, init) => fetch(input, init));

  /**
   * Every request the background makes goes through here: a 401 to a request that carried a token, whatever
   * asked (queue, outbox, reach, policy…), ends that token's session, so every page shows "sign in again".
   */
  const apiFetch: FetchLike = async (input, init) => {
    const response = await rawFetch(input, init);
    if (response.status === 401) {
      const token = /^Bearer (.+)$/.exec(new Headers(init.headers).get('Authorization') ?? '')?.[1];
      if (token) await markSessionEnded(token).catch(() => undefined);
    }
    return response;
  };

  /**
   * The connection to use, or null: none after the server refused the token (sending it again only earns
   * another 401), and none when the company's policy names another server than the one the token is for
   * (the token must not travel to a server it was not issued by).
   */
  const getConnection = async (): Promise<Connection | null> => {
    const [connection, ended, policy] = await Promise.all([storedConnection(), sessionEndedItem.getValue(), managed()]);
    if (!connection || ended) return null;
    if (policy.serverUrl && policy.serverUrl !== connection.serverUrl) return null;
    return connection;
  };

  /**
   * A policy naming another server than the one signed in to (IT moved the company to a new server): that
   * session is over; the person signs in to the company's server, keeping what waits in the outbox.
   */
  async function applyManaged(policy?: ManagedSettings): Promise<void> {
    const settings = policy ?? (await managed());
    const connection = await storedConnection();
    if (connection && settings.serverUrl && settings.serverUrl !== connection.serverUrl) await markSessionEnded(connection.token);
    await presetTopics(settings.defaultTopics);
  }

  /**
   * The company's default topics become the person's while they have not chosen their own (none stored, or still
   * the preset last written); a choice the person made is never overwritten.
   */
  async function presetTopics(defaults: string[]): Promise<void> {
    if (defaults.length === 0) return;
    const [chosen, preset] = await Promise.all([storage.getItem<string[]>(topicsItem.key), presetTopicsItem.getValue()]);
    const untouched = chosen === null || (preset !== null && sameTopics(chosen, preset));
    if (!untouched || (chosen !== null && sameTopics(chosen, defaults))) return;
    await storage.setItems([
      { item: topicsItem, value: defaults },
      { item: presetTopicsItem, value: defaults },
    ]);
  }

  const syncDeps = (): SyncDeps => ({
    db: deps.db(),
    getConnection,
    recordLastSync: (status) => lastSyncItem.setValue(status),
    fetch: apiFetch,
  });

  let profilesInFlight: Promise<ProfileSyncResult> | undefined;
  /** Site profiles ride along with the queue sync; one fetch at a time. */
  const syncProfiles = () =>
    (profilesInFlight ??= syncSiteProfiles({
      getConnection,
      getStored: () => siteProfilesItem.getValue(),
      getEtag: () => siteProfilesEtagItem.getValue(),
      save: (profiles, etag) =>
        storage.setItems([
          { item: siteProfilesItem, value: profiles },
          { item: siteProfilesEtagItem, value: etag },
        ]),
      fetch: apiFetch,
    }).finally(() => (profilesInFlight = undefined)));

  const queueChanged = () => Promise.resolve(deps.onQueueChanged?.()).catch(() => undefined);

  const sync = async () => {
    const result = await syncQueue(syncDeps());
    if (result.ok && result.outcome !== 'not-modified') await queueChanged();
    // Not when the server is unreachable or signed us out: that answer would be the same.
    if (result.ok) {
      await syncProfiles().catch(() => undefined);
      await Promise.resolve(deps.onSynced?.(result)).catch(() => undefined);
    }
    return result;
  };
  const now = deps.now ?? (() => Date.now());

  const flushDeps = (): FlushDeps => ({
    db: deps.db(),
    getConnection,
    getEmployeeId: async () => (await employeeItem.getValue())?.id ?? null,
    schedule: scheduleFlushAlarm,
    fetch: apiFetch,
    now,
    random: deps.random,
  });

  /** Deliver waiting shares; `force` ignores the backoff (someone is looking, or just connected). */
  const flush = (force = false): Promise<FlushResult> => flushOutbox(flushDeps(), { force });

  /** The periodic work: the queue, then whatever the outbox holds that is due. */
  async function syncAndFlush(force = false) {
    const result = await sync();
    await flush(force).catch(() => undefined);
    return result;
  }

  async function connect({ serverUrl, code }: { serverUrl: string; code: string }): Promise<ConnectResult> {
    const policy = await managed();
    const url = chooseServer(policy, serverUrl);
    if (!url.ok) return { ok: false, message: url.message };
    if (policy.singleSignOnOnly) return { ok: false, message: t('signin.inviteCodesOff') };
    const inviteCode = code.trim();
    if (!inviteCode) return { ok: false, message: t('errors.enterCode') };

    let redeemed;
    try {
      redeemed = await createApi({ serverUrl: url.url, fetch: deps.fetch }).redeem(inviteCode);
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
    const url = chooseServer(await managed(), serverUrl);
    if (!url.ok) return { ok: false, message: url.message };
    const outcome = await singleSignOn(url.url, { flow: deps.webAuthFlow ?? browserWebAuthFlow, fetch: deps.fetch });
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
      await deps.db().resetCache(newSessionId());
      await queueChanged();
    }
    // Shares made while signed out (or signed out by the server) go now, whatever their backoff; the outbox
    // sends only those recorded under this person.
    const result = await syncAndFlush(true);
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
      await createApi({ ...connection, fetch: deps.fetch, timeoutMs: SIGN_OUT_TIMEOUT_MS })
        .signOut()
        .catch(() => undefined);
    }
    await clearConnection();
    await deps.db().resetCache(null);
    await queueChanged();
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

  async function getSuggestions({ network }: { network: Network }): Promise<SuggestionsResult> {
    const db = deps.db();
    const [connection, employee, language, topics, touches, policy, items] = await Promise.all([
      getConnection(),
      employeeItem.getValue(),
      preferredLanguageItem.getValue(),
      topicsItem.getValue(),
      personalTouchesItem.getValue(),
      readPolicy(),
      listQueue(db, now()),
    ]);
    const shared = await sharedItemIds(db, network, items.map((i) => i.id));
    const ranked = rankCaptions(items, network, {
      employeeId: employee?.id ?? '',
      language,
      topics,
      shared,
      now: now(),
    });
    // The policy is applied here, where the content scripts get their text: what they insert is already
    // disclosed, and a caption with a banned term never reaches a page.
    const suggestions: Suggestion[] = [];
    let withheld = 0;
    // Stops once the answer is full: checking the whole cache would cost time nobody sees.
    for (const { item, caption, shared: done } of ranked) {
      if (suggestions.length === MAX_SUGGESTIONS) break;
      const link = item.links[network];
      const personal = personalise(caption.text, touches[network]);
      const post = preparePost(personal, link, policy, network);
      if (post.banned.length > 0) {
        withheld += 1;
        continue;
      }
      suggestions.push({
        itemId: item.id,
        captionId: caption.id,
        network,
        title: item.title,
        text: post.caption,
        link,
        ...(post.disclosureAdded ? { disclosure: { added: post.disclosureAdded, without: personal } } : {}),
        language: caption.language,
        pinned: item.pinned,
        shared: done,
      });
    }
    return { connected: connection !== null, suggestions, ...(withheld ? { withheld } : {}) };
  }

  /**
   * A content script says the person posted with a Relay caption. The payload's shape was checked by the
   * guard; here what needs state: the item must be one Relay knows (cached, or in the history), the time
   * must be now-ish. Stored in history + outbox, then delivery is attempted at once.
   */
  async function recordReportedShare(report: ShareReport): Promise<RecordShareResult> {
    const db = deps.db();
    const at = Date.parse(report.sharedAt);
    const current = now();
    if (!(at >= current - SHARE_MAX_AGE_MS && at <= current + SHARE_MAX_AHEAD_MS)) {
      return { ok: false, message: t('errors.shareTime') };
    }
    const cached = await db.queue.get(report.itemId);
    const earlier = cached ? undefined : await db.history.where('itemId').equals(report.itemId).first();
    if (!cached && !earlier) return { ok: false, message: t('errors.unknownItem') };
    const title = cached?.title ?? earlier!.title;
    // A caption the curator replaced since it was inserted: keep the share, drop the stale reference.
    const captionKnown = cached ? cached.captions.some((c) => c.id === report.captionId && c.network === report.network) : true;
    const employee = await employeeItem.getValue();
    const id = await recordShare(
      db,
      {
        itemId: report.itemId,
        network: report.network,
        ...(report.captionId && captionKnown ? { captionId: report.captionId } : {}),
        edited: report.edited,
        sharedAt: report.sharedAt,
        title,
        ...(employee ? { employeeId: employee.id } : {}),
      },
      current,
    );
    void flush().catch(() => undefined);
    return { ok: true, id };
  }

  /**
   * The popup opened a network's share page for a queue item. Unlike a content script's report, the time
   * is ours (now) and the text as sent is stored with the history row. The item must be cached: the popup
   * only offers items from the cache. Stored in history + outbox, then delivered at once.
   */
  async function recordPopupShare(share: PopupShare): Promise<RecordShareResult> {
    const db = deps.db();
    const item = await db.queue.get(share.itemId);
    if (!item) return { ok: false, message: t('errors.itemGone') };
    const captionKnown = item.captions.some((c) => c.id === share.captionId && c.network === share.network);
    const employee = await employeeItem.getValue();
    const current = now();
    const id = await recordShare(
      db,
      {
        itemId: item.id,
        network: share.network,
        ...(share.captionId && captionKnown ? { captionId: share.captionId } : {}),
        edited: share.edited,
        sharedAt: new Date(current).toISOString(),
        title: item.title,
        text: share.text,
        ...(employee ? { employeeId: employee.id } : {}),
      },
      current,
    );
    void flush(true).catch(() => undefined);
    return { ok: true, id };
  }

  /** "Suggest to the queue": checked against the contract here, so a bad URL gets a sentence, not a 400. */
  async function suggestPage(request: SuggestPageRequest): Promise<SuggestPageResult> {
    const parsed = SuggestionCreate.safeParse(request);
    if (!parsed.success) return { ok: false, message: t('errors.suggestWebOnly') };
    const connection = await getConnection();
    if (!connection) return { ok: false, message: t('errors.suggestNotConnected') };
    try {
      const { alreadySuggested } = await createApi({ ...connection, fetch: apiFetch }).suggest(parsed.data);
      return { ok: true, alreadySuggested };
    } catch (err) {
      return { ok: false, message: describeError(err) };
    }
  }

  /** The options page's audience sizes: stored first (they are the person's, whatever the server says), then sent. */
  async function updateAudience(update: AudienceUpdate): Promise<AudienceUpdateResult> {
    await audienceItem.setValue(update);
    const connection = await getConnection();
    if (!connection) return { ok: true, sent: false, message: t('errors.audienceLocal') };
    try {
      await createApi({ ...connection, fetch: apiFetch }).updateMe({ audience: update });
      return { ok: true, sent: true };
    } catch (err) {
      return { ok: true, sent: false, message: t('errors.audienceNotSent', { error: describeError(err) }) };
    }
  }

  /**
   * The in-page panel's "Open Relay": the toolbar popup where the browser allows it (Chrome 127+ with the
   * window focused), else the popup page in a tab next to the one the person is on (Firefox only opens a popup
   * on a user gesture, which a message from a content script does not carry).
   */
  async function openRelay(sender: Parameters<Handlers['openRelay']>[1]): Promise<{ ok: true }> {
    const tab = sender.tab;
    try {
      const action = (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction) as {
        openPopup?: (options?: { windowId?: number }) => Promise<void>;
      };
      if (action.openPopup) {
        await action.openPopup(tab?.windowId === undefined ? undefined : { windowId: tab.windowId });
        return { ok: true };
      }
    } catch {
      // Not allowed here and now: the tab below.
    }
    await browser.tabs.create({
      url: browser.runtime.getURL('/popup.html'),
      ...(tab?.id === undefined ? {} : { openerTabId: tab.id, index: tab.index + 1, windowId: tab.windowId }),
    });
    return { ok: true };
  }

  const handlers: Handlers = {
    connect: (data) => connect(data),
    signInWithSso: (data) => signInWithSso(data),
    // Someone is looking (the popup opened, or asked): the queue, and every waiting share whatever its backoff.
    syncNow: () => syncAndFlush(true),
    getStatus: () => getStatus(),
    disconnect: () => disconnect(),
    getSuggestions: (data) => getSuggestions(data),
    recordShare: (data) => recordReportedShare(data),
    openRelay: (_data, sender) => openRelay(sender),
    recordPopupShare: (data) => recordPopupShare(data),
    suggestPage: (data) => suggestPage(data),
    updateAudience: (data) => updateAudience(data),
  };

  return {
    handlers,
    sync,
    syncProfiles,
    syncAndFlush,
    flush,
    connect,
    signInWithSso,
    disconnect,
    getStatus,
    getSuggestions,
    recordShare: recordReportedShare,
    recordPopupShare,
    suggestPage,
    updateAudience,
    /** For the background's other requests (policy, reach): the same connection rules and 401 handling. */
    getConnection,
    fetch: apiFetch,
    applyManaged,
  };
}

const sameTopics = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((topic, i) => topic === b[i]);
