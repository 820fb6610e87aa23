/**
 * For the end-to-end tests in other languages: which of Relay's English words a page still shows. Built from
 * the extension's own catalogues (the build's _locales), so a message added in English but not translated is
 * found without anyone listing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionDir } from './browser';

type Catalogue = Record<string, { message: string }>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(extensionDir, '_locales', lang, 'messages.json'), 'utf8')) as Catalogue;

/**
 * Relay's English words that must not show in `lang`: for every message whose translation differs, its
 * longest run of text between placeholders (5 characters or more, with a letter), so a page is searched for
 * what an untranslated message would put there, whatever fills its placeholders.
 */
function englishFragments(lang: string): Map<string, string> {
  const en = catalogue('en');
  const own = catalogue(lang);
  const fragments = new Map<string, string>();
  for (const [name, { message }] of Object.entries(en)) {
    if (own[name]?.message === message) continue;
    const longest = message
      .split(/\{\w+\}/)
      .map((part) => part.trim().replace(/^[\s.,:;()—–-]+|[\s.,:;()—–-]+$/g, ''))
      .filter((part) => part.length >= 5 && /\p{L}/u.test(part))
      .sort((a, b) => b.length - a.length)[0];
    if (longest) fragments.set(name, longest);
  }
  return fragments;
}

/** Everything the page shows or says, open shadow roots included: text, names, titles, placeholders, alt texts. */
const pageWords = (page: Page) =>
  page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
          const value = el.getAttribute(attr);
          if (value) parts.push(value);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    parts.push(document.body.innerText, document.title);
    return parts.join('\n');
  });

/** `fragment` stands in `text` as whole words (Catalan "Connecta" is not the English "Connect"). */
function containsWords(text: string, fragment: string): boolean {
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** The English messages of Relay's still on `page`, as "name: “fragment”" lines; `except` names messages to skip. */
export async function englishLeft(page: Page, lang: string, except: RegExp[] = []): Promise<string[]> {
  const words = await pageWords(page);
  return [...englishFragments(lang)]
    .filter(([name, fragment]) => containsWords(words, fragment) && !except.some((re) => re.test(name)))
    .map(([name, fragment]) => `${name}: “${fragment}”`);
}
