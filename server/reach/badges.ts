import type { Badge, BadgeId, Figures } from '../../lib/contract/reach';

interface Tier {
  id: BadgeId;
  label: string;
  figure: keyof Figures;
  target: number;
}

/** The tiers in display order. Ids are the contract's; labels are what a person reads. */
const TIERS: readonly Tier[] = [
  { id: 'first-share', label: 'First share', figure: 'shares', target: 1 },
  { id: 'shares-10', label: '10 shares', figure: 'shares', target: 10 },
  { id: 'shares-50', label: '50 shares', figure: 'shares', target: 50 },
  { id: 'reach-1k', label: 'Reached 1,000 people', figure: 'reach', target: 1_000 },
  { id: 'reach-10k', label: 'Reached 10,000 people', figure: 'reach', target: 10_000 },
  { id: 'clicks-100', label: '100 clicks', figure: 'clicks', target: 100 },
];

/** Badges from all-time figures, so one earned is never lost when a month ends. */
export function badgesFor(lifetime: Figures): Badge[] {
  return TIERS.map(({ id, label, figure, target }) => {
    const current = lifetime[figure];
    return current >= target
      ? { id, label, earned: true }
      : { id, label, earned: false, progress: { current, target } };
  });
}
