import { describe, expect, it } from 'vitest';
import { harness } from '../test-support';
import { LINK_CODE, newLinkCode } from './link-codes';
import { visitorHashFrom } from './visitor-hash';

describe('newLinkCode', () => {
  it('makes 9 base62 symbols that pass the route check, without repeats in practice', () => {
    const codes = Array.from({ length: 5000 }, newLinkCode);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Za-z]{9}$/);
      expect(LINK_CODE.test(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('visitor hash', () => {
  it('keys on code, address and agent together, with a key of each database', async () => {
    const [one, two] = [await harness(), await harness()];
    try {
      const hash = await visitorHashFrom(one.database.db);
      const again = await visitorHashFrom(one.database.db);
      const elsewhere = await visitorHashFrom(two.database.db);
      const base = hash('a', 'ip', 'ua');
      expect(Number.isSafeInteger(base) && base >= 0).toBe(true);
      expect(again('a', 'ip', 'ua')).toBe(base);
      expect(
        new Set([base, hash('b', 'ip', 'ua'), hash('a', 'ip2', 'ua'), hash('a', 'ip', 'ua2'), hash('a', 'ipu', 'a')])
          .size,
      ).toBe(5);
      // Another database has another key: a hash means nothing without the key it was made with.
      expect(elsewhere('a', 'ip', 'ua')).not.toBe(base);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
