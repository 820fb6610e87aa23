import { describe, expect, it } from 'vitest';
import { contentMix, describeMix, isLive } from './content-mix';
import type { ContentType } from '../contract/common';

const now = Date.parse('2026-11-23T12:00:00Z');
const item = (contentType: ContentType, publishAt = '2026-11-01T00:00:00Z', expiresAt: string | null = null) => ({
  contentType,
  publishAt,
  expiresAt,
});
const many = (n: number, t: ContentType) => Array.from({ length: n }, () => item(t));

describe('contentMix', () => {
  it('says on target for 6 curated, 3 owned, 1 promotional', () => {
    const mix = contentMix([...many(6, 'curated'), ...many(3, 'owned'), ...many(1, 'promotional')], now);
    expect(mix.counts).toEqual({ curated: 6, owned: 3, promotional: 1 });
    expect(mix.verdict).toBe('on-target');
    expect(describeMix(mix)).toBe('6 curated · 3 owned · 1 promotional — on target');
  });

  it('counts only live items: scheduled and expired ones are left out', () => {
    const items = [
      item('curated'),
      item('promotional', '2026-12-01T00:00:00Z'), // scheduled
      item('promotional', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'), // expired
    ];
    expect(contentMix(items, now).counts).toEqual({ curated: 1, owned: 0, promotional: 0 });
    expect(isLive(items[1]!, now)).toBe(false);
    expect(isLive(items[2]!, now)).toBe(false);
  });

  it('calls a queue with 2 promotional in 10 too promotional', () => {
    const mix = contentMix([...many(6, 'curated'), ...many(2, 'owned'), ...many(2, 'promotional')], now);
    expect(mix.verdict).toBe('too-promotional');
    expect(describeMix(mix)).toBe('6 curated · 2 owned · 2 promotional — too promotional');
  });

  it('tells too little curated from too much owned', () => {
    expect(contentMix([...many(4, 'curated'), ...many(5, 'owned'), ...many(1, 'promotional')], now).verdict).toBe(
      'too-much-owned',
    );
    expect(contentMix([...many(9, 'curated'), ...many(8, 'owned'), ...many(3, 'promotional')], now).verdict).toBe(
      'too-little-curated',
    );
  });

  it('scales to ten so the parts always add up to 10', () => {
    const mix = contentMix([...many(1, 'curated'), ...many(1, 'owned'), ...many(1, 'promotional')], now);
    const { curated, owned, promotional } = mix.perTen;
    expect(curated + owned + promotional).toBe(10);
    expect(mix.verdict).toBe('too-promotional');
  });

  it('says so when nothing is live', () => {
    const mix = contentMix([], now);
    expect(mix.verdict).toBe('empty');
    expect(describeMix(mix)).toMatch(/No live items yet/);
  });
});
