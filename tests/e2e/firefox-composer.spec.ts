/**
 * Relay in Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright's own
 * Firefox cannot be downloaded here and cannot load an extension), the Firefox build of the extension
 * (.output/firefox-mv2, or RELAY_FIREFOX_EXTENSION_DIR) installed as a temporary add-on, the real backend, and
 * the X fixture (real Draft.js 0.11.7 + React 18) served on https://x.com/ by request interception.
 *
 * What it proves: Draft.js takes Relay's paste in Firefox. Firefox ignores ClipboardEventInit.clipboardData
 * (see lib/compose/insert.ts), so before the fix the editor state stayed empty and Relay fell back to the
 * clipboard. Checked on the editor STATE (`getPlainText()`) and on the Post button, then the share reaches the
 * backend after the test presses Post.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { MyExport } from '../../lib/contract/export';
import { captions, expectInserted } from '../helpers/composer';
import { ensureEditorFixtures, fixturesOut } from '../helpers/editor-fixtures';
import { expect, test } from '../helpers/fixtures';
import { repoRoot } from '../helpers/server';

const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const extensionDir = process.env.RELAY_FIREFOX_EXTENSION_DIR || join(repoRoot, '.output', 'firefox-mv2');
/** The add-on's id (wxt.config.ts) and a fixed internal UUID, so the test knows its moz-extension:// origin. */
const ADDON_ID = 'relay@relay-advocacy.org';
const ADDON_UUID = '5f0c1a52-6d1e-4c3b-9a57-7e1f2b3c4d5e';
const origin = `moz-extension://${ADDON_UUID}`;

async function launchFirefox(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!existsSync(firefoxPath)) {
    throw new Error(`Firefox not found at ${firefoxPath}: run \`bash tests/ensure-firefox.sh\` (or set FIREFOX_PATH).`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'relay-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    userDataDir: profile,
    // WebDriver BiDi refuses to open moz-extension:// pages (the options page) without this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Nothing but 127.0.0.1 and the intercepted sites: no updates, telemetry or captive-portal checks.
      'app.update.disabledForTesting': true,
      'network.captive-portal-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serve the X fixture on https://x.com/ in this page; anything else on x.com is a 404, nothing reaches out. */
async function serveX(page: Page): Promise<void> {
  await ensureEditorFixtures();
  const script = readFileSync(join(fixturesOut, 'x.js'));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== 'x.com') return void request.continue();
    if (url.pathname === '/__relay_fixtures__/x.js') {
      return void request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script });
    }
    if (!request.isNavigationRequest()) return void request.respond({ status: 404, body: '' });
    return void request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title></head>' +
        '<body><div id="react-root"></div><script src="/__relay_fixtures__/x.js"></script></body></html>',
    });
  });
}

/**
 * Open one of the extension's pages. Firefox loads it, but over BiDi the navigation never reports its end (the
 * page moves to the extension process), so wait for the document itself instead of for goto().
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  const navigation = page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  // Polled from here: an evaluation racing the switch to the extension process fails, and is simply retried.
  await expect
    .poll(() => page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false), {
      message: `Firefox opened ${url}`,
      timeout: 20_000,
    })
    .toBe(url);
  void navigation;
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

test('Firefox: Insert puts caption and link into X’s Draft.js state; Post records the share', async ({ backend, recorder }) => {
  test.setTimeout(150_000);
  const item = await backend.createItem({
    url: 'https://example.com/news/firefox?ref=feed',
    title: 'Item firefox',
    topics: ['company'],
    pinned: true,
    captions: [{ network: 'x', text: captions.multiline.x, language: 'en' }],
  });
  const code = await backend.createInvite('Núria Puig');

  const firefox = await launchFirefox();
  try {
    const { browser } = firefox;
    expect(await browser.installExtension(extensionDir)).toBe(ADDON_ID);

    // Connect through the options page, as a person would.
    const options = await browser.newPage();
    await openExtensionPage(options, `${origin}/options.html`);
    await (await byLabel(options, 'Server URL')).type(recorder.url);
    await (await byLabel(options, 'Invite code')).type(code);
    const connect = await options.waitForFunction(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Connect') ?? null,
    );
    await (connect as unknown as ElementHandle<HTMLButtonElement>).click();
    await options.waitForFunction(() => document.body.textContent?.includes('Connected as Núria Puig'), { timeout: 20_000 });
    let token = '';
    await expect
      .poll(() => {
        const sync = recorder.exchanges.find((e) => e.path.startsWith('/v1/queue') && e.status === 200);
        token = String(sync?.requestHeaders.authorization ?? '').replace(/^Bearer /, '');
        return token;
      }, { message: 'the extension synced the queue after connecting' })
      .not.toBe('');
    const link = (await backend.queue(token)).items.find((i) => i.id === item.id)!.links.x;

    const page = await browser.newPage();
    await serveX(page);
    await page.goto('https://x.com/home');
    await page.waitForSelector('[data-testid="tweetTextarea_0"]');
    expect(await page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getAttribute('aria-disabled'))).toBe('true');

    // Relay's panel, in its open shadow root next to the composer: the Insert button for the caption.
    const insert = (await page.waitForFunction(
      (head) => {
        const root = document.querySelector('relay-captions')?.shadowRoot;
        return [...(root?.querySelectorAll('button') ?? [])].find((b) => b.getAttribute('aria-label')?.startsWith(`Insert: ${head}`)) ?? null;
      },
      { timeout: 15_000 },
      captions.multiline.x.split('\n')[0]!,
    )) as unknown as ElementHandle<HTMLButtonElement>;
    await insert.click();

    await expect
      .poll(() => page.evaluate(() => window.getPlainText()), { message: 'the link reached the Draft.js state in Firefox' })
      .toContain(link);
    expectInserted(await page.evaluate(() => window.getPlainText()), captions.multiline.x, link);
    await expect
      .poll(() => page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getAttribute('aria-disabled')))
      .toBe('false');
    expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

    // The person presses Post: the share goes through the background's outbox to the backend, unedited.
    await (await page.$('[data-testid="tweetButtonInline"]'))!.click();
    await expect.poll(() => page.evaluate(() => window.__posted.length)).toBe(1);
    await expect
      .poll(async () => (await backend.request<MyExport>('GET', '/v1/me/export', { token })).shares.map((s) => [s.network, s.edited]), {
        message: 'the share reached the backend',
        timeout: 45_000,
        intervals: [250, 500, 1000],
      })
      .toEqual([['x', false]]);
  } finally {
    await firefox.close();
  }
});
