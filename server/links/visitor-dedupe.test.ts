import { describe, expect, it } from 'vitest';
import { LINK_CODE, newLinkCode } from './link-codes';
import { DEDUPE_WINDOW_MS, VisitorDedupe } from './visitor-dedupe';

describe('VisitorDedupe', () => {
  it('forgets visitors whose hour has passed, so memory does not grow with time', () => {
    const dedupe = new VisitorDedupe();
    for (let i = 0; i < 100; i++) dedupe.firstInWindow('code', `10.0.0.${i}`, 'ua', 0);
    expect(dedupe.size).toBe(100);
    dedupe.firstInWindow('code', 'someone-else', 'ua', DEDUPE_WINDOW_MS);
    expect(dedupe.size).toBe(1);
  });

  it('stays within its bound, dropping the oldest visitors first', () => {
    const dedupe = new VisitorDedupe(10);
    for (let i = 0; i < 50; i++) dedupe.firstInWindow('code', `ip${i}`, 'ua', i);
    expect(dedupe.size).toBe(10);
    expect(dedupe.firstInWindow('code', 'ip49', 'ua', 100)).toBe(false);
    expect(dedupe.firstInWindow('code', 'ip0', 'ua', 100)).toBe(true);
  });

  it('keys on code, address and agent together', () => {
    const dedupe = new VisitorDedupe();
    expect(dedupe.firstInWindow('a', 'ip', 'ua', 0)).toBe(true);
    expect(dedupe.firstInWindow('a', 'ip', 'ua', 1)).toBe(false);
    expect(dedupe.firstInWindow('b', 'ip', 'ua', 1)).toBe(true);
    expect(dedupe.firstInWindow('a', 'ip2', 'ua', 1)).toBe(true);
    expect(dedupe.firstInWindow('a', 'ip', 'ua2', 1)).toBe(true);
    // No ambiguity from concatenation.
    expect(dedupe.firstInWindow('a', 'ipu', 'a', 1)).toBe(true);
  });
});

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
