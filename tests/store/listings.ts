/**
 * `npx tsx tests/store/listings.ts` (run by `npm run zip`): the store listing in each language, written to
 * `.output/store-listing/<lang>.json` and `.txt` for pasting into the Chrome Web Store and addons.mozilla.org.
 *
 * The title and the summary are the manifest's own (extName, extDescription): both stores take them from
 * the package, so a separate listing text would contradict it. The long description is `store.description`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { LOCALES, type Locale } from '../../lib/i18n/locales';

/**
 * The tighter of the two stores' limits, in characters: Chrome takes 75 for the name, 132 for the summary and
 * 16 000 for the description; addons.mozilla.org 50 for the name and 250 for the summary. The lower bound
 * on the description catches a translation left as a stub.
 */
export const LISTING_LIMITS = { name: 50, summary: 132, description: { min: 400, max: 16_000 } } as const;

export interface Listing {
  locale: Locale;
  name: string;
  summary: string;
  description: string;
}

export function readListing(locale: Locale): Listing {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${locale}.yml`), 'utf8');
  const messages = new Map(
    parseMessagesText(text, 'YAML').flatMap((m) =>
      'message' in m ? [[m.key.join('.'), String(m.message)] as const] : [],
    ),
  );
  const get = (key: string) => messages.get(key) ?? '';
  return { locale, name: get('extName'), summary: get('extDescription'), description: get('store.description') };
}

/** What breaks a store's limits, or is left empty, in this listing. */
export function listingProblems(l: Listing): string[] {
  const length = (s: string) => [...s].length;
  const problems: string[] = [];
  if (!l.name.trim() || length(l.name) > LISTING_LIMITS.name)
    problems.push(`name has ${length(l.name)} characters (1–${LISTING_LIMITS.name})`);
  if (!l.summary.trim() || length(l.summary) > LISTING_LIMITS.summary) {
    problems.push(`summary has ${length(l.summary)} characters (1–${LISTING_LIMITS.summary})`);
  }
  const { min, max } = LISTING_LIMITS.description;
  if (length(l.description) < min || length(l.description) > max)
    problems.push(`description has ${length(l.description)} characters (${min}–${max})`);
  return problems.map((p) => `${l.locale}: ${p}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(process.env.WXT_OUT_DIR || '.output', 'store-listing');
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const listing = readListing(locale);
    problems.push(...listingProblems(listing));
    writeFileSync(join(dir, `${locale}.json`), `${JSON.stringify(listing, null, 2)}\n`);
    writeFileSync(join(dir, `${locale}.txt`), `${listing.name}\n\n${listing.summary}\n\n${listing.description}\n`);
  }
  for (const p of problems) console.error(`✗ ${p}`);
  console.log(`Store listings in ${dir}/ (${LOCALES.join(', ')})`);
  process.exit(problems.length ? 1 : 0);
}
