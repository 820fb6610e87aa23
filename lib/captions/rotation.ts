import type { Network } from '../contract/common';
import type { Caption } from '../contract/items';
import { orderCaptions } from './rank';

/*
 * Which caption variant the popup preselects. The order comes from orderCaptions (shared with the in-page
 * panel, so both surfaces agree): the employee's language first, then a rotation seeded by a hash of
 * employee id + item id. Colleagues thus start from different words for the same item, and one person
 * always gets the same preselection for an item (no reshuffling between popup opens).
 */

export interface RotationInput {
  employeeId: string;
  /** BCP 47 tag; null: no preference. */
  language?: string | null;
}

export interface NetworkCaptions {
  network: Network;
  /** Every variant for the network, in the order they are shown (rotation order). */
  variants: Caption[];
  /** The preselected variant (the first of `variants`), or null when the curator wrote none. */
  preselected: Caption | null;
}

export function rotateCaptions(
  item: { id: string; captions: Caption[] },
  network: Network,
  who: RotationInput,
): NetworkCaptions {
  const variants = orderCaptions(item, network, who);
  return { network, variants, preselected: variants[0] ?? null };
}
