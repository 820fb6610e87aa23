/** The languages Relay ships catalogues for (locales/<code>.yml); English is the default. */
export const LOCALES = ['en', 'ca', 'es', 'it', 'nl', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The first of `languages` (BCP 47 tags, most wanted first) that Relay speaks, else English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}
