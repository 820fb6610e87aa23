import type { ContentType } from '../contract/common';

/** The 6-3-1 rule: of every ten posts, six curated from others, three the company's own, one promotional. */
export const MIX_TARGET: Record<ContentType, number> = { curated: 6, owned: 3, promotional: 1 };

export type MixVerdict = 'empty' | 'on-target' | 'too-promotional' | 'too-little-curated' | 'too-much-owned';

export interface ContentMix {
  counts: Record<ContentType, number>;
  total: number;
  /** The mix scaled to ten posts, rounded so the three parts always add up to 10 (0s when empty). */
  perTen: Record<ContentType, number>;
  verdict: MixVerdict;
}

interface MixItem {
  contentType: ContentType;
  publishAt: string;
  expiresAt: string | null;
}

/** Whether employees see the item in their queue at `now` (published, not yet expired). */
export function isLive(item: Pick<MixItem, 'publishAt' | 'expiresAt'>, now: number): boolean {
  return Date.parse(item.publishAt) <= now && (item.expiresAt === null || Date.parse(item.expiresAt) > now);
}

/*
 * Tolerances: one post in ten either way is noise for a small queue, so promotional may reach 15 % and
 * curated may drop to 50 % before the mix is called off target. Promotional is checked first because it is
 * what makes followers stop reading.
 */
const MAX_PROMOTIONAL = 0.15;
const MIN_CURATED = 0.5;
const MAX_OWNED = 0.4;

/** The content mix of the items live at `now`, against the 6-3-1 rule. */
export function contentMix(items: readonly MixItem[], now: number): ContentMix {
  const counts: Record<ContentType, number> = { curated: 0, owned: 0, promotional: 0 };
  for (const item of items) if (isLive(item, now)) counts[item.contentType] += 1;
  const total = counts.curated + counts.owned + counts.promotional;
  if (total === 0) return { counts, total, perTen: { curated: 0, owned: 0, promotional: 0 }, verdict: 'empty' };
  const share = (t: ContentType) => counts[t] / total;
  let verdict: MixVerdict = 'on-target';
  if (share('promotional') > MAX_PROMOTIONAL) verdict = 'too-promotional';
  else if (share('curated') < MIN_CURATED) verdict = share('owned') > MAX_OWNED ? 'too-much-owned' : 'too-little-curated';
  return { counts, total, perTen: scaleToTen(counts, total), verdict };
}

/** Largest-remainder rounding, so "6 · 3 · 1" always sums to ten. */
function scaleToTen(counts: Record<ContentType, number>, total: number): Record<ContentType, number> {
  const types: ContentType[] = ['curated', 'owned', 'promotional'];
  const exact = types.map((t) => (counts[t] * 10) / total);
  const floors = exact.map(Math.floor);
  let left = 10 - floors.reduce((a, b) => a + b, 0);
  const order = types.map((_, i) => i).sort((a, b) => exact[b]! - floors[b]! - (exact[a]! - floors[a]!));
  for (const i of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return { curated: floors[0]!, owned: floors[1]!, promotional: floors[2]! };
}

const VERDICT_TEXT: Record<MixVerdict, string> = {
  empty: 'no live items yet',
  'on-target': 'on target',
  'too-promotional': 'too promotional',
  'too-little-curated': 'too little curated content',
  'too-much-owned': 'too much of our own content',
};

/** "6 curated · 3 owned · 1 promotional — on target" (per ten live items). */
export function describeMix(mix: ContentMix): string {
  if (mix.verdict === 'empty') return `No live items yet — aim for ${MIX_TARGET.curated} curated · ${MIX_TARGET.owned} owned · ${MIX_TARGET.promotional} promotional`;
  const { curated, owned, promotional } = mix.perTen;
  return `${curated} curated · ${owned} owned · ${promotional} promotional — ${VERDICT_TEXT[mix.verdict]}`;
}
