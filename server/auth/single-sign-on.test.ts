import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAtProvider, startProvider, type TestProvider } from '../../tests/helpers/oidc-provider';
import { freePort } from '../../tests/helpers/server';
import { harness, PUBLIC_URL, type Harness } from '../test-support';
import { isExtensionRedirect } from './single-sign-on';

const RETURN_TO = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let provider: TestProvider;
let h: Harness;

beforeAll(async () => {
  provider = await startProvider({
    redirectUris: [`${PUBLIC_URL}/v1/auth/oidc/callback`],
    people: {
      daria: { name: 'Дарья Соколова', email: 'daria@example.com' },
      joan: { name: 'Joan Vidal', email: 'joan@example.com' },
    },
  });
});
afterAll(() => provider.close());

beforeEach(async () => {
  h = await harness({
    oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
  });
});
afterEach(() => h.close());

/** What the extension keeps (verifier) and sends (its S256 challenge). */
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const startUrl = (challenge: string, returnTo = RETURN_TO) =>
  `/v1/auth/oidc/start?${new URLSearchParams({ return_to: returnTo, challenge })}`;

/** The browser's cookie for Relay (the state cookie /start sets), as a real browser would send it back. */
let relayCookie = '';

async function start(challenge: string): Promise<string> {
  const res = await h.request(startUrl(challenge));
  expect(res.status, await res.clone().text()).toBe(302);
  relayCookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const location = res.headers.get('location')!;
  expect(location.startsWith(provider.issuer)).toBe(true);
  return location;
}

/** The provider's answer reaches Relay's callback; returns where Relay sends the browser next. */
async function callback(providerAnswer: URL, cookie = relayCookie): Promise<URL> {
  expect(providerAnswer.origin + providerAnswer.pathname).toBe(`${PUBLIC_URL}/v1/auth/oidc/callback`);
  const res = await h.request(providerAnswer.pathname + providerAnswer.search, { headers: { cookie } });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function signIn(login: string, challenge: string): Promise<URL> {
  return callback(await signInAtProvider(await start(challenge), login));
}

const redeem = (code: string, verifier: string) =>
  h.request('/v1/auth/oidc/redeem', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, verifier }),
  });

async function problemKind(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return ((await res.json()) as { type: string }).type.replace('urn:relay:problem:', '');
}

/** A whole sign-in: provider, callback, redeem. */
async function signInFully(login: string) {
  const { verifier, challenge } = pkce();
  const back = await signIn(login, challenge);
  expect(back.origin + back.pathname).toBe(RETURN_TO);
  const code = back.searchParams.get('code');
  expect(code, back.href).toBeTruthy();
  const res = await redeem(code!, verifier);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { token: string; employee: { id: string; name: string; role: string } };
}

const personRow = (id: string) =>
  h.database.db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('GET /v1/auth/methods', () => {
  it('says single sign-on is on when the provider is configured, without a token', async () => {
    const res = await h.request('/v1/auth/methods');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ inviteCode: true, singleSignOn: true });
  });

  it('says it is off otherwise, and the sign-on routes answer 404 problems', async () => {
    const plain = await harness();
    try {
      expect(await (await plain.request('/v1/auth/methods')).json()).toEqual({ inviteCode: true, singleSignOn: false });
      const res = await plain.request(startUrl(pkce().challenge));
      expect(res.status).toBe(404);
      expect(await problemKind(res)).toBe('sso-not-configured');
    } finally {
      await plain.close();
    }
  });
});

describe('single sign-on', () => {
  it('creates the person from the provider on the first sign-in and gives a working token', async () => {
    const { token, employee } = await signInFully('daria');
    expect(employee).toMatchObject({ name: 'Дарья Соколова', role: 'employee' });
    const row = await personRow(employee.id);
    expect(row).toMatchObject({
      email: 'daria@example.com',
      sso_issuer: provider.issuer,
      sso_subject: 'daria',
      active: 1,
    });
    expect(row.activated_at).not.toBeNull();
    const me = await h.as(token, '/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: employee.id, name: 'Дарья Соколова' });
    // What is now recorded about her is in her own data export too.
    const exported = await h.as(token, '/v1/me/export');
    expect(((await exported.json()) as { profile: unknown }).profile).toMatchObject({
      email: 'daria@example.com',
      singleSignOn: { issuer: provider.issuer, subject: 'daria' },
    });
    // Only the hand-off's hash was stored, and it is gone once used.
    expect(await h.database.db.selectFrom('sso_handoffs').selectAll().execute()).toEqual([]);
    expect(await h.database.db.selectFrom('sso_logins').selectAll().execute()).toEqual([]);
  });

  it('recognises the same person on a later sign-in and takes their new name and e-mail from the provider', async () => {
    const first = await signInFully('joan');
    provider.people.set('joan', { name: 'Joan Vidal i Puig', email: 'joan.vidal@example.com' });
    try {
      const second = await signInFully('joan');
      expect(second.employee.id).toBe(first.employee.id);
      expect(second.token).not.toBe(first.token);
      expect(second.employee.name).toBe('Joan Vidal i Puig');
      expect(await personRow(first.employee.id)).toMatchObject({ email: 'joan.vidal@example.com' });
      const other = await signInFully('daria');
      expect(other.employee.id).not.toBe(first.employee.id);
    } finally {
      provider.people.set('joan', { name: 'Joan Vidal', email: 'joan@example.com' });
    }
  });

  it('refuses a deactivated person at the callback and at redeem', async () => {
    const { employee } = await signInFully('daria');
    // A hand-off made before the person was deactivated is refused too.
    const { verifier, challenge } = pkce();
    const pending = (await signIn('daria', challenge)).searchParams.get('code')!;
    const off = await h.admin(`/v1/admin/employees/${employee.id}`, { method: 'PATCH', json: { active: false } });
    expect(off.status, await off.clone().text()).toBe(200);

    const back = await signIn('daria', pkce().challenge);
    expect(back.origin + back.pathname).toBe(RETURN_TO);
    expect(back.searchParams.get('error')).toBe('deactivated');
    expect(back.searchParams.get('code')).toBeNull();

    const res = await redeem(pending, verifier);
    expect(res.status).toBe(403);
    expect(await problemKind(res)).toBe('account-deactivated');
  });

  it('gives nothing for a wrong verifier, and the code is spent by the attempt', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn('joan', challenge)).searchParams.get('code')!;
    const wrong = await redeem(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await problemKind(wrong)).toBe('invalid-sso-code');
    const right = await redeem(code, verifier);
    expect(right.status).toBe(400);
    expect(await problemKind(right)).toBe('invalid-sso-code');
  });

  it('spends a hand-off code once', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn('joan', challenge)).searchParams.get('code')!;
    expect((await redeem(code, verifier)).status).toBe(200);
    const again = await redeem(code, verifier);
    expect(again.status).toBe(400);
    expect(await problemKind(again)).toBe('invalid-sso-code');
  });

  it('refuses a hand-off code collected too late', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn('joan', challenge)).searchParams.get('code')!;
    h.clock.now += 3 * 60_000;
    expect(await problemKind(await redeem(code, verifier))).toBe('invalid-sso-code');
  });

  it('refuses an unknown state, and a provider answer used twice', async () => {
    const unknown = await h.request('/v1/auth/oidc/callback?code=x&state=nobody-made-this');
    expect(unknown.status).toBe(400);
    expect(await problemKind(unknown)).toBe('sso-sign-in-unknown');
    const none = await h.request('/v1/auth/oidc/callback?code=x');
    expect(await problemKind(none)).toBe('sso-sign-in-unknown');

    const answer = await signInAtProvider(await start(pkce().challenge), 'joan');
    expect((await callback(answer)).searchParams.get('code')).toBeTruthy();
    const replay = await h.request(answer.pathname + answer.search);
    expect(replay.status).toBe(400);
    expect(await problemKind(replay)).toBe('sso-sign-in-unknown');
  });

  it('hands nothing over when the sign-in finishes in a browser that did not start it (a phishing link)', async () => {
    // The attacker starts with their own challenge and sends the provider's address to the victim.
    const attacker = pkce();
    const lure = await start(attacker.challenge);
    const attackerCookie = relayCookie;
    const answer = await signInAtProvider(lure, 'daria');
    const back = await callback(answer, '');
    expect(back.searchParams.get('error')).toBe('other-browser');
    expect(back.searchParams.get('code')).toBeNull();
    // Spent: not even the attacker's own browser can finish it now.
    const replay = await h.request(answer.pathname + answer.search, { headers: { cookie: attackerCookie } });
    expect(await problemKind(replay)).toBe('sso-sign-in-unknown');
    expect(
      await h.database.db.selectFrom('employees').select('id').where('sso_subject', '=', 'daria').execute(),
    ).toEqual([]);
  });

  it('sets the state cookie for these routes only, HttpOnly and Lax', async () => {
    const res = await h.request(startUrl(pkce().challenge));
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^relay_sso_state=[\w-]+;/);
    expect(cookie).toMatch(/Path=\/v1\/auth\/oidc/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('sends an expired sign-in back to the extension as expired', async () => {
    const answer = await signInAtProvider(await start(pkce().challenge), 'joan');
    h.clock.now += 11 * 60_000;
    const back = await callback(answer);
    expect(back.searchParams.get('error')).toBe('expired');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('sends a refusal by the provider, or a forged answer, back as a provider error', async () => {
    const authorize = new URL(await start(pkce().challenge));
    const state = authorize.searchParams.get('state')!;
    const denied = await callback(
      new URL(
        `${PUBLIC_URL}/v1/auth/oidc/callback?${new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer })}`,
      ),
    );
    expect(denied.searchParams.get('error')).toBe('provider');

    // A made-up code with a real state: the provider's token endpoint refuses it.
    const state2 = new URL(await start(pkce().challenge)).searchParams.get('state')!;
    const forged = await callback(
      new URL(
        `${PUBLIC_URL}/v1/auth/oidc/callback?${new URLSearchParams({ code: 'forged', state: state2, iss: provider.issuer })}`,
      ),
    );
    expect(forged.searchParams.get('error')).toBe('provider');
    expect(forged.searchParams.get('code')).toBeNull();
  });

  it('asks the provider for a code with state, nonce, PKCE S256 and the OpenID scopes', async () => {
    const authorize = new URL(await start(pkce().challenge));
    const p = authorize.searchParams;
    expect(p.get('scope')).toBe('openid profile email');
    expect(p.get('response_type')).toBe('code');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('redirect_uri')).toBe(`${PUBLIC_URL}/v1/auth/oidc/callback`);
    for (const name of ['state', 'nonce', 'code_challenge']) expect(p.get(name)).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses return addresses other than the extension redirect URLs, and bad challenges', async () => {
    for (const returnTo of [
      'https://evil.example/',
      'http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      'https://abcdefghijklmnopabcdefghijklmnoz.chromiumapp.org/',
      'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org.evil.example/',
      'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?next=https://evil.example',
      'https://user@abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      'javascript:alert(1)',
    ]) {
      const res = await h.request(startUrl(pkce().challenge, returnTo));
      expect(res.status, returnTo).toBe(400);
      expect(await problemKind(res), returnTo).toBe('invalid-return-to');
    }
    const bad = await h.request(startUrl('too-short'));
    expect(bad.status).toBe(400);
    expect(await problemKind(bad)).toBe('invalid-query');
    expect(await h.database.db.selectFrom('sso_logins').selectAll().execute()).toEqual([]);
  });

  it('checks the redeem body', async () => {
    const res = await redeem('', 'short');
    expect(res.status).toBe(422);
    expect(await problemKind(res)).toBe('validation-failed');
  });
});

describe('isExtensionRedirect', () => {
  it('takes what Chromium and Firefox give as browser.identity.getRedirectURL()', () => {
    expect(isExtensionRedirect('https://eahgddoibahapgmdjgifbkpgcfabfcga.chromiumapp.org/')).toBe(true);
    expect(isExtensionRedirect('https://eahgddoibahapgmdjgifbkpgcfabfcga.chromiumapp.org/sso')).toBe(true);
    expect(isExtensionRedirect('https://2c127fa4621a4e58e8a8e7d5e5ae0e0fb8d4d7b1.extensions.allizom.org/')).toBe(true);
    expect(isExtensionRedirect('https://2c127fa4621a4e58e8a8e7d5e5ae0e0fb8d4d7b1.extensions.allizom.org:444/')).toBe(
      false,
    );
  });
});

describe('a provider that cannot be reached', () => {
  it('sends the person back to the extension with "unavailable"', async () => {
    const port = await freePort();
    const down = await harness({
      oidc: { issuer: `http://127.0.0.1:${port}`, clientId: 'relay', clientSecret: 'secret' },
    });
    try {
      const res = await down.request(startUrl(pkce().challenge));
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get('location')!);
      expect(back.origin + back.pathname).toBe(RETURN_TO);
      expect(back.searchParams.get('error')).toBe('unavailable');
    } finally {
      await down.close();
    }
  });
});
