import type { ContentType } from '../contract/common';
import { plural, t, type MessageKey } from '../i18n';

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
  else if (share('curated') < MIN_CURATED)
    verdict = share('owned') > MAX_OWNED ? 'too-much-owned' : 'too-little-curated';
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

const VERDICTS: Record<Exclude<MixVerdict, 'empty'>, MessageKey> = {
  'on-target': 'admin.mix.verdict.onTarget',
  'too-promotional': 'admin.mix.verdict.tooPromotional',
  'too-little-curated': 'admin.mix.verdict.tooLittleCurated',
  'too-much-owned': 'admin.mix.verdict.tooMuchOwned',
};

/** "6 curated · 3 owned · 1 promotional", each part agreeing with its number in the shown language. */
export const mixParts = (perTen: ContentMix['perTen']) =>
  t('admin.mix.parts', {
    curated: plural('admin.mix.curated', perTen.curated),
    owned: plural('admin.mix.owned', perTen.owned),
    promotional: plural('admin.mix.promotional', perTen.promotional),
  });

/** "6 curated · 3 owned · 1 promotional — on target" (per ten live items), or the target when none is live. */
export function describeMix(mix: ContentMix): string {
  if (mix.verdict === 'empty') return t('admin.mix.empty', { parts: mixParts(MIX_TARGET) });
  return t('admin.mix.summary', { parts: mixParts(mix.perTen), verdict: t(VERDICTS[mix.verdict]) });
}
