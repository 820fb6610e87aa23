/**
 * Relay in Firefox in another language: Debian's Firefox ESR with its Russian language pack
 * (firefox-esr-l10n-ru) and `intl.locale.requested`, the Firefox build installed as a temporary add-on. The
 * popup speaks Russian (its words from the build's own ru catalogue), says so in <html lang>, and formats its
 * numbers in Russian.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ADDON_ID, extensionDir, launchFirefox, openExtensionPage, origin } from '../helpers/firefox';

const ru = JSON.parse(readFileSync(join(extensionDir, '_locales', 'ru', 'messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

test('Firefox in Russian: the popup shows Relay’s Russian words', async () => {
  const firefox = await launchFirefox({ language: 'ru' });
  try {
    expect(await firefox.browser.installExtension(extensionDir)).toBe(ADDON_ID);
    const page = await firefox.browser.newPage();
    await openExtensionPage(page, `${origin}/popup.html`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const text = () => page.evaluate(() => document.body.innerText);
    await expect.poll(text).toContain(ru.popup_notConnected!.message);
    await expect.poll(text).toContain(ru.popup_openSettingsToConnect!.message);
  } finally {
    await firefox.close();
  }
});
