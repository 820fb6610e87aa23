import type { GeneratedI18nStructure } from '#i18n';
import { pickLocale } from './locales';

/*
 * Relay's words come from the browser's own catalogues (locales/*.yml, built into _locales/ by
 * @wxt-dev/i18n): the language follows the browser's, and nothing is bundled per language. This module adds
 * what the browser API lacks: named placeholders, CLDR plurals (Russian needs one/few/many/other) and Intl
 * formatting in the language the words are shown in.
 */

type Structure = GeneratedI18nStructure;
export type MessageKey = { [K in keyof Structure]: Structure[K]['plural'] extends false ? K : never }[keyof Structure];
/** Keys with forms `<key>.one`, `<key>.other`, … (whichever the language needs). */
export type PluralKey = {
  [K in keyof Structure]: K extends `${infer Base}.other` ? (Base extends `${string}Ordinal` ? never : Base) : never;
}[keyof Structure];
/** Keys with the ordinal forms of the language (`<key>Ordinal.one`, …, `.other`). */
export type OrdinalKey = {
  [K in keyof Structure]: K extends `${infer Base}Ordinal.other` ? `${Base}Ordinal` : never;
}[keyof Structure];

export type Values = Record<string, string | number>;

type NativeApi = {
  i18n: { getMessage(name: string): string; getUILanguage?(): string };
  runtime: { id?: string; getURL(path: string): string };
};
/**
 * The native API, not webextension-polyfill: the lookups are synchronous everywhere, and the popup's first
 * script must not carry the polyfill (nor content scripts their budget's worth of it). Looked up at each call,
 * so whatever `browser`/`chrome` the context has when words are needed is used.
 */
function native(): NativeApi {
  const g = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  return (g.browser?.runtime?.id ? g.browser : g.chrome)!;
}

type BuiltCatalogue = Record<string, { message: string } | undefined>;
/** Our own copy of the catalogue, read only when the browser's lookup came back empty (see ensureCatalogue). */
let fallback: BuiltCatalogue | null = null;

/** The browser's lookup, by the flat name the built catalogue uses (`popup.share` → `popup_share`). */
function getMessage(key: string): string {
  const name = key.replaceAll('.', '_');
  return native().i18n.getMessage(name) || fallback?.[name]?.message || '';
}

/**
 * Makes sure words can be found before a page renders. Chromium has been seen answering every lookup of an
 * extension's process with "" (even `@@extension_id`) after a page of the extension opened while it was being
 * installed — the settings page Relay opens on install — and it keeps that answer for the process's life. Then
 * the catalogue of the browser's language is read from the extension's own `_locales/` instead. Costs one
 * synchronous lookup when all is well.
 */
export async function ensureCatalogue(load: (path: string) => Promise<unknown> = fetchOwnFile): Promise<void> {
  if (native().i18n.getMessage('locale')) return;
  // The page's languages first: under test automation Chromium's getUILanguage() has been seen naming en-US
  // while it showed the Russian catalogue; a person's browser normally lists its UI language first anyway.
  const languages = [...(globalThis.navigator?.languages ?? []), native().i18n.getUILanguage?.() ?? ''].filter(Boolean);
  const locale = pickLocale(languages);
  try {
    const own = (await load(`/_locales/${locale}/messages.json`)) as BuiltCatalogue;
    const english = locale === 'en' ? own : ((await load('/_locales/en/messages.json')) as BuiltCatalogue);
    fallback = { ...english, ...own };
    resetI18nCache();
  } catch (err) {
    console.warn('[relay] could not read the catalogue', err);
  }
}

const fetchOwnFile = async (path: string): Promise<unknown> => (await fetch(native().runtime.getURL(path))).json();

/** Shown when a key is missing everywhere: the key itself, so the gap is visible and reported. */
function lookup(key: string): string {
  const text = getMessage(key);
  if (!text) console.warn(`[relay] no message for "${key}"`);
  return text || key;
}

/** `{name}` placeholders filled from `values` (numbers formatted in the shown language). */
function fill(text: string, values?: Values): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The message `key` in the browser's language (English where a catalogue lacks it). */
export function t(key: MessageKey, values?: Values): string {
  return fill(lookup(key), values);
}

/**
 * The plural form of `key` that `count` takes in the shown language, with `{count}` (formatted) and the
 * other `values` filled in.
 */
export function plural(key: PluralKey, count: number, values?: Values): string {
  const form = pluralRules().select(count);
  const text = getMessage(`${key}.${form}`) || lookup(`${key}.other`);
  return fill(text, { count, ...values });
}

/**
 * The ordinal form of `key` for `n` in the shown language ("1st", "2nd"; a key ending in `Ordinal` holds
 * the forms of Intl.PluralRules' ordinal type), with `values` filled in.
 */
export function ordinal(key: OrdinalKey, n: number, values?: Values): string {
  const form = (ordinalRules ??= new Intl.PluralRules(uiLocale(), { type: 'ordinal' })).select(n);
  const text = getMessage(`${key}.${form}`) || lookup(`${key}.other`);
  return fill(text, values);
}
let ordinalRules: Intl.PluralRules | undefined;

let shown: string | undefined;
/**
 * The language the words are shown in: each catalogue names its own (`locale`), so a browser in German,
 * which gets the English catalogue, formats numbers and dates in English too, never a mix.
 */
export function uiLocale(): string {
  return (shown ??= getMessage('locale') || 'en');
}

let rules: Intl.PluralRules | undefined;
const pluralRules = () => (rules ??= new Intl.PluralRules(uiLocale()));

let numbers: Intl.NumberFormat | undefined;
export function formatNumber(n: number): string {
  return (numbers ??= new Intl.NumberFormat(uiLocale())).format(n);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A date or time in the shown language (`options` as for Intl.DateTimeFormat). */
export function formatDate(
  when: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(uiLocale(), options)));
  return format.format(typeof when === 'string' ? new Date(when) : when);
}

let relative: Intl.RelativeTimeFormat | undefined;
/** "5 minutes ago", "in 3 days", "now": the largest whole unit, in the shown language. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = (relative ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** A relative time in whole `unit`s ("in 3 days", "tomorrow"), in the shown language. */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return (relative ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' })).format(value, unit);
}

/** Forget cached formatters (tests switch languages); `all` forgets the catalogue copy too. */
export function resetI18nCache(all = false): void {
  if (all) fallback = null;
  shown = undefined;
  rules = undefined;
  ordinalRules = undefined;
  numbers = undefined;
  relative = undefined;
  dateFormats.clear();
}
