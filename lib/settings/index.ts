import { storage } from 'wxt/utils/storage';
import type { Employee } from '../contract/auth';
import type { Policy } from '../contract/policy';
import type { Reach } from '../contract/reach';
import type { SiteProfile } from '../contract/site-profiles';
import type { QueueHeadSnapshot } from '../db/head';
import { uiLocale } from '../i18n';
import { LOCAL_KEYS } from './keys';

/**
 * Every item Relay keeps in extension storage, in one place (nothing else calls `storage.defineItem`; the
 * names are in ./keys.ts). All in `local:`: the token must never roam through sync storage, and the other values only make sense
 * together with it. Defining an item touches no browser API, so this module is safe to import anywhere.
 */

/** What the last queue sync did, shown quietly by the popup and the options page. */
export interface LastSync {
  /** ISO time of the attempt. */
  at: string;
  ok: boolean;
  /** Human-readable reason when `ok` is false. */
  error?: string;
  /** Machine-readable kind of failure, so pages can offer the right next step. */
  reason?: SyncFailure;
}
export type SyncFailure = 'unreachable' | 'signed-out' | 'server' | 'invalid-response';

/** Normalised origin (and optional path prefix) of the Relay backend, without a trailing slash. */
export const serverUrlItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.serverUrl}`, { fallback: null });

/** Bearer token from /v1/auth/redeem. */
export const tokenItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.token}`, { fallback: null });

/** Who is signed in (as the server told us at redeem time). */
export const employeeItem = storage.defineItem<Employee | null>(`local:${LOCAL_KEYS.employee}`, { fallback: null });

export const lastSyncItem = storage.defineItem<LastSync | null>(`local:${LOCAL_KEYS.lastSync}`, { fallback: null });

/**
 * Set when the server refused the token (any 401: it expired, or a curator signed the person out): the pages
 * show "sign in again" for the person in employeeItem, and nothing more is sent with that token. Kept apart
 * from lastSync, which the next unreachable attempt would overwrite. Cleared by signing in (or disconnecting).
 */
export interface SessionEnded {
  /** ISO time the refusal arrived. */
  at: string;
}
export const sessionEndedItem = storage.defineItem<SessionEnded | null>(`local:${LOCAL_KEYS.sessionEnded}`, {
  fallback: null,
});

/**
 * Record that the server refused `token`, unless someone signed in again meanwhile (a refusal that arrives
 * after a new sign-in belongs to the old token and must not end the new session).
 */
export async function markSessionEnded(token: string, at: Date = new Date()): Promise<boolean> {
  if ((await tokenItem.getValue()) !== token) return false;
  if (await sessionEndedItem.getValue()) return true;
  await sessionEndedItem.setValue({ at: at.toISOString() });
  return true;
}

export interface Connection {
  serverUrl: string;
  token: string;
}

/** The server and token to talk to, or null when nobody is connected. */
export async function getConnection(): Promise<Connection | null> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), tokenItem.getValue()]);
  return serverUrl && token ? { serverUrl, token } : null;
}

/**
 * `samePerson`: the one who was signed in before, on the same server, signing in again: their reach figures
 * and their company's policy stay (the policy keeps being enforced without a gap).
 */
export async function saveConnection(c: Connection & { employee: Employee; samePerson?: boolean }): Promise<void> {
  await storage.setItems([
    { item: serverUrlItem, value: c.serverUrl },
    { item: tokenItem, value: c.token },
    { item: employeeItem, value: c.employee },
    { item: lastSyncItem, value: null },
    { item: sessionEndedItem, value: null },
    ...(c.samePerson
      ? []
      : [
          // The figures belonged to whoever was connected before.
          { item: reachCacheItem, value: null },
          // So did the policy: it may be another company's server.
          { item: policyCacheItem, value: null },
        ]),
  ]);
}

/** Forget the account. The server URL is kept so reconnecting only needs a new code. */
export async function clearConnection(): Promise<void> {
  await storage.removeItems([tokenItem, employeeItem, lastSyncItem, sessionEndedItem, reachCacheItem, policyCacheItem]);
}

// --- Personal voice (captions are personalised and ranked with these; the options page edits them) ---

/** Per network: the employee's own opening line and signature (lib/captions/personalise). Empty: none. */
export interface PersonalTouches {
  linkedin: { openingLine: string; signature: string };
  x: { openingLine: string; signature: string };
}
export const EMPTY_TOUCHES: PersonalTouches = {
  linkedin: { openingLine: '', signature: '' },
  x: { openingLine: '', signature: '' },
};
export const personalTouchesItem = storage.defineItem<PersonalTouches>(`local:${LOCAL_KEYS.personalTouches}`, {
  fallback: EMPTY_TOUCHES,
});

/**
 * The language captions are offered in first when the person chose none (the browser's): the
 * language Relay is shown in, which the browser picked from its own ("ca", "ru"; "en" for a language Relay
 * has no catalogue for). Not i18n.getUILanguage(): it can name another language than the one whose catalogue
 * the browser chose (Chromium under test automation says "en-US" while showing Russian), and captions
 * should follow the words around them.
 */
export function defaultCaptionLanguage(): string {
  return uiLocale();
}

/**
 * BCP 47 tag of the language the employee prefers for captions. Stored only when they chose one; until
 * then (and after they clear the field) every read gives defaultCaptionLanguage(), worked out at read time
 * so it follows the browser.
 */
export const preferredLanguageItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.preferredLanguage}`, {
  get fallback() {
    return defaultCaptionLanguage();
  },
});

/** The caption language the person chose themselves, or null (then preferredLanguageItem gives the default). */
export async function chosenCaptionLanguage(): Promise<string | null> {
  return storage.getItem<string>(preferredLanguageItem.key);
}

/** Topics the employee chose; their items rank first. Empty: no preference. */
export const topicsItem = storage.defineItem<string[]>(`local:${LOCAL_KEYS.topics}`, { fallback: [] });

/** The topics as stored, or null when none ever were (topicsItem then gives []). */
export async function storedTopics(): Promise<string[] | null> {
  return storage.getItem<string[]>(topicsItem.key);
}

/**
 * The company's default topics (managed `defaultTopics`) as last written into topicsItem. While the person's
 * topics still equal these, they are the company's and follow a new policy; once the person changes them, theirs.
 */
export const presetTopicsItem = storage.defineItem<string[] | null>(`local:${LOCAL_KEYS.presetTopics}`, {
  fallback: null,
});

/**
 * The employee's own audience size per network, used for reach; null = the benchmark default
 * (DEFAULT_AUDIENCE in lib/contract/reach). Mirrors what PATCH /v1/me stores on the server.
 */
export interface AudienceSettings {
  linkedin: number | null;
  x: number | null;
}
export const audienceItem = storage.defineItem<AudienceSettings>(`local:${LOCAL_KEYS.audience}`, {
  fallback: { linkedin: null, x: null },
});

/** How the employee wants to be called in Relay's own pages (null: the name the server knows). Local only. */
export const displayNameItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.displayName}`, { fallback: null });

// --- Reach (the background writes after each good sync; the popup's card and the toolbar badge read) ---

/** The last good GET /v1/me/reach answer and when it arrived, so the card works offline ("as of …"). */
export interface CachedReach {
  reach: Reach;
  /** ISO time the answer arrived. */
  fetchedAt: string;
}
export const reachCacheItem = storage.defineItem<CachedReach | null>(`local:${LOCAL_KEYS.reachCache}`, {
  fallback: null,
});

// --- Reminders (opt-in; lib/reminders decides, lib/background/reminders.ts notifies) ---

/** Both reminders are off until the person turns one on (and grants the notifications permission). */
export interface ReminderPrefs {
  /** A notification when new items arrive in the queue, at most one a day. */
  newItems: boolean;
  /** A weekly nudge when the person has not shared for 7 days. */
  weeklyNudge: boolean;
  /**
   * ISO time the nudge was last turned on: someone who never shared is not nudged the minute they opt in,
   * but 7 days later.
   */
  weeklyNudgeSince: string | null;
}
export const REMINDERS_OFF: ReminderPrefs = { newItems: false, weeklyNudge: false, weeklyNudgeSince: null };
export const reminderPrefsItem = storage.defineItem<ReminderPrefs>(`local:${LOCAL_KEYS.reminderPrefs}`, {
  fallback: REMINDERS_OFF,
});

/** When each reminder last went out (ISO), so "at most one a day" survives the worker being stopped. */
export interface ReminderLog {
  newItemsAt: string | null;
  nudgeAt: string | null;
}
export const reminderLogItem = storage.defineItem<ReminderLog>(`local:${LOCAL_KEYS.reminderLog}`, {
  fallback: { newItemsAt: null, nudgeAt: null },
});

// --- Site profiles from the backend (lib/background/site-profiles.ts writes, content scripts read) ---

/**
 * The newest valid profile the backend published for each network. Content scripts use one when it is
 * newer than the profile bundled with lib/compose. Only ever replaced by a valid, newer profile.
 */
export type StoredSiteProfiles = Partial<Record<'linkedin' | 'x', SiteProfile>>;
export const siteProfilesItem = storage.defineItem<StoredSiteProfiles>(`local:${LOCAL_KEYS.siteProfiles}`, {
  fallback: {},
});

/** ETag of the last GET /v1/site-profiles answer that was stored in full. */
export const siteProfilesEtagItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.siteProfilesEtag}`, {
  fallback: null,
});

// --- Popup and toolbar state ---

/** ISO time the popup was last opened: items that arrived after it make the toolbar badge show a mark. */
export const popupOpenedAtItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.popupOpenedAt}`, {
  fallback: null,
});

/**
 * The popup's first screenful of the queue, written by the background whenever the cached queue or the
 * chosen topics change (lib/db/head.ts), read by the popup with its other settings.
 */
export const queueHeadItem = storage.defineItem<QueueHeadSnapshot | null>(`local:${LOCAL_KEYS.queueHead}`, {
  fallback: null,
});

// --- Policy (lib/background/policy.ts writes after each good sync; the popup and getSuggestions enforce it) ---

/** The last valid GET /v1/policy answer with its ETag (sent back as If-None-Match), written as one value. */
export interface CachedPolicy {
  policy: Policy;
  etag: string | null;
  /** ISO time the answer arrived. */
  fetchedAt: string;
}
/** Null until the first answer, and after disconnecting: then nothing is banned or required (EMPTY_POLICY). */
export const policyCacheItem = storage.defineItem<CachedPolicy | null>(`local:${LOCAL_KEYS.policyCache}`, {
  fallback: null,
});

// --- First run (lib/background/first-run.ts) ---

/**
 * True once the settings page was opened on install. Chromium reports "install" again on every start for an
 * extension loaded from the command line (developers, tests); this keeps the welcome to one opening per install.
 */
export const welcomedItem = storage.defineItem<boolean>(`local:${LOCAL_KEYS.welcomed}`, { fallback: false });
