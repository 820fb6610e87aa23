import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './test-catalogue';

/*
 * Every language has every message of English, with the same placeholders, and every plural form its own
 * grammar needs (Intl.PluralRules says which: Russian one/few/many/other, the others one/other), none empty.
 */

const CLDR = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Flat key → text for simple messages, and flat key → forms for plurals (objects holding an `other`). */
function read(locale: Locale) {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${locale}.yml`), 'utf8');
  const messages = parseMessagesText(text, 'YAML').filter((m) => !m.key[0]!.startsWith('@@'));
  const all = new Map(messages.map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '']));
  const simple = new Map<string, string>();
  const plural = new Map<string, Record<string, string>>();
  for (const [key, value] of all) {
    const at = key.lastIndexOf('.');
    const [base, form] = [key.slice(0, at), key.slice(at + 1)];
    if (at > 0 && CLDR.has(form) && all.has(`${base}.other`)) plural.set(base, { ...plural.get(base), [form]: value });
    else simple.set(key, value);
  }
  return { simple, plural };
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const en = read('en');

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const own = read(locale);

  it('names its own language', () => {
    expect(own.simple.get('locale')).toBe(locale);
  });

  it('has every message of English, no other, none empty, with the same placeholders', () => {
    expect([...own.simple.keys()].sort()).toEqual([...en.simple.keys()].sort());
    for (const [key, text] of own.simple) {
      expect(text.trim(), `${locale}: ${key} is empty`).not.toBe('');
      expect(placeholders(text), `${locale}: placeholders of ${key}`).toEqual(placeholders(en.simple.get(key)!));
    }
  });

  it('has every plural form the language needs (ordinal ones for keys ending in Ordinal), each with the placeholders of English', () => {
    const categories = (type: Intl.PluralRuleType) =>
      [...new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories].sort();
    expect([...own.plural.keys()].sort()).toEqual([...en.plural.keys()].sort());
    for (const [key, forms] of own.plural) {
      const needed = categories(key.endsWith('Ordinal') ? 'ordinal' : 'cardinal');
      expect(Object.keys(forms).sort(), `${locale}: forms of ${key}`).toEqual(needed);
      const expected = placeholders(en.plural.get(key)!.other!);
      for (const [form, text] of Object.entries(forms)) {
        expect(String(text).trim(), `${locale}: ${key}.${form} is empty`).not.toBe('');
        expect(placeholders(String(text)), `${locale}: placeholders of ${key}.${form}`).toEqual(expected);
      }
    }
  });
});
