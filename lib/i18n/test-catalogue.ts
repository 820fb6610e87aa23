import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetI18nCache } from './index';

/*
 * For unit tests: the browser's catalogue lookup over locales/<lang>.yml as the build writes it, since the
 * fake browser of the tests has no i18n. Chromium fills `$1`…`$9` the same way; Relay uses named
 * placeholders, filled by lib/i18n.
 */

import { LOCALES, type Locale } from './locales';

export { LOCALES, type Locale };

const cache = new Map<string, Record<string, { message: string }>>();

/** The built catalogue of `locale`: flat message names (`popup_share`) → message. */
export function builtCatalogue(locale: Locale): Record<string, { message: string }> {
  let built = cache.get(locale);
  if (!built) {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${locale}.yml`), 'utf8');
    built = generateChromeMessages(parseMessagesText(text, 'YAML')) as Record<string, { message: string }>;
    cache.set(locale, built);
  }
  return built;
}

/** browser.i18n.getMessage for a browser in `locale`: its catalogue, then English, as the browser falls back. */
export function getMessageIn(locale: Locale): (name: string) => string {
  return (name) => builtCatalogue(locale)[name]?.message ?? builtCatalogue('en')[name]?.message ?? '';
}

/** The extension as a browser in `locale` would run it (until the next test, which starts in English). */
export function useLocale(locale: Locale): void {
  fakeBrowser.i18n.getMessage = getMessageIn(locale) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale;
  resetI18nCache(true);
}
