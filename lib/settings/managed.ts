import { z } from 'zod';
import { browser } from 'wxt/browser';
import { normaliseServerUrl, type NormalisedUrl } from '../api/url';
import { parseInvitation } from '../contract/invitation';
import { t } from '../i18n';

/**
 * Settings an IT department presets through enterprise policy (Chrome: `3rdparty.extensions.<id>`; Firefox:
 * `policies.json` → `3rdparty.Extensions`), read from `storage.managed`. The keys are declared in
 * public/managed-schema.json; this module is the only reader.
 *
 * Not in lib/settings/index.ts: that module is imported by the popup's first screen and must stay free of zod.
 */

/** What a policy may set. Each key is optional: a company presets some, the person chooses the rest. */
const ManagedPolicy = z.object({
  serverUrl: z.string(),
  singleSignOnOnly: z.boolean(),
  // Topics as items carry them (lower case, at most 40 characters), no more than the settings page lets a person choose.
  defaultTopics: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(30),
});

export interface ManagedSettings {
  /** The company's server, normalised like a typed one; null when the policy names none (or no policy). */
  serverUrl: string | null;
  /** True: people sign in with single sign-on only; the invite-code form is not offered. */
  singleSignOnOnly: boolean;
  /** Topics preselected for people who have not chosen their own (lower case, as items carry them); empty: none. */
  defaultTopics: string[];
}

export const NOT_MANAGED: ManagedSettings = { serverUrl: null, singleSignOnOnly: false, defaultTopics: [] };

/**
 * Policy data is written by someone else's tool: each key is checked on its own, and one that is missing or
 * malformed is ignored (with a warning), so a typo in one key does not throw away the others.
 */
export function parseManaged(raw: unknown): ManagedSettings {
  if (!raw || typeof raw !== 'object') return NOT_MANAGED;
  const data = raw as Record<string, unknown>;
  const out: ManagedSettings = { ...NOT_MANAGED };
  const key = <K extends keyof typeof ManagedPolicy.shape>(
    name: K,
  ): z.infer<(typeof ManagedPolicy.shape)[K]> | undefined => {
    if (data[name] === undefined) return undefined;
    const parsed = ManagedPolicy.shape[name].safeParse(data[name]);
    if (!parsed.success) {
      console.warn(`[relay] managed setting ${name} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return undefined;
    }
    return parsed.data as z.infer<(typeof ManagedPolicy.shape)[K]>;
  };
  const serverUrl = key('serverUrl');
  if (serverUrl !== undefined) {
    const url = normaliseServerUrl(serverUrl);
    if (url.ok) out.serverUrl = url.url;
    else console.warn(`[relay] managed setting serverUrl ignored: ${url.message}`);
  }
  out.singleSignOnOnly = key('singleSignOnOnly') ?? false;
  out.defaultTopics = [...new Set(key('defaultTopics') ?? [])];
  return out;
}

type ManagedArea = { get(): Promise<Record<string, unknown>> };

/**
 * The settings in force now. No policy is the common case and is not an error: Firefox rejects the read when
 * no policy names the extension, and some browsers have no managed area at all.
 */
export async function readManaged(area: ManagedArea | undefined = browser.storage?.managed): Promise<ManagedSettings> {
  if (!area) return NOT_MANAGED;
  try {
    return parseManaged(await area.get());
  } catch {
    return NOT_MANAGED;
  }
}

/**
 * Calls `onChange` with the settings whenever the policy changes (an administrator pushed a new one while
 * the browser runs). Returns the function that stops watching.
 */
export function watchManaged(onChange: (settings: ManagedSettings) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManaged().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The server to sign in to: the company's when the policy names one, else what the person typed. A typed
 * address naming another server than the company's is refused (the token would go to a server IT did not choose).
 */
export function chooseServer(managed: ManagedSettings, typed: string): NormalisedUrl {
  if (!managed.serverUrl) return normaliseServerUrl(typed);
  const url = typed.trim() ? normaliseServerUrl(typed) : null;
  if (url?.ok && url.url !== managed.serverUrl) {
    return { ok: false, message: t('signin.otherServer', { server: url.url, company: managed.serverUrl }) };
  }
  return { ok: true, url: managed.serverUrl };
}

/**
 * An invitation link pasted or typed into the sign-in form: the server and code to fill in, or why it cannot be
 * used here (it names another server than the company's). Null when the text is no invitation link.
 */
export function readInvitation(
  text: string,
  managedServerUrl: string | null,
): { ok: true; serverUrl: string; code: string } | { ok: false; message: string } | null {
  const invitation = parseInvitation(text);
  if (!invitation) return null;
  if (!managedServerUrl) return { ok: true, ...invitation };
  const url = normaliseServerUrl(invitation.serverUrl);
  if (!url.ok || url.url !== managedServerUrl) {
    return { ok: false, message: t('signin.otherServer', { server: invitation.serverUrl, company: managedServerUrl }) };
  }
  return { ok: true, serverUrl: managedServerUrl, code: invitation.code };
}
