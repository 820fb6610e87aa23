import type { Network } from '../contract/common';
import { X_MAX, xWeightedLength } from './x-length';

/** LinkedIn's limit for a post, in characters. */
export const LINKEDIN_MAX = 3000;

export interface PostLength {
  used: number;
  max: number;
  /** max - used; negative when over. */
  left: number;
}

/**
 * How much of the network's limit a post uses: X's weighted count (URLs 23, CJK and emoji 2: the same
 * counter as the composer panel), LinkedIn's plain characters (code points, so an emoji is one).
 */
export function postLength(network: Network, text: string): PostLength {
  const used = network === 'x' ? xWeightedLength(text) : [...text].length;
  const max = network === 'x' ? X_MAX : LINKEDIN_MAX;
  return { used, max, left: max - used };
}
