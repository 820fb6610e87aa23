/**
 * Playwright fixtures for Relay's end-to-end tests.
 *
 * - `backend`: the real server on a free port with a temporary database; stopped and removed afterwards.
 * - `ext`: Chromium with the built extension in a fresh profile; `context` and `extensionId` come from it.
 * - `relay`: page helpers (options page, popup, connecting with an invite code).
 * - `recorder`: a pass-through proxy in front of `backend` that records every exchange (connect through
 *   `recorder.url` to see how the extension talks to the server).
 *
 * On failure, every open page is screenshotted and the server's output is attached to the report.
 */
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { Backend } from './server';

export interface RelayPages {
  optionsUrl: string;
  popupUrl: string;
  openOptions(): Promise<Page>;
  openPopup(): Promise<Page>;
  /** Options page: type the server URL and invite code, press Connect. Returns the options page. */
  connect(serverUrl: string, inviteCode: string): Promise<Page>;
}

interface Options {
  /** The browser's UI language for `ext` (test.use({ uiLanguage: 'ru' })); English when unset. */
  uiLanguage: string | undefined;
}

interface Fixtures {
  backend: Backend;
  ext: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  relay: RelayPages;
  recorder: RecordingProxy;
}

/** A failed test gets a screenshot of every open page, attached to the report. */
export async function screenshotOnFailure(ext: ExtensionBrowser, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  let n = 0;
  for (const page of ext.context.pages()) {
    // Written under test-results/ so the PNG can be opened directly, not only from the report.
    const path = testInfo.outputPath(`page-${++n}.png`);
    const shot = await page.screenshot({ path, fullPage: true }).catch(() => null);
    if (shot) await testInfo.attach(`page-${n}.png`, { path, contentType: 'image/png' });
  }
}

/** The extension's pages in `context` (any of a test's browsers, not only `ext`). */
export function relayPages(context: BrowserContext, extensionId: string): RelayPages {
  const optionsUrl = `chrome-extension://${extensionId}/options.html`;
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  return {
    optionsUrl,
    popupUrl,
    openOptions: () => open(optionsUrl),
    openPopup: () => open(popupUrl),
    async connect(serverUrl, inviteCode) {
      const page = await open(optionsUrl);
      await page.getByLabel('Server URL').fill(serverUrl);
      await page.getByLabel('Invite code').fill(inviteCode);
      await page.getByRole('button', { name: 'Connect' }).click();
      return page;
    },
  };
}

/**
 * A backend fixture's body: hands `started` to the test, attaches the server's output when the test failed,
 * then stops it and removes its data. Specs that start their backend differently (other environment, a fixed
 * port) pass their own `Backend.start(…)`.
 */
export async function useBackend(
  started: Promise<Backend>,
  use: (backend: Backend) => Promise<void>,
  testInfo: TestInfo,
): Promise<void> {
  const backend = await started;
  try {
    await use(backend);
  } finally {
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server-output.txt', { body: backend.log, contentType: 'text/plain' });
    }
    await backend.dispose();
  }
}

/** A browser fixture's body: hands `launched` to the test, screenshots its pages on failure, then closes it. */
export async function useExtension(
  launched: Promise<ExtensionBrowser>,
  use: (ext: ExtensionBrowser) => Promise<void>,
  testInfo: TestInfo,
): Promise<void> {
  const ext = await launched;
  try {
    await use(ext);
  } finally {
    await screenshotOnFailure(ext, testInfo);
    await ext.close();
  }
}

export const test = base.extend<Fixtures & Options>({
  uiLanguage: [undefined, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  backend: async ({}, use, testInfo) => useBackend(Backend.start(), use, testInfo),

  ext: async ({ uiLanguage }, use, testInfo) =>
    useExtension(launchWithExtension(uiLanguage ? { language: uiLanguage } : {}), use, testInfo),

  recorder: async ({ backend }, use) => {
    const proxy = await startRecordingProxy(backend.url);
    try {
      await use(proxy);
    } finally {
      await proxy.close();
    }
  },

  context: async ({ ext }, use) => {
    await use(ext.context);
  },

  extensionId: async ({ ext }, use) => {
    await use(ext.extensionId);
  },

  relay: async ({ context, extensionId }, use) => use(relayPages(context, extensionId)),
});

export { expect };
