import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/i18n/locales';
import { LISTING_LIMITS, listingProblems, readListing } from './listings';

describe.each(LOCALES)('the %s store listing', (locale) => {
  const listing = readListing(locale);

  it('fits both stores’ limits: name, summary (≤ 132 for Chrome) and description', () => {
    expect(listingProblems(listing)).toEqual([]);
    expect([...listing.summary].length).toBeLessThanOrEqual(132);
  });

  it('is written in its own language, not copied from English', () => {
    if (locale !== 'en') expect(listing.description).not.toBe(readListing('en').description);
    expect(listing.description).toContain('Relay');
  });
});

describe('listingProblems', () => {
  it('names each limit a listing breaks', () => {
    const long = { locale: 'en' as const, name: 'R'.repeat(51), summary: 'S'.repeat(133), description: 'short' };
    expect(listingProblems(long)).toEqual([
      `en: name has 51 characters (1–${LISTING_LIMITS.name})`,
      'en: summary has 133 characters (1–132)',
      'en: description has 5 characters (400–16000)',
    ]);
  });

  it('counts characters, not UTF-16 units or bytes (Russian and emoji)', () => {
    const ok = { locale: 'ru' as const, name: 'Relay', summary: 'я'.repeat(132), description: '🙂'.repeat(400) };
    expect(listingProblems(ok)).toEqual([]);
  });
});
