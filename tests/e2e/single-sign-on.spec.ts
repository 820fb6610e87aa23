/**
 * Single sign-on, end to end: a real OpenID provider (oidc-provider, development sign-in page) and
 * the real backend on loopback, the built extension in Chromium. The settings page offers the button once the
 * server says it has single sign-on; the provider's page opens in the browser's web-auth window, and when the
 * person has signed in there the extension is connected, with no invite code.
 */
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import type { EmployeeList } from '../../lib/contract';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { sampleItems } from '../helpers/data';
import { expectItemShown } from '../helpers/expect-queue';
import { screenshotOnFailure, useBackend } from '../helpers/fixtures';
import { startProvider, type TestProvider } from '../helpers/oidc-provider';
import { Backend, freePort } from '../helpers/server';
import { LOCAL_KEYS, readStored } from '../helpers/storage';

interface Fixtures {
  /** Where the backend will listen: the provider must know its callback before either starts. */
  relayPort: number;
  provider: TestProvider;
  backend: Backend;
  /** A fresh browser profile with the extension; `another()` opens one more (a second computer). */
  browsers: { first: ExtensionBrowser; another(): Promise<ExtensionBrowser> };
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  relayPort: async ({}, use) => use(await freePort()),
  provider: async ({ relayPort: port }, use) => {
    const provider = await startProvider({
      redirectUris: [`http://127.0.0.1:${port}/v1/auth/oidc/callback`],
      people: {
        daria: { name: 'Дарья Соколова', email: 'daria.sokolova@example.com' },
        pieter: { name: 'Pieter de Vries', email: 'pieter@example.com' },
        vera: { name: 'Vera Lindqvist', email: 'vera@example.com' },
      },
    });
    try {
      await use(provider);
    } finally {
      await provider.close();
    }
  },
  backend: async ({ provider, relayPort }, use, testInfo) =>
    useBackend(Backend.start({ port: relayPort, env: provider.env() }), use, testInfo),
  // eslint-disable-next-line no-empty-pattern -- as above
  browsers: async ({}, use, testInfo) => {
    const opened: ExtensionBrowser[] = [await launchWithExtension()];
    try {
      await use({
        first: opened[0]!,
        async another() {
          const ext = await launchWithExtension();
          opened.push(ext);
          return ext;
        },
      });
    } finally {
      for (const ext of opened) {
        await screenshotOnFailure(ext, testInfo);
        await ext.close();
      }
    }
  },
});

/**
 * The settings page: type the server address, press "Sign in with single sign-on", and sign in as `login` on
 * the provider's page that opens. Returns the settings page.
 */
async function signInWithSso(ext: ExtensionBrowser, serverUrl: string, login: string): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(serverUrl);
  const button = options.getByRole('button', { name: 'Sign in with single sign-on' });
  await expect(button).toBeVisible();
  const providerPage = ext.context.waitForEvent('page');
  await button.click();
  const signIn = await providerPage;
  await signIn.locator('input[name=login]').fill(login);
  await signIn.locator('input[name=password]').fill('any password');
  await signIn.locator('button[type=submit]').click();
  return options;
}

/** The person the extension is connected as (what the background saved). */
const savedEmployee = (ext: ExtensionBrowser) =>
  readStored<{ id: string; name: string; role: string }>(ext.serviceWorker, LOCAL_KEYS.employee);

async function people(backend: Backend) {
  return (await backend.request<EmployeeList>('GET', '/v1/admin/employees', { token: backend.adminToken })).employees;
}

/** What the database holds about a person: the e-mail curators see in People, and the provider identity. */
function stored(backend: Backend, id: string) {
  const db = new Database(backend.dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT name, email, sso_issuer, sso_subject, role, active FROM employees WHERE id = ?')
      .get(id) as
      | { name: string; email: string; sso_issuer: string; sso_subject: string; role: string; active: number }
      | undefined;
  } finally {
    db.close();
  }
}

test('a person signs in with single sign-on, no invite code, and is the same person from a second browser', async ({
  provider,
  backend,
  browsers,
}) => {
  // Three browser profiles (two computers of Дарья's, one of Pieter's); each launch takes seconds on a shared machine.
  test.setTimeout(120_000);
  for (const item of sampleItems) await backend.createItem(item);

  const options = await signInWithSso(browsers.first, backend.url, 'daria');
  await expect(options.getByText('Connected as Дарья Соколова')).toBeVisible();
  await expect(options.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  const daria = await savedEmployee(browsers.first);
  expect(daria).toMatchObject({ name: 'Дарья Соколова', role: 'employee' });
  expect(stored(backend, daria!.id)).toMatchObject({
    email: 'daria.sokolova@example.com',
    sso_issuer: provider.issuer,
    sso_subject: 'daria',
    role: 'employee',
    active: 1,
  });

  // Connected for real: the token works, so the queue arrives.
  const popup = await browsers.first.context.newPage();
  await popup.goto(`chrome-extension://${browsers.first.extensionId}/popup.html`);
  for (const item of sampleItems) await expectItemShown(popup, item);

  // Another computer, and the provider has her new e-mail address by now: the same person, brought up to date.
  provider.people.set('daria', { name: 'Дарья Соколова', email: 'd.sokolova@example.com' });
  const second = await browsers.another();
  const again = await signInWithSso(second, backend.url, 'daria');
  await expect(again.getByText('Connected as Дарья Соколова')).toBeVisible();
  expect((await savedEmployee(second))?.id).toBe(daria!.id);
  expect(stored(backend, daria!.id)?.email).toBe('d.sokolova@example.com');
  expect((await people(backend)).filter((p) => p.name === 'Дарья Соколова')).toHaveLength(1);

  // A second person is a second employee.
  const third = await browsers.another();
  const pieter = await signInWithSso(third, backend.url, 'pieter');
  await expect(pieter.getByText('Connected as Pieter de Vries')).toBeVisible();
  const pieterId = (await savedEmployee(third))?.id;
  expect(pieterId).toBeTruthy();
  expect(pieterId).not.toBe(daria!.id);
  expect(stored(backend, pieterId!)?.email).toBe('pieter@example.com');
});

test('a deactivated person is refused with a clear message on the settings page', async ({ backend, browsers }) => {
  const first = await signInWithSso(browsers.first, backend.url, 'vera');
  await expect(first.getByText('Connected as Vera Lindqvist')).toBeVisible();
  const vera = await savedEmployee(browsers.first);
  await backend.request('PATCH', `/v1/admin/employees/${vera!.id}`, {
    token: backend.adminToken,
    body: { active: false },
    expect: 200,
  });

  const second = await browsers.another();
  const options = await signInWithSso(second, backend.url, 'vera');
  const alert = options.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toContainText('Your Relay account has been deactivated');
  await expect(options.getByText(/Connected as/)).toHaveCount(0);
  expect(await savedEmployee(second)).toBeFalsy();
  // And the button is there to try again once an admin has turned the account back on.
  await expect(options.getByRole('button', { name: 'Sign in with single sign-on' })).toBeEnabled();
});

test('the button is offered only by a server with single sign-on', async ({ browsers }) => {
  const plain = await Backend.start();
  try {
    const options = await browsers.first.context.newPage();
    await options.goto(`chrome-extension://${browsers.first.extensionId}/options.html`);
    // The page asks the server what it offers (debounced): wait for that answer, then look.
    const asked = options.waitForResponse((r) => r.url() === `${plain.url}/v1/auth/methods`);
    await options.getByLabel('Server URL').fill(plain.url);
    expect(await (await asked).json()).toEqual({ inviteCode: true, singleSignOn: false });
    await expect(options.getByRole('button', { name: 'Sign in with single sign-on' })).toHaveCount(0);
    await expect(options.getByRole('button', { name: 'Connect' })).toBeVisible();
  } finally {
    await plain.dispose();
  }
});
