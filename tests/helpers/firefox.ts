/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright's own Firefox cannot be
 * downloaded here and cannot load an extension), for the Firefox end-to-end specs (tests/e2e/firefox-*.spec.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { repoRoot } from './server';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const extensionDir = process.env.RELAY_FIREFOX_EXTENSION_DIR || join(repoRoot, '.output', 'firefox-mv2');
/** The add-on's id (wxt.config.ts) and a fixed internal UUID, so the test knows its moz-extension:// origin. */
export const ADDON_ID = 'relay@relay-advocacy.org';
export const ADDON_UUID = '5f0c1a52-6d1e-4c3b-9a57-7e1f2b3c4d5e';
export const origin = `moz-extension://${ADDON_UUID}`;

export interface FirefoxOptions {
  /** Firefox's UI language (its language pack must be installed: Debian's firefox-esr-l10n-<lang>). */
  language?: string;
}

export async function launchFirefox({ language }: FirefoxOptions = {}): Promise<{
  browser: Browser;
  close(): Promise<void>;
}> {
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
      ...(language ? { 'intl.locale.requested': language } : {}),
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

/**
 * Open one of the extension's pages. Firefox loads it, but over BiDi the navigation never reports its end (the
 * page moves to the extension process), so wait for the document itself instead of for goto().
 */
export async function openExtensionPage(page: Page, url: string): Promise<void> {
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
