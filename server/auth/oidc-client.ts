import * as oidc from 'openid-client';
import type { OidcSettings } from '../config';

export const SCOPES = 'openid profile email';

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

/** Who the provider says signed in. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
}

/** What the start of a sign-in kept for checking the provider's answer. */
export interface PendingLogin {
  state: string;
  nonce: string;
  code_verifier: string;
}

/**
 * Trades the provider's answer (`search`: the callback's query string) for the identity it vouches for.
 * `redirectUri` is the callback address sent at the start. Throws when the provider does not sign the person in.
 */
export async function exchangeCode(
  client: OidcClient,
  redirectUri: string,
  search: URLSearchParams,
  login: PendingLogin,
): Promise<ProviderIdentity> {
  const config = await client.configuration();
  // The URL the provider redirected to, as the provider knows it (behind a proxy the request's own URL
  // may differ): openid-client compares it with the redirect_uri sent at the start.
  const current = new URL(redirectUri);
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
