/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, for single sign-on tests: its
 * development sign-in page takes any password, and the login typed is the account id. Consent is granted
 * for the Relay client up front (a company's own provider does that for its own apps), so a sign-in is one
 * form.
 */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import { freePort } from './server';

export interface TestPerson {
  name: string;
  email: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in, by login; tests may add or change them while the provider runs. */
  people: Map<string, TestPerson>;
  /** RELAY_OIDC_* for a Relay backend. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startProvider(opts: {
  redirectUris: string[];
  people?: Record<string, TestPerson>;
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'relay';
  const clientSecret = randomBytes(24).toString('base64url');
  const people = new Map(Object.entries(opts.people ?? {}));

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    // Name and e-mail in the ID token too, as most company providers send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Set, so the provider does not print a notice for each default it falls back to.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    async findAccount(_ctx, id) {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: person.name, email: person.email, email_verified: true }),
      };
    },
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The development pages @import a web font from Google: tests reach no live site (and a browser waiting
  // for a host this closed network cannot resolve is slow), so the import is taken out of every page.
  provider.use(async (ctx, next) => {
    await next();
    if (typeof ctx.body === 'string' && ctx.type.includes('html'))
      ctx.body = ctx.body.replace(/@import url\([^)]*\);?/g, '');
  });
  // Quiet: a test that fails says why itself; the provider's own warnings (Node 20, dev pages) are noise.
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
  const server: Server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    env: () => ({ RELAY_OIDC_ISSUER: issuer, RELAY_OIDC_CLIENT_ID: clientId, RELAY_OIDC_CLIENT_SECRET: clientSecret }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser's walk through the provider without a browser (for backend tests): follows redirects from the
 * authorization URL, keeps cookies, fills the development sign-in form with `login`, and stops at the first
 * redirect that leaves the provider — the callback URL with code and state, which is returned.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    body = undefined;
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next.href;
      await res.arrayBuffer();
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action)
      throw new Error(`oidc-provider answered ${res.status} without a form or redirect: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('too many redirects at the provider');
}
