import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import type { Log } from '../log/logger';
import { exchangeCode, SCOPES, type OidcClient, type ProviderIdentity } from './oidc-client';
import { upsertPerson } from './sso-accounts';
import { createHandoff } from './sso-handoff';

/*
 * The sign-in flow: start (state, nonce and PKCE kept in sso_logins), the provider's answer at the callback,
 * and the hand-off of the signed-in person to the extension. The provider's side is in ./oidc-client.ts, the
 * person's account in ./sso-accounts.ts, the hand-off code in ./sso-handoff.ts.
 */

/** How long a person has between "Sign in with single sign-on" and coming back from the provider. */
export const SIGN_IN_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/v1/auth/oidc/callback';

/**
 * Where a finished sign-in may be sent: only the addresses `browser.identity.getRedirectURL()` gives, which
 * the browser hands to the extension that asked and which no web page can receive (Chromium: the extension id,
 * 32 letters a–p; Firefox: the SHA-1 of the add-on id in hex). A phishing link to /start naming any other
 * place (an attacker's site) is refused, so a hand-off code cannot travel to someone who holds its verifier.
 */
const RETURN_HOSTS = [/^[a-p]{32}\.chromiumapp\.org$/, /^[0-9a-f]{40}\.extensions\.allizom\.org$/];

export function isExtensionRedirect(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    !url.username &&
    !url.password &&
    !url.port &&
    !url.search &&
    !url.hash &&
    RETURN_HOSTS.some((host) => host.test(url.hostname))
  );
}

/** What went wrong, as the extension reads it from `return_to?error=<kind>` (lib/background/single-sign-on.ts). */
export type SignInRefusal = 'deactivated' | 'provider' | 'expired' | 'unavailable' | 'other-browser';

export interface SsoDeps {
  db: Kysely<DB>;
  now: Clock;
  client: OidcClient;
  publicUrl: () => string;
  log: Log;
}

const redirectUri = (publicUrl: () => string) => `${publicUrl().replace(/\/+$/, '')}${CALLBACK_PATH}`;

/** Begins a sign-in: remembers what the callback will check, and returns the provider's sign-in address. */
export async function startSignIn(deps: SsoDeps, returnTo: string, clientChallenge: string): Promise<URL> {
  const config = await deps.client.configuration();
  const at = deps.now();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  // Sign-ins abandoned at the provider would otherwise stay forever; each start clears the stale ones.
  await deps.db.deleteFrom('sso_logins').where('expires_at', '<=', at).execute();
  await deps.db.deleteFrom('sso_handoffs').where('expires_at', '<=', at).execute();
  await deps.db
    .insertInto('sso_logins')
    .values({
      state,
      nonce,
      code_verifier: codeVerifier,
      client_challenge: clientChallenge,
      return_to: returnTo,
      created_at: at,
      expires_at: at + SIGN_IN_TTL_MS,
    })
    .execute();
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps.publicUrl),
    scope: SCOPES,
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
}

export type CallbackOutcome =
  | { outcome: 'unknown' }
  | { outcome: 'refused'; returnTo: string; reason: SignInRefusal }
  | { outcome: 'signed-in'; returnTo: string; code: string };

/**
 * Finishes a sign-in from the provider's answer (`search`: the callback's query string). The sign-in in
 * progress is spent first, whatever follows, so an answer can be used once. `browserState` is the state the
 * browser that started was given in a cookie (see sso-routes.ts).
 */
export async function finishSignIn(
  deps: SsoDeps,
  search: URLSearchParams,
  browserState: string | undefined,
): Promise<CallbackOutcome> {
  const state = search.get('state');
  if (!state || state.length > 200) return { outcome: 'unknown' };
  const login = await deps.db.deleteFrom('sso_logins').where('state', '=', state).returningAll().executeTakeFirst();
  if (!login) return { outcome: 'unknown' };
  const returnTo = login.return_to;
  if (login.expires_at <= deps.now()) return { outcome: 'refused', returnTo, reason: 'expired' };
  // Someone else's sign-in finished in this browser (a link to the provider that an attacker started with
  // their own challenge): nothing is handed over, whoever signed in at the provider.
  if (browserState !== state) return { outcome: 'refused', returnTo, reason: 'other-browser' };

  let identity: ProviderIdentity;
  try {
    identity = await exchangeCode(deps.client, redirectUri(deps.publicUrl), search, login);
  } catch (err) {
    // The person sees "the provider did not sign you in"; whoever runs the server needs the reason.
    deps.log.warn(
      { reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err) },
      'single sign-on failed at the provider',
    );
    return { outcome: 'refused', returnTo, reason: 'provider' };
  }

  const at = deps.now();
  const employeeId = await upsertPerson(deps.db, identity, at);
  if (employeeId === null) return { outcome: 'refused', returnTo, reason: 'deactivated' };

  const code = await createHandoff(deps.db, employeeId, login.client_challenge, at);
  return { outcome: 'signed-in', returnTo, code };
}
