/**
 * "Share this page" from the popup, end to end: the popup reads the current tab (activeTab), shares it on X
 * with a UTM-tagged link (nothing recorded: the page is not an item), or with the tracked link and a recorded
 * share when the page is an item of the queue; "Suggest to the queue" reaches the curators once.
 *
 * The popup is opened as a tab here, so the page under test is made the window's active tab first and the
 * popup reloaded behind it: its query for the active tab then answers that page, as a real popup's would.
 * A real popup may read the tab's address because clicking the toolbar icon grants activeTab; a test cannot
 * click the toolbar, so the pages shared here are LinkedIn articles, whose addresses the extension may read
 * through its host permission (the tab's URL is hidden from it anywhere else, which the first test checks).
 */
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, type RelayPages } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import type { Backend } from '../helpers/server';

function backendRows<T>(backend: Backend, query: string): T[] {
  const db = new Database(backend.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

/** Serves a page with `title` at every URL under `origin` (the browser never leaves the machine). */
async function servePages(context: BrowserContext, origin: string, title: string): Promise<void> {
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1>`,
    }),
  );
}

/** X's share page, answered locally; returns the URLs it was opened with. */
async function interceptX(context: BrowserContext): Promise<string[]> {
  const urls: string[] = [];
  await context.route('https://x.com/**', (route) => {
    urls.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>share page</title>' });
  });
  return urls;
}

/** Opens `url` in a tab, then the popup, and makes that tab the active one before the popup reads it. */
async function popupOver(
  relay: RelayPages,
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; popup: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  const popup = await relay.openPopup();
  await page.bringToFront();
  await popup.reload();
  return { page, popup };
}

async function connect(backend: Backend, relay: RelayPages): Promise<void> {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Oriol Vidal'));
  await expect(options.getByText(/Connected as Oriol Vidal/)).toBeVisible();
}

test('share a page outside the queue on X with a UTM-tagged link (nothing recorded), then suggest it to the curators once', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(90_000);
  await connect(backend, relay);
  // Without activeTab or a host permission the tab's address stays hidden, and there is nothing to offer.
  await servePages(context, 'https://news.example.org', 'Elsewhere');
  const elsewhere = await popupOver(relay, context, 'https://news.example.org/2026/12/story');
  await expect(elsewhere.popup.getByRole('article').first()).toBeVisible();
  await expect(elsewhere.popup.getByRole('region', { name: 'Share this page' })).toHaveCount(0);

  const pageUrl = 'https://www.linkedin.com/pulse/fair-review-relay-oriol-vidal?trk=public#top';
  await servePages(context, 'https://www.linkedin.com', 'A fair review of Relay');
  const opened = await interceptX(context);
  const { popup } = await popupOver(relay, context, pageUrl);

  const section = popup.getByRole('region', { name: 'Share this page' });
  const toggle = section.getByRole('button', { name: 'Share this page' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(section.getByText('A fair review of Relay')).toBeVisible();
  await expect(section.getByText('linkedin.com')).toBeVisible();

  const x = section.getByRole('region', { name: 'X' });
  const caption = 'Una revisió honesta, en català i amb 🚀';
  await x.getByRole('textbox', { name: 'Your X post' }).fill(caption);
  const tab = context.waitForEvent('page');
  await x.getByRole('button', { name: 'Share on X' }).click();
  await tab;
  await expect.poll(() => opened.length).toBe(1);
  const text = new URL(opened[0]!).searchParams.get('text')!;
  // A one-line caption and its link go out separated by a space.
  const [sentCaption, sentLink] = [text.slice(0, text.lastIndexOf(' ')), text.slice(text.lastIndexOf(' ') + 1)];
  expect(sentCaption).toBe(caption);
  const link = new URL(sentLink);
  expect(`${link.origin}${link.pathname}`).toBe('https://www.linkedin.com/pulse/fair-review-relay-oriol-vidal');
  expect(link.searchParams.get('trk')).toBe('public');
  expect(link.searchParams.get('utm_source')).toBe('twitter');
  expect(link.searchParams.get('utm_medium')).toBe('social');
  expect(link.searchParams.get('utm_campaign')).toBe('employee-share');
  // Suggest it, with a note: the curators get it once, however often it is sent.
  await section.getByLabel('Note for the curators (optional)').fill('Worth adding to the engineering topic');
  await section.getByRole('button', { name: 'Suggest to the queue' }).click();
  await expect(section.getByRole('status').last()).toHaveText('Sent to the curators. Thank you!');
  await expect(section.getByLabel('Note for the curators (optional)')).toHaveValue('');
  await section.getByRole('button', { name: 'Suggest to the queue' }).click();
  await expect(section.getByRole('status').last()).toHaveText('You already suggested this page; the curators have it.');
  const suggestions = backendRows<{ url: string; note: string | null; status: string }>(
    backend,
    'SELECT url, note, status FROM suggestions',
  );
  expect(suggestions).toEqual([{ url: pageUrl, note: 'Worth adding to the engineering topic', status: 'open' }]);
  // Not an item: the backend counts shares per item, so the share on X recorded nothing, here or there.
  expect(backendRows(backend, 'SELECT id FROM shares')).toHaveLength(0);
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.getByRole('tabpanel', { name: 'History' })).not.toContainText('A fair review of Relay');
});

test('a page that is an item of the queue is shared with the tracked link and recorded like any share', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(90_000);
  await backend.createItem({
    url: 'https://www.linkedin.com/pulse/our-annual-report-2026?trk=article',
    title: 'The annual report, on LinkedIn',
    topics: ['company'],
    contentType: 'owned',
    captions: [{ network: 'x', text: 'Our year, in one article', language: 'en' }],
  });
  await connect(backend, relay);
  await servePages(context, 'https://www.linkedin.com', 'The annual report, on LinkedIn');
  const opened = await interceptX(context);
  // The same page as the item, reached with a trailing slash, a fragment and a UTM tag of its own.
  const { popup } = await popupOver(
    relay,
    context,
    'https://www.linkedin.com/pulse/our-annual-report-2026/?trk=article&utm_source=mail#numbers',
  );

  const section = popup.getByRole('region', { name: 'Share this page' });
  await section.getByRole('button', { name: 'Share this page' }).click();
  await expect(section.getByText('This page is in your queue: your tracked link is used.')).toBeVisible();
  const x = section.getByRole('region', { name: 'X' });
  await x.getByRole('textbox', { name: 'Your X post' }).fill('Read this one');
  await x.getByRole('button', { name: 'Share on X' }).click();
  await expect.poll(() => opened.length).toBe(1);

  const [item] = backendRows<{ id: string }>(
    backend,
    "SELECT id FROM items WHERE title = 'The annual report, on LinkedIn'",
  );
  const text = new URL(opened[0]!).searchParams.get('text')!;
  expect(text).toMatch(new RegExp(`^Read this one ${backend.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/r/\\S+$`));
  await expect
    .poll(() => backendRows<{ item_id: string; network: string }>(backend, 'SELECT item_id, network FROM shares'), {
      message: 'the share reached the backend',
    })
    .toEqual([{ item_id: item!.id, network: 'x' }]);
});
