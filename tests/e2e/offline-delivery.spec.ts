/**
 * Shares made while the backend cannot be reached are delivered exactly once when it is back, including when
 * the service worker is stopped in the middle of delivering them. The share is made the way people make it
 * (Relay's caption inserted into the X fixture's Draft.js composer, the person presses Post).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ItemCreate } from '../../lib/contract';
import { DB_NAME } from '../../lib/db/names';
import { chromiumPath, checkPrerequisites, extensionArgs, extensionDir, outboxLeaseIn } from '../helpers/browser';
import { expect, expectEditorText, insertButton, panels, test, xText } from '../helpers/composer';
import { serveEditorFixtures } from '../helpers/editor-fixtures';
import { test as plain } from '../helpers/fixtures';
import { startRecordingProxy, type Exchange } from '../helpers/recording-proxy';
import { Backend, killOnExit } from '../helpers/server';
import { LOCAL_KEYS, readStored } from '../helpers/storage';

const CAPTION = 'Offline or not, this goes out once 📦';
const item: ItemCreate = {
  url: 'https://example.com/news/offline',
  title: 'Offline item',
  topics: ['company'],
  pinned: true,
  captions: [
    { network: 'x', text: CAPTION, language: 'en' },
    { network: 'linkedin', text: 'LinkedIn words', language: 'en' },
  ],
};

async function token(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return String(await readStored(sw, LOCAL_KEYS.token));
}

/** The reach card's cache, which the worker writes after the queue sync (so after "1 item synced" shows). */
async function reachCached(context: BrowserContext): Promise<boolean> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return (await readStored(sw, LOCAL_KEYS.reachCache)) != null;
}

async function connect(
  relay: { connect(url: string, code: string): Promise<Page> },
  backend: Backend,
  serverUrl: string,
  context: BrowserContext,
) {
  await backend.createItem(item);
  const options = await relay.connect(serverUrl, await backend.createInvite('Kofi Mensah'));
  await expect(options.getByText('Connected as Kofi Mensah')).toBeVisible();
  await expect(options.getByText('1 item synced')).toBeVisible();
  await expect.poll(() => reachCached(context), { message: 'the first sync cached the reach card' }).toBe(true);
  return options;
}

/** The same, on a page of our own browser (see launchStoppable). */
async function connectOn(context: BrowserContext, extensionId: string, backend: Backend, serverUrl: string) {
  await backend.createItem(item);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(serverUrl);
  await options.getByLabel('Invite code').fill(await backend.createInvite('Kofi Mensah'));
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByText('Connected as Kofi Mensah')).toBeVisible();
  await expect(options.getByText('1 item synced')).toBeVisible();
  return options;
}

async function postOnX(page: Page, link: string) {
  await page.goto('https://x.com/home');
  await insertButton(panels(page), CAPTION).click();
  await expectEditorText(() => xText(page), CAPTION, link);
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await expect.poll(() => page.evaluate(() => window.__posted.length)).toBe(1);
}

const sharesOn = async (backend: Backend, tok: string) => (await backend.reach(tok)).lifetime.shares;

test('backend stopped → share made offline waits in the outbox → backend started again → exactly one share arrives', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(120_000);
  const options = await connect(relay, backend, backend.url, context);
  const tok = await token(context);
  const link = (await backend.queue(tok)).items[0]!.links.x;

  await backend.stop();
  const x = await context.newPage();
  await postOnX(x, link);

  // Offline, the popup still shows the share, waiting; and the reach card from its cache.
  const popup = await relay.openPopup();
  await expect(popup.getByRole('region', { name: 'This month' })).toContainText('As of');
  await popup.getByRole('tab', { name: 'History' }).click();
  const entry = popup.locator('.history-entry').filter({ hasText: 'Offline item' });
  await expect(entry).toContainText('Waiting to sync');
  // Asking again while the server is down changes nothing (and loses nothing).
  await options.bringToFront();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(entry).toContainText('Waiting to sync');

  const again = await Backend.start({ dataDir: backend.dataDir, port: backend.port, adminToken: backend.adminToken });
  try {
    // Someone is looking: sync and deliver now, whatever the backoff.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => sharesOn(again, tok), { timeout: 30_000, message: 'the share reached the backend' })
      .toBe(1);
    await expect(entry).toContainText('Synced');
    // More syncs send nothing again.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    expect(await sharesOn(again, tok)).toBe(1);
  } finally {
    await again.stop();
  }
});

/**
 * In front of the backend: passes everything through, but holds the ANSWER to POST /v1/shares (the backend
 * has recorded the share by then) while `hold` is on, so the worker is stopped while it waits for it.
 */
async function startHoldingProxy(target: string) {
  let hold = true;
  let held = 0;
  const isShares = (e: Exchange) => e.method === 'POST' && e.path === '/v1/shares';
  const proxy = await startRecordingProxy(target, {
    withhold(e) {
      if (!hold || !isShares(e)) return false;
      held += 1; // never answered: the worker that asked is stopped meanwhile
      return true;
    },
  });
  return {
    url: proxy.url,
    get sharePosts() {
      return proxy.exchanges.filter(isShares).map((e) => e.requestBody);
    },
    held: () => held,
    release: () => void (hold = false),
    close: proxy.close,
  };
}

/** How long the stopped worker's lease still runs when the worker is stopped. */
const LEASE_LEFT_MS = 8_000;

/**
 * Sets the outbox lease (held by the running worker, for a minute) to end `ms` from now, straight in the
 * extension's IndexedDB; resolves to when it ends.
 */
async function shortenLease(context: BrowserContext, ms: number): Promise<number> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const lease = await sw.evaluate(outboxLeaseIn, { name: DB_NAME, endInMs: ms });
  if (!lease) throw new Error('no outbox lease is held');
  return lease.until;
}

/**
 * Chromium with the extension, driven over CDP with a browser-level session, so the test can close the
 * service worker's target the way Chrome stops a worker. (The shared fixture's persistent context ends when
 * the worker target goes away, and CDP's ServiceWorker.stopAllWorkers does not reach extension workers.)
 */
async function launchStoppable() {
  checkPrerequisites();
  const profile = mkdtempSync(join(tmpdir(), 'relay-stoppable-'));
  const child = spawn(
    chromiumPath(),
    [
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...extensionArgs(extensionDir),
      '--ignore-certificate-errors',
      'about:blank',
    ],
    // Its own process group, so that closing kills the renderers and helpers too, not only the browser.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  killOnExit(child);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /DevTools listening on (ws:\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening:\n${out.slice(-2000)}`)));
  });
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const cdp = await browser.newBrowserCDPSession();
  return {
    context,
    extensionId,
    /** Stop the extension's service worker now; resolves once its target is gone. */
    async stopWorker() {
      const workers = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.includes(extensionId),
        );
      const [target] = await workers();
      if (!target) throw new Error('no running service worker to stop');
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await expect.poll(async () => (await workers()).some((t) => t.targetId === target.targetId)).toBe(false);
    },
    async close() {
      const running = () => child.exitCode === null && child.signalCode === null;
      const exited = new Promise((resolve) => (running() ? child.once('exit', resolve) : resolve(null)));
      // Over CDP, browser.close() only disconnects: ask Chromium itself to quit, and wait for it a while.
      await cdp.send('Browser.close').catch(() => {});
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await browser.close().catch(() => {});
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      await exited;
      // A helper process may still be flushing into the profile for a moment after the group is killed.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
      } catch (err) {
        console.warn(`could not remove the test profile ${profile}: ${String(err)}`);
      }
    },
  };
}

plain(
  'service worker stopped mid-flush (the backend has the share, its answer never arrives) → still exactly one share',
  async ({ backend }) => {
    plain.setTimeout(120_000);
    const proxy = await startHoldingProxy(backend.url);
    const chrome = await launchStoppable();
    try {
      const { context, extensionId } = chrome;
      await serveEditorFixtures(context);
      const options = await connectOn(context, extensionId, backend, proxy.url);
      const tok = await token(context);
      const link = (await backend.queue(tok)).items[0]!.links.x;

      const x = await context.newPage();
      await postOnX(x, link);
      // The backend recorded the share; the worker waits for the answer.
      await expect.poll(proxy.held, { message: 'the worker posted the share' }).toBe(1);
      expect(await sharesOn(backend, tok)).toBe(1);
      const id = (JSON.parse(proxy.sharePosts[0]!) as { shares: { id: string }[] }).shares[0]!.id;

      // The worker's lease on delivery runs a minute; it is brought forward to a few seconds from now, as if
      // most of that minute had passed while the worker was stopped.
      const leaseEnds = await shortenLease(context, LEASE_LEFT_MS);
      await chrome.stopWorker();
      proxy.release();

      // Asking for a sync wakes a new worker. The outbox still holds the share; the stopped worker's lease
      // keeps a second flush out until it runs out, then the share goes again under the same id.
      await options.bringToFront();
      await options.getByRole('button', { name: 'Sync now' }).click();
      await expect
        .poll(() => proxy.sharePosts.length, {
          timeout: 60_000,
          intervals: [250],
          message: 'the share was sent again',
        })
        .toBeGreaterThanOrEqual(2);
      expect(Date.now(), 'not sent again while the stopped worker held the lease').toBeGreaterThanOrEqual(leaseEnds);
      for (const body of proxy.sharePosts) {
        expect(
          (JSON.parse(body) as { shares: { id: string }[] }).shares.map((s) => s.id),
          'always the same id',
        ).toEqual([id]);
      }
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByRole('tab', { name: 'History' }).click();
      await expect(popup.locator('.history-entry').filter({ hasText: 'Offline item' })).toContainText('Synced', {
        timeout: 30_000,
      });
      expect(await sharesOn(backend, tok)).toBe(1);
      expect((await backend.reach(tok)).byNetwork.x.shares).toBe(1);
    } finally {
      await chrome.close();
      await proxy.close();
    }
  },
);
