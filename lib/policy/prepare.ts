import { insertionText } from '../captions/insertion';
import type { Network } from '../contract/common';
import { t, uiLocale } from '../i18n';
import {
  applyDisclosure,
  findBannedTerms,
  hasDisclosure,
  overLengthLimit,
  type LengthMeasure,
  type PolicyRules,
} from './index';

/** A caption made ready for a network under the curators' policy: what would go out, and what stops it. */
export interface PreparedPost {
  /** The caption as it will be shared: the person's words, with the disclosure added when it was missing. */
  caption: string;
  /** Exactly what goes to the network: the caption, then the link (lib/captions/insertion); the disclosure once. */
  text: string;
  /** The disclosure that was added, or null (already there, or none required). */
  disclosureAdded: string | null;
  /** Banned terms in the caption, spelled as the policy spells them: while any remain, it must not be shared. */
  banned: string[];
  /** The caption, disclosure included, is over the curators' length limit for the network (counted as the server counts). */
  overLimit: { length: number; limit: number } | null;
}

/**
 * What the popup shares and the composer panel inserts, the same way in both. The disclosure goes at the
 * end of the caption, so it sits before the link (or on its own paragraph after a caption of several lines),
 * and is added only when the caption lacks it, however it is written ("#AD" counts as "#ad"). Banned terms are
 * looked for in the caption the person would post, not in the link Relay adds. `measure` counts the way the
 * network counts (X's weighted counter for X); it is passed in so this stays free of X's domain list.
 */
export function preparePost(
  caption: string,
  link: string,
  policy: PolicyRules,
  network: Network,
  measure?: LengthMeasure,
): PreparedPost {
  const missing = hasDisclosure(caption, policy, network) ? null : policy.networks[network].disclosure;
  const withDisclosure = missing ? applyDisclosure(caption, policy, network) : caption;
  return {
    caption: withDisclosure,
    text: insertionText(withDisclosure, link),
    disclosureAdded: missing,
    banned: findBannedTerms(withDisclosure, policy, network),
    overLimit: overLengthLimit(withDisclosure, policy, network, measure),
  };
}

/** One sentence naming the banned terms, for the message beside an editor or a suggestion. */
export function bannedTermsMessage(banned: readonly string[]): string {
  if (banned.length === 0) return '';
  const quoted = banned.map((term) => t('errors.quotedTerm', { term }));
  return t('errors.bannedTerms', { terms: listOf(quoted) });
}

/** "“a”, “b” and “c”" in the language shown (Relay's English is British: no comma before "and"). */
function listOf(items: readonly string[]): string {
  const locale = uiLocale();
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' }).format(items);
}
