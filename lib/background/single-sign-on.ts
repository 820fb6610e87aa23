import { browser } from 'wxt/browser';
import { createApi, type FetchLike } from '../api/client';
import { describeError } from '../api/errors';
import type { Redeemed } from '../contract/auth';
import { t, type MessageKey } from '../i18n';

/**
 * Single sign-on from the extension's side (the server's is server/auth/single-sign-on.ts).
 *
 * The browser's own web-auth flow (`identity.launchWebAuthFlow`) opens the provider's sign-in page in a window
 * of its own and hands the final redirect, to `identity.getRedirectURL()`, to this extension alone; no page
 * of ours needs to be web-accessible. Checked in headless Chromium under Playwright: the window is a page of
 * the context, and the redirect is captured.
 *
 * The server's answer is a one-time hand-off code, not a token, and it is bound to a PKCE challenge whose
 * verifier never leaves this worker: a code that leaks (or one an attacker started with their own challenge
 * and tricked someone into finishing) is of no use without it.
 */

export interface WebAuthFlow {
  redirectUrl(): string;
  /** Resolves with the URL the flow ended at; rejects when the person closed the window (or it failed to load). */
  launch(url: string): Promise<string | undefined>;
}

export const browserWebAuthFlow: WebAuthFlow = {
  redirectUrl: () => browser.identity.getRedirectURL(),
  launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
};

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A PKCE pair (RFC 7636, S256): 256 random bits as the verifier, base64url(SHA-256(verifier)) as the challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/** The server's `error=<kind>` on the redirect (server/auth/single-sign-on.ts SignInRefusal) → what to say. */
const REFUSALS: Record<string, MessageKey> = {
  deactivated: 'sso.refused.deactivated',
  provider: 'sso.refused.provider',
  expired: 'sso.refused.expired',
  unavailable: 'sso.refused.unavailable',
};

export type SsoOutcome = { ok: true; redeemed: Redeemed } | { ok: false; message: string };

/** Signs in at `serverUrl` (normalised) through its provider; on success the token and person, not yet saved. */
export async function singleSignOn(
  serverUrl: string,
  deps: { flow: WebAuthFlow; fetch?: FetchLike },
): Promise<SsoOutcome> {
  const api = createApi({ serverUrl, fetch: deps.fetch });
  // Asked first so that a server that is down, or offers no single sign-on, is said plainly here rather than
  // as an error page inside the sign-in window.
  try {
    const methods = await api.authMethods();
    if (!methods.singleSignOn) return { ok: false, message: t('sso.problem.notConfigured') };
  } catch (err) {
    return { ok: false, message: describeError(err) };
  }

  const { verifier, challenge } = await pkcePair();
  const redirectUrl = deps.flow.redirectUrl();
  const start = api.ssoStartUrl({ return_to: redirectUrl, challenge });
  let ended: string | undefined;
  try {
    ended = await deps.flow.launch(start);
  } catch {
    return { ok: false, message: t('sso.cancelled') };
  }

  let answer: URL;
  try {
    answer = new URL(ended ?? '');
  } catch {
    return { ok: false, message: t('sso.refused.failed') };
  }
  if (answer.origin !== new URL(redirectUrl).origin) return { ok: false, message: t('sso.refused.failed') };
  const error = answer.searchParams.get('error');
  if (error) return { ok: false, message: t(REFUSALS[error] ?? 'sso.refused.failed') };
  const code = answer.searchParams.get('code');
  if (!code) return { ok: false, message: t('sso.refused.failed') };
  try {
    return { ok: true, redeemed: await api.redeemSso(code, verifier) };
  } catch (err) {
    return { ok: false, message: describeError(err) };
  }
}
