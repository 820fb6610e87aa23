/**
 * The curators' console (admin.html) against the real backend: an item made from a page's own metadata
 * reaches an employee's popup, the policy refuses a banned term in an admin caption, and deactivating a
 * person signs their Relay out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, relayPages, test as base, useBackend, useExtension } from '../helpers/fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { Backend } from '../helpers/server';

interface AdminFixtures {
  /** A page server on 127.0.0.1 with Open Graph tags, reachable by the backend's fetcher in this test only. */
  pages: { url: (path: string) => string };
  /** A second browser profile: an employee's own Relay. */
  employeeBrowser: ExtensionBrowser;
}

const test = base.extend<AdminFixtures>({
  // The backend, with the unfurl fetcher opened to loopback (RELAY_UNFURL_ALLOW_LOOPBACK, refused in production).
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  backend: async ({}, use, testInfo) =>
    useBackend(Backend.start({ env: { NODE_ENV: 'test', RELAY_UNFURL_ALLOW_LOOPBACK: '1' } }), use, testInfo),
  // eslint-disable-next-line no-empty-pattern -- as above
  pages: async ({}, use) => {
    const server: Server = createServer((req, res) => {
      if (req.url !== '/news/launch') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head>
        <title>Fallback title</title>
        <meta property="og:title" content="Llancem Relay 2.0 — col·laboració per a tothom">
        <meta property="og:description" content="What changes for our teams, in five minutes.">
        <meta property="og:image" content="https://cdn.example.com/launch.png">
        </head><body><p>Body is never read.</p></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await use({ url: (path) => `http://127.0.0.1:${port}${path}` });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  employeeBrowser: async ({}, use, testInfo) => useExtension(launchWithExtension(), use, testInfo),
});

/** Connects a Relay (in whichever browser) with an invite code and returns its options page. */
const connect = (browser: ExtensionBrowser, serverUrl: string, code: string): Promise<Page> =>
  relayPages(browser.context, browser.extensionId).connect(serverUrl, code);

async function openConsole(ext: ExtensionBrowser, backend: Backend, section: string): Promise<Page> {
  const options = await connect(ext, backend.url, await backend.createInvite('Ada Curator', 'admin'));
  await expect(options.getByText(/Connected as Ada Curator/)).toBeVisible();
  // The popup of an admin links to the console, which opens in a tab.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const [page] = await Promise.all([
    ext.context.waitForEvent('page'),
    popup.getByRole('link', { name: "Curators' console" }).click(),
  ]);
  await expect(page).toHaveURL(`chrome-extension://${ext.extensionId}/admin.html`);
  await expect(page.getByRole('heading', { level: 1, name: "Curators' console" })).toBeVisible();
  await page.goto(`chrome-extension://${ext.extensionId}/admin.html#${section}`);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  return page;
}

test('an admin creates an item from a page address and an employee sees it after sync', async ({
  backend,
  ext,
  pages,
  employeeBrowser,
}) => {
  const admin = await openConsole(ext, backend, 'items');

  // A refused address: the server's reason is shown, no editor opens.
  await admin.getByLabel('New item from a page address').fill('http://10.1.2.3/private');
  await admin.getByRole('button', { name: 'Fetch details' }).click();
  await expect(admin.getByRole('alert').filter({ hasText: 'The page could not be used' })).toContainText(
    'a private address',
  );
  await expect(admin.getByRole('form', { name: 'New item', exact: true })).toHaveCount(0);

  // The local page: its Open Graph tags prefill the item.
  await admin.getByLabel('New item from a page address').fill(pages.url('/news/launch'));
  await admin.getByRole('button', { name: 'Fetch details' }).click();
  const editor = admin.getByRole('form', { name: 'New item', exact: true });
  await expect(editor.getByLabel('Title')).toHaveValue('Llancem Relay 2.0 — col·laboració per a tothom');
  await expect(editor.getByLabel('Summary')).toHaveValue('What changes for our teams, in five minutes.');
  await expect(editor.getByLabel('Image address')).toHaveValue('https://cdn.example.com/launch.png');
  await editor.getByLabel('Content type').selectOption('owned');
  await editor.getByLabel('Topics').fill('Product, launch');
  await editor.getByLabel('Language').fill('ca');
  const caption = 'Avui llancem Relay 2.0: més fàcil compartir el que fem 🚀';
  await editor.getByLabel('Text').fill(caption);
  // The same counter employees see (LinkedIn counts code points: the emoji is one).
  await expect(editor.getByText(`${[...caption].length} / 3000`)).toBeVisible();
  await editor.getByRole('button', { name: 'Add to the queue' }).click();

  await expect(admin.getByRole('status').filter({ hasText: 'Added “Llancem Relay 2.0' })).toBeVisible();
  const row = admin.getByRole('row', { name: /Llancem Relay 2\.0/ });
  await expect(row).toContainText('Live');
  await expect(row).toContainText('owned');
  // One owned item live: the mix says so against 6-3-1.
  await expect(admin.getByRole('status').filter({ hasText: 'Content mix of the live queue' })).toContainText(
    '0 curated · 10 owned · 0 promotional — too much of our own content',
  );
  const [stored] = (
    await backend.request<{ items: Array<{ url: string; topics: string[]; captions: Array<{ language: string }> }> }>(
      'GET',
      '/v1/admin/items',
      { token: backend.adminToken },
    )
  ).items;
  expect(stored).toMatchObject({
    url: pages.url('/news/launch'),
    topics: ['product', 'launch'],
    captions: [{ language: 'ca' }],
  });

  // An employee's Relay, in another profile, gets it with its first sync.
  const options = await connect(employeeBrowser, backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  const popup = await employeeBrowser.context.newPage();
  await popup.goto(`chrome-extension://${employeeBrowser.extensionId}/popup.html`);
  await expect(popup.getByRole('article', { name: 'Llancem Relay 2.0 — col·laboració per a tothom' })).toBeVisible();
  await expect(popup.getByText(caption, { exact: true }).first()).toBeVisible();
  // Employees get no link to the console.
  await expect(popup.getByRole('link', { name: "Curators' console" })).toHaveCount(0);
});

test('a banned term set in Policy blocks an admin caption with the server’s reason', async ({ backend, ext }) => {
  const admin = await openConsole(ext, backend, 'policy');
  await admin.getByLabel('Banned on every network (one term or phrase a line)').fill('guaranteed returns');
  await admin.getByLabel('Required disclosure').last().fill('#ad');
  await admin.getByRole('button', { name: 'Save the policy' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Policy saved' })).toBeVisible();

  await admin.getByRole('link', { name: 'Items' }).click();
  await expect(admin.getByRole('heading', { level: 2, name: 'Items' })).toBeFocused();

  // The managed lists of topics and campaigns.
  await admin.getByText('Topics and campaigns (managed lists)').click();
  await admin.getByLabel('Topics (one a line)').fill('Finance\nsostenibilitat');
  await admin.getByLabel('Campaigns (one a line)').fill('q4-fund');
  await admin.getByRole('button', { name: 'Save the lists' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved 2 topics and 1 campaign' })).toBeVisible();
  expect(await backend.request('GET', '/v1/admin/taxonomy', { token: backend.adminToken })).toEqual({
    topics: ['finance', 'sostenibilitat'],
    campaigns: ['q4-fund'],
  });

  await admin.getByLabel('New item from a page address').fill('https://example.com/fund');
  await admin.getByRole('button', { name: 'Write it by hand' }).click();
  const editor = admin.getByRole('form', { name: 'New item', exact: true });
  await editor.getByLabel('Title').fill('Our new fund');
  await editor.getByLabel('Topics').fill('finance, crypto');
  await expect(editor.getByText('Not in the managed list: crypto.')).toBeVisible();
  await editor.getByLabel('Network').selectOption('x');
  await editor.getByLabel('Text').fill('Guaranteed returns for everyone');
  // Flagged while typing, and the disclosure shown as it will be added.
  await expect(editor.getByRole('alert').filter({ hasText: 'Banned by the policy' })).toContainText(
    'guaranteed returns',
  );
  await expect(editor.getByText('Guaranteed returns for everyone #ad', { exact: true })).toBeVisible();

  // The backend has the last word: 422, shown in its own words, nothing created.
  await editor.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(
    editor.getByRole('alert').filter({ hasText: /Caption 1 \(x\) contains the banned term "guaranteed returns"/ }),
  ).toBeVisible();
  const { items } = await backend.request<{ items: unknown[] }>('GET', '/v1/admin/items', {
    token: backend.adminToken,
  });
  expect(items).toHaveLength(0);
});

test('deactivating an employee signs their Relay out at its next sync', async ({ backend, ext, employeeBrowser }) => {
  const options = await connect(employeeBrowser, backend.url, await backend.createInvite('Joan Vidal'));
  await expect(options.getByText(/Connected as Joan Vidal/)).toBeVisible();

  const admin = await openConsole(ext, backend, 'people');

  // Many at once: all or none, each bad line named; then the codes, shown once.
  const csv = admin.getByLabel('One person a line: name,role');
  await csv.fill('Marta Soler,employee\nPau Roig,boss');
  await admin.getByRole('button', { name: 'Invite everyone' }).click();
  await expect(admin.getByRole('list', { name: 'Lines to fix' })).toContainText('Line 2');
  await csv.fill('Marta Soler,employee\n"Roig, Pau",admin');
  await admin.getByRole('button', { name: 'Invite everyone' }).click();
  await expect(admin.getByRole('button', { name: 'Copy the code for Roig, Pau' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /Marta Soler/ })).toContainText('Invited');

  const row = admin.getByRole('row', { name: /Joan Vidal/ });
  await expect(row).toContainText('Activated');
  await row.getByRole('button', { name: 'Deactivate Joan Vidal' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Joan Vidal is deactivated' })).toBeVisible();
  await expect(row).toContainText('Deactivated');

  // Refusing to demote yourself: the server's message is shown.
  await admin.getByRole('button', { name: 'Make employee: Ada Curator' }).click();
  await expect(
    admin.getByRole('alert').filter({ hasText: 'An admin cannot deactivate or demote their own account' }),
  ).toBeVisible();
  await expect(admin.getByRole('row', { name: /Ada Curator/ })).toContainText('Admin');

  // Opening the popup syncs: the token no longer works, and the popup says so.
  const popup = await employeeBrowser.context.newPage();
  await popup.goto(`chrome-extension://${employeeBrowser.extensionId}/popup.html`);
  const ended = popup.getByRole('alert').filter({ hasText: 'Joan Vidal, your session has ended' });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole('button', { name: 'Sign in again' })).toBeVisible();
});

test('an employee’s suggestion becomes an item prefilled from the page, another is dismissed', async ({
  backend,
  ext,
  pages,
}) => {
  const nuria = await backend.employee('Núria Puig');
  const suggest = (url: string, note: string) =>
    backend.request('POST', '/v1/suggestions', { token: nuria.token, body: { url, note }, expect: 201 });
  await suggest('https://example.org/old-news', 'Potser massa antic');
  await suggest(pages.url('/news/launch'), 'Val la pena compartir-ho!');

  const admin = await openConsole(ext, backend, 'suggestions');
  const list = admin.getByRole('list', { name: 'Open suggestions' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const launch = list.getByRole('listitem').filter({ hasText: 'Val la pena compartir-ho!' });
  await expect(launch).toContainText('Suggested by Núria Puig');

  await list
    .getByRole('listitem')
    .filter({ hasText: 'Potser massa antic' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'Dismissed the suggestion of https://example.org/old-news' }),
  ).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await launch.getByRole('button', { name: 'Make it an item' }).click();
  const editor = admin.getByRole('form', { name: "New item from Núria Puig's suggestion" });
  await expect(editor.getByLabel('Title')).toHaveValue('Llancem Relay 2.0 — col·laboració per a tothom');
  await editor.getByLabel('Text').fill('Una bona notícia per a tots');
  await editor.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Added “Llancem Relay 2.0' })).toBeVisible();
  await expect(admin.getByText('No open suggestions.')).toBeVisible();

  const accepted = await backend.request<{ suggestions: Array<{ status: string; itemId: string | null }> }>(
    'GET',
    '/v1/admin/suggestions?status=accepted',
    { token: backend.adminToken },
  );
  expect(accepted.suggestions).toHaveLength(1);
  expect(accepted.suggestions[0]!.itemId).not.toBeNull();
});
