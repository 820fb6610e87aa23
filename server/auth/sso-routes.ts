import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { SsoRedeem, SsoStart, type AuthMethods } from '../../lib/contract/auth';
import type { Clock } from '../clock';
import type { OidcSettings } from '../config';
import type { DB } from '../db/schema';
import { HttpProblem } from '../http/problem';
import { CODE_GUESSES, SIGN_IN_STARTS, rateLimit } from '../http/rate-limit';
import { limitBody, readJson, readQuery } from '../http/validate';
import type { Log } from '../log/logger';
import type { AppEnv } from './principal';
import { OidcClient } from './oidc-client';
import { SIGN_IN_TTL_MS, finishSignIn, isExtensionRedirect, startSignIn, type SignInRefusal } from './single-sign-on';
import { redeemHandoff } from './sso-handoff';

const notConfigured = () =>
  new HttpProblem({
    status: 404,
    kind: 'sso-not-configured',
    title: 'Single sign-on is not set up',
    detail: 'This server does not offer single sign-on; connect with an invite code',
  });

const badReturnTo = () =>
  new HttpProblem({
    status: 400,
    kind: 'invalid-return-to',
    title: 'Not an extension redirect address',
    detail:
      'return_to must be the address browser.identity.getRedirectURL() gives (https://<id>.chromiumapp.org/ or https://<hash>.extensions.allizom.org/)',
  });

const unknownSignIn = () =>
  new HttpProblem({
    status: 400,
    kind: 'sso-sign-in-unknown',
    title: 'Unknown sign-in',
    detail: 'This sign-in is unknown or already finished; start again from Relay’s settings',
  });

const invalidHandoff = () =>
  new HttpProblem({
    status: 400,
    kind: 'invalid-sso-code',
    title: 'Sign-in code not valid',
    detail: 'This sign-in code is not valid, has expired or was already used; sign in again',
  });

const deactivated = () =>
  new HttpProblem({
    status: 403,
    kind: 'account-deactivated',
    title: 'Account deactivated',
    detail: 'Your Relay account has been deactivated; ask your programme admin',
  });

/**
 * The sign-in's state, kept by the browser that started it (the extension's web-auth window) and checked at
 * the callback: the sign-in must finish where it began. Lax, so it comes along on the provider's redirect
 * back (a top-level GET); scoped to these routes and to the sign-in's lifetime.
 */
const STATE_COOKIE = 'relay_sso_state';
const COOKIE_PATH = '/v1/auth/oidc';

/** `return_to` with `?name=value`: how the extension learns the outcome (the browser hands it the URL). */
function back(returnTo: string, name: 'code' | 'error', value: string): string {
  const url = new URL(returnTo);
  url.searchParams.set(name, value);
  return url.href;
}

export interface SsoRouteOptions {
  db: Kysely<DB>;
  now: Clock;
  publicUrl: () => string;
  oidc?: OidcSettings;
  log: Log;
  /** Read the client's address from X-Forwarded-For (RELAY_TRUST_PROXY), for the rate limits. */
  trustProxy?: boolean;
}

/**
 * Single sign-on with an OpenID Connect provider, all public (they are how a person gets a token):
 * - GET /v1/auth/methods: what this server offers;
 * - GET /v1/auth/oidc/start: 302 to the provider (state, nonce, PKCE), remembering the extension's challenge;
 * - GET /v1/auth/oidc/callback: the provider's answer → 302 to the extension's redirect URL with a hand-off
 *   code (or `error=<kind>`);
 * - POST /v1/auth/oidc/redeem: hand-off code + verifier → a token, as POST /v1/auth/redeem answers.
 * The token never appears in a URL: it is only ever in the answer to the extension's own POST.
 */
export function ssoRoutes(options: SsoRouteOptions) {
  const client = options.oidc ? new OidcClient(options.oidc) : null;
  const deps = client
    ? { db: options.db, now: options.now, client, publicUrl: options.publicUrl, log: options.log }
    : null;
  const refuse = (returnTo: string, reason: SignInRefusal) => back(returnTo, 'error', reason);
  // Each writes to the database before anyone is known: per-address limits keep that from being a flood.
  const limits = { trustProxy: options.trustProxy ?? false, now: options.now };

  return new Hono<AppEnv>()
    .get('/v1/auth/methods', (c) =>
      c.json({ inviteCode: true, singleSignOn: client !== null } satisfies AuthMethods, 200),
    )
    .get('/v1/auth/oidc/start', rateLimit(SIGN_IN_STARTS, limits), async (c) => {
      if (!deps) throw notConfigured();
      const query = readQuery(c, SsoStart);
      if (!isExtensionRedirect(query.return_to)) throw badReturnTo();
      let target: URL;
      try {
        target = await startSignIn(deps, query.return_to, query.challenge);
      } catch (err) {
        // Discovery failed: the provider is down or misnamed. The person learns it in the extension.
        options.log.warn(
          { reason: err instanceof Error ? err.message : String(err) },
          'single sign-on provider unavailable',
        );
        return c.redirect(refuse(query.return_to, 'unavailable'), 302);
      }
      setCookie(c, STATE_COOKIE, target.searchParams.get('state')!, {
        httpOnly: true,
        sameSite: 'Lax',
        path: COOKIE_PATH,
        maxAge: SIGN_IN_TTL_MS / 1000,
        secure: options.publicUrl().startsWith('https:'),
      });
      return c.redirect(target.href, 302);
    })
    .get('/v1/auth/oidc/callback', rateLimit(CODE_GUESSES, limits), async (c) => {
      if (!deps) throw notConfigured();
      const outcome = await finishSignIn(deps, new URL(c.req.url).searchParams, getCookie(c, STATE_COOKIE));
      deleteCookie(c, STATE_COOKIE, { path: COOKIE_PATH });
      if (outcome.outcome === 'unknown') throw unknownSignIn();
      if (outcome.outcome === 'refused') return c.redirect(refuse(outcome.returnTo, outcome.reason), 302);
      return c.redirect(back(outcome.returnTo, 'code', outcome.code), 302);
    })
    .post('/v1/auth/oidc/redeem', rateLimit(CODE_GUESSES, limits), limitBody, async (c) => {
      if (!deps) throw notConfigured();
      const { code, verifier } = await readJson(c, SsoRedeem);
      const outcome = await redeemHandoff(options.db, options.now, code, verifier);
      if (!outcome.ok) throw outcome.reason === 'deactivated' ? deactivated() : invalidHandoff();
      return c.json(outcome.redemption, 200);
    });
}
