import type { Network } from '../contract/common';
import type { Policy } from '../contract/policy';
import { containsWord, foldForMatch } from './match';

export { containsWord, foldForMatch } from './match';

/** The parts of a policy these checks read (a stored Policy, or a PolicyUpdate after parsing). */
export type PolicyRules = Pick<Policy, 'bannedTerms' | 'networks'>;

/** Counts what a network counts; the default is Unicode code points (pass X's weighted counter for X). */
export type LengthMeasure = (text: string) => number;

const codePoints: LengthMeasure = (text) => [...text].length;

/**
 * The banned terms (global, then the network's own) that occur in `text` as whole words or phrases,
 * case-insensitively, spelled as the policy spells them; each term once. Empty when the text is fine.
 */
export function findBannedTerms(text: string, policy: PolicyRules, network: Network): string[] {
  const folded = foldForMatch(text);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const term of [...policy.bannedTerms, ...policy.networks[network].bannedTerms]) {
    const key = foldForMatch(term).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    if (containsWord(folded, key)) found.push(term);
  }
  return found;
}

/** Whether the network's required disclosure is already in the text (whole word: "#ad" is not in "#adventure"). */
export function hasDisclosure(text: string, policy: PolicyRules, network: Network): boolean {
  const disclosure = policy.networks[network].disclosure;
  return !disclosure || containsWord(foldForMatch(text), foldForMatch(disclosure).trim());
}

/**
 * The text with the network's disclosure added when it is missing, and unchanged otherwise, so applying it
 * twice adds it once. It goes at the end: on its own paragraph when the caption has several lines, after a
 * space otherwise.
 */
export function applyDisclosure(text: string, policy: PolicyRules, network: Network): string {
  const disclosure = policy.networks[network].disclosure;
  if (!disclosure || hasDisclosure(text, policy, network)) return text;
  const body = text.replace(/\s+$/u, '');
  if (!body) return disclosure;
  return body + (body.includes('\n') ? '\n\n' : ' ') + disclosure;
}

/** The network's length limit when `text` is over it, else null. */
export function overLengthLimit(
  text: string,
  policy: PolicyRules,
  network: Network,
  measure: LengthMeasure = codePoints,
): { length: number; limit: number } | null {
  const limit = policy.networks[network].maxLength;
  if (limit === null) return null;
  const length = measure(text);
  return length > limit ? { length, limit } : null;
}

export interface CaptionCheck {
  /** Banned terms found: the caption cannot be shared until they are gone. */
  bannedTerms: string[];
  /** The disclosure to add (applyDisclosure does it), or null when present or not required. */
  missingDisclosure: string | null;
  tooLong: { length: number; limit: number } | null;
}

/** Everything the policy says about one caption, for the share and insert buttons. */
export function checkCaption(
  text: string,
  policy: PolicyRules,
  network: Network,
  measure?: LengthMeasure,
): CaptionCheck {
  return {
    bannedTerms: findBannedTerms(text, policy, network),
    missingDisclosure: hasDisclosure(text, policy, network) ? null : policy.networks[network].disclosure,
    tooLong: overLengthLimit(text, policy, network, measure),
  };
}
