import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock';
import type { OidcSettings } from '../config';
import type { DB } from '../db/schema';
import { sha256 } from './secrets';
import { issueToken } from './tokens';
import type { Redemption } from './invites';
import type { Log } from '../log/logger';

/** How long a person has between "Sign in with single sign-on" and coming back from the provider. */
export const SIGN_IN_TTL_MS = 10 * 60_000;
/** How long the extension has to collect a finished sign-in (it does so at once). */
export const HANDOFF_TTL_MS = 2 * 60_000;
export const SCOPES = 'openid profile email';
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

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The provider as openid-client knows it, found by discovery on first use and kept; a failed discovery is
 * not kept, so a provider that was down is tried again on the next sign-in.
 */
export class OidcClient {
  private config: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  configuration(): Promise<oidc.Configuration> {
    this.config ??= this.discover().catch((err: unknown) => {
      this.config = undefined;
      throw err;
    });
    return this.config;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // openid-client refuses plain http, rightly: the ID token and client secret would cross the network in
    // clear. A provider on this machine (the tests' oidc-provider, a developer's) cannot be overheard, so
    // http is allowed for loopback issuers and nothing else.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname);
    return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
      timeout: 10,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  }
}

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
    identity = await exchange(deps, search, login);
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

  const code = randomBytes(32).toString('base64url');
  await deps.db
    .insertInto('sso_handoffs')
    .values({
      code_hash: sha256(code),
      employee_id: employeeId,
      client_challenge: login.client_challenge,
      created_at: at,
      expires_at: at + HANDOFF_TTL_MS,
    })
    .execute();
  return { outcome: 'signed-in', returnTo, code };
}

interface ProviderIdentity {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
}

async function exchange(
  deps: SsoDeps,
  search: URLSearchParams,
  login: { state: string; nonce: string; code_verifier: string },
): Promise<ProviderIdentity> {
  const config = await deps.client.configuration();
  // The URL the provider redirected to, as the provider knows it (behind a proxy the request's own URL
  // may differ): openid-client compares it with the redirect_uri sent at the start.
  const current = new URL(redirectUri(deps.publicUrl));
  current.search = search.toString();
  const tokens = await oidc.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: login.code_verifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider sent no ID token');
  let profile: Record<string, unknown> = claims;
  // Many providers put name and e-mail in the ID token; others (and oidc-provider by default) only at userinfo.
  if ((typeof claims.name !== 'string' || typeof claims.email !== 'string') && tokens.access_token) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    profile = { ...info, ...pickStrings(claims) };
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    name: displayName(profile, claims.sub),
    email: emailOf(profile),
  };
}

const pickStrings = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The provider's `name`, else what it has that a curator would recognise; bounded like an invited name. */
function displayName(profile: Record<string, unknown>, subject: string): string {
  const given = [str(profile.given_name), str(profile.family_name)].filter(Boolean).join(' ');
  const name = str(profile.name) ?? (given || null) ?? str(profile.preferred_username) ?? str(profile.email) ?? subject;
  return name.normalize('NFC').slice(0, 120);
}

function emailOf(profile: Record<string, unknown>): string | null {
  const email = str(profile.email);
  return email && email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/**
 * The person this provider identity belongs to, created on the first sign-in (role employee) and brought up
 * to date with the provider's name and e-mail on every later one. Null when the person was deactivated.
 * People are matched on issuer + subject only, never on e-mail: an address can change hands or be
 * unverified, a subject cannot.
 */
async function upsertPerson(db: Kysely<DB>, identity: ProviderIdentity, at: number): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    // Two first sign-ins at once: the unique index lets one insert win, and both read the same row below.
    await trx
      .insertInto('employees')
      .values({
        id: uuidv7(),
        name: identity.name,
        role: 'employee',
        active: 1,
        audience_linkedin: null,
        audience_x: null,
        created_at: at,
        activated_at: at,
        email: identity.email,
        sso_issuer: identity.issuer,
        sso_subject: identity.subject,
      })
      .onConflict((oc) => oc.columns(['sso_issuer', 'sso_subject']).doNothing())
      .execute();
    const person = await trx
      .selectFrom('employees')
      .select(['id', 'active', 'activated_at'])
      .where('sso_issuer', '=', identity.issuer)
      .where('sso_subject', '=', identity.subject)
      .executeTakeFirstOrThrow();
    if (person.active !== 1) return null;
    await trx
      .updateTable('employees')
      .set({
        name: identity.name,
        ...(identity.email ? { email: identity.email } : {}),
        activated_at: person.activated_at ?? at,
      })
      .where('id', '=', person.id)
      .execute();
    return person.id;
  });
}

export type HandoffOutcome = { ok: true; redemption: Redemption } | { ok: false; reason: 'invalid' | 'deactivated' };

/**
 * The extension collects a finished sign-in: the code from the redirect and the verifier it kept. The code is
 * spent whatever the verifier, so a code seen by someone else (history, a log) is worth nothing to them and
 * cannot be tried twice.
 */
export async function redeemHandoff(
  db: Kysely<DB>,
  now: Clock,
  code: string,
  verifier: string,
): Promise<HandoffOutcome> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const handoff = await trx
      .deleteFrom('sso_handoffs')
      .where('code_hash', '=', sha256(code))
      .returningAll()
      .executeTakeFirst();
    if (!handoff || handoff.expires_at <= at || !sameSecret(sha256(verifier), handoff.client_challenge)) {
      return { ok: false, reason: 'invalid' } as const;
    }
    const employee = await trx
      .selectFrom('employees')
      .select(['id', 'name', 'role', 'active'])
      .where('id', '=', handoff.employee_id)
      .executeTakeFirstOrThrow();
    // Deactivated in the minute between the callback and now.
    if (employee.active !== 1) return { ok: false, reason: 'deactivated' } as const;
    const token = await issueToken(trx, employee.id, at);
    return {
      ok: true,
      redemption: { token, employee: { id: employee.id, name: employee.name, role: employee.role } },
    } as const;
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
