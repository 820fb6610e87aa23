/**
 * Relay in Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright's Firefox
 * cannot load an extension), the Firefox build of the extension (.output/firefox-mv2, or
 * RELAY_FIREFOX_EXTENSION_DIR) as a temporary add-on, the real backend, and the X (Draft.js) and LinkedIn
 * (Quill 1) fixtures served on their real hostnames by request interception.
 *
 * It pins that Draft.js takes Relay's paste in Firefox, which ignores ClipboardEventInit.clipboardData (see
 * lib/compose/insert.ts): checked on the editor STATE and the Post button, then the share reaches the backend.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { Network } from '../../lib/contract/common';
import { captions, expectInserted, storedShares, syncedToken } from '../helpers/composer';
import { ensureEditorFixtures, fixturesOut } from '../helpers/editor-fixtures';
import { expect, test } from '../helpers/fixtures';
import type { RecordingProxy } from '../helpers/recording-proxy';
import type { Backend } from '../helpers/server';
import { ADDON_ID, extensionDir, launchFirefox, openExtensionPage, origin } from '../helpers/firefox';

/**
 * Serve the fixtures in this page: X (Draft.js) on https://x.com/, LinkedIn (Quill 1) on https://www.linkedin.com/.
 * Anything else those hosts are asked for is a 404; nothing reaches the internet.
 */
async function serveSites(page: Page): Promise<void> {
  await ensureEditorFixtures();
  const scripts: Record<string, Buffer> = {
    'x.com': readFileSync(join(fixturesOut, 'x.js')),
    'www.linkedin.com': readFileSync(join(fixturesOut, 'linkedin-quill1.js')),
  };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    const script = scripts[url.hostname];
    if (!script) return void request.continue();
    if (url.pathname === '/__relay_fixtures__/app.js') {
      return void request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script });
    }
    if (!request.isNavigationRequest()) return void request.respond({ status: 404, body: '' });
    const root = url.hostname === 'x.com' ? '<div id="react-root"></div>' : '';
    return void request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title></head>' +
        `<body>${root}<script src="/__relay_fixtures__/app.js"></script></body></html>`,
    });
  });
}

/** The input a <label> names, as Playwright's getByLabel would find it. */
async function byLabel(page: Page, text: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (t) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === t)?.control ?? null,
    { timeout: 15_000 },
    text,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** Connect Relay through its options page, as a person would; the employee's token, seen by the recorder. */
async function connectRelay(browser: Browser, recorder: RecordingProxy, code: string, name: string): Promise<string> {
  const options = await browser.newPage();
  await openExtensionPage(options, `${origin}/options.html`);
  await (await byLabel(options, 'Server URL')).type(recorder.url);
  await (await byLabel(options, 'Invite code')).type(code);
  const connect = await options.waitForFunction(
    () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Connect') ?? null,
  );
  await (connect as unknown as ElementHandle<HTMLButtonElement>).click();
  await options.waitForFunction(
    (n) => document.body.textContent?.includes(`Connected as ${n}`),
    { timeout: 20_000 },
    name,
  );
  const token = await syncedToken(recorder);
  await options.close();
  return token;
}

/** Relay's Insert button for a caption, in the panel's open shadow root next to the composer. */
async function insertButtonFor(page: Page, caption: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (head) => {
      const root = document.querySelector('relay-captions')?.shadowRoot;
      return (
        [...(root?.querySelectorAll('button') ?? [])].find((b) =>
          b.getAttribute('aria-label')?.startsWith(`Insert: ${head}`),
        ) ?? null
      );
    },
    { timeout: 15_000 },
    caption.split('\n')[0]!,
  );
  return handle as unknown as ElementHandle<HTMLButtonElement>;
}

async function withRelayInFirefox(
  { backend, recorder }: { backend: Backend; recorder: RecordingProxy },
  network: Network,
  run: (page: Page, link: string, token: string) => Promise<void>,
): Promise<void> {
  const item = await backend.createItem({
    url: `https://example.com/news/firefox-${network}?ref=feed`,
    title: 'Item firefox',
    topics: ['company'],
    pinned: true,
    captions: [{ network, text: captions.multiline[network], language: 'en' }],
  });
  const code = await backend.createInvite('Núria Puig');
  const firefox = await launchFirefox();
  try {
    expect(await firefox.browser.installExtension(extensionDir)).toBe(ADDON_ID);
    const token = await connectRelay(firefox.browser, recorder, code, 'Núria Puig');
    const link = (await backend.queue(token)).items.find((i) => i.id === item.id)!.links[network];
    const page = await firefox.browser.newPage();
    await serveSites(page);
    await run(page, link, token);
  } finally {
    await firefox.close();
  }
}

test('Firefox: Insert puts caption and link into X’s Draft.js state; Post records the share', async ({
  backend,
  recorder,
}) => {
  test.setTimeout(150_000);
  await withRelayInFirefox({ backend, recorder }, 'x', async (page, link, token) => {
    await page.goto('https://x.com/home');
    await page.waitForSelector('[data-testid="tweetTextarea_0"]');
    const postState = () => page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getAttribute('aria-disabled'));
    expect(await postState()).toBe('true');

    await (await insertButtonFor(page, captions.multiline.x)).click();
    await expect
      .poll(() => page.evaluate(() => window.getPlainText()), {
        message: 'the link reached the Draft.js state in Firefox',
      })
      .toContain(link);
    expectInserted(await page.evaluate(() => window.getPlainText()), captions.multiline.x, link);
    await expect.poll(postState).toBe('false');
    expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

    // The person presses Post: the share goes through the background's outbox to the backend, unedited.
    await (await page.$('[data-testid="tweetButtonInline"]'))!.click();
    await expect.poll(() => page.evaluate(() => window.__posted.length)).toBe(1);
    await expect
      .poll(() => storedShares(backend, token), {
        message: 'the share reached the backend',
        timeout: 45_000,
        intervals: [250, 500, 1000],
      })
      .toEqual([{ network: 'x', edited: false }]);
  });
});

test('Firefox: Insert puts caption and link into LinkedIn’s Quill state', async ({ backend, recorder }) => {
  test.setTimeout(150_000);
  await withRelayInFirefox({ backend, recorder }, 'linkedin', async (page, link) => {
    await page.goto('https://www.linkedin.com/feed/');
    const start = await page.waitForFunction(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start a post') ?? null,
    );
    await (start as unknown as ElementHandle<HTMLButtonElement>).click();
    await page.waitForSelector('[role="dialog"] .ql-editor');

    await (await insertButtonFor(page, captions.multiline.linkedin)).click();
    const quillText = () => page.evaluate(() => window.getQuillText().replace(/\n$/, ''));
    await expect.poll(quillText, { message: 'the link reached the Quill state in Firefox' }).toContain(link);
    expectInserted(await quillText(), captions.multiline.linkedin, link);
    expect(await page.$eval('.share-actions__primary-action', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
  });
});
