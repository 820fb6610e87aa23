import type { Network } from '../../lib/contract/common';
import type { Policy } from '../../lib/contract/policy';
import { xWeightedLength } from '../../lib/captions/x-length';
import { findBannedTerms, overLengthLimit } from '../../lib/policy';
import { HttpProblem, type ProblemField } from '../http/problem';

export interface CaptionText {
  network: Network;
  text: string;
}

/**
 * One problem field per broken rule, at `captions.<n>.text`: banned terms, and a length over the network's
 * policy limit, counted as the curators' and employees' counters count (X weighted, code points elsewhere).
 */
export function policyFields(policy: Policy, captions: readonly CaptionText[]): ProblemField[] {
  const fields: ProblemField[] = [];
  captions.forEach((caption, index) => {
    const path = `captions.${index}.text`;
    const terms = findBannedTerms(caption.text, policy, caption.network);
    if (terms.length) {
      const list = terms.map((t) => `"${t}"`).join(', ');
      fields.push({ path, message: `contains ${terms.length > 1 ? 'the banned terms' : 'the banned term'} ${list}` });
    }
    const measure = caption.network === 'x' ? xWeightedLength : undefined;
    const over = overLengthLimit(caption.text, policy, caption.network, measure);
    if (over)
      fields.push({
        path,
        message: `is ${over.length} characters long; the policy allows ${over.limit} on ${caption.network}`,
      });
  });
  return fields;
}

/** Throws a 422 naming each caption (by position and network) and what in it breaks the policy. */
export function assertCaptionsAllowed(policy: Policy, captions: readonly CaptionText[]): void {
  const fields = policyFields(policy, captions);
  if (!fields.length) return;
  const first = fields[0]!;
  const index = Number(first.path.split('.')[1]);
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more caption${fields.length > 2 ? 's' : ''})` : '';
  throw new HttpProblem({
    status: 422,
    kind: 'policy-violation',
    title: 'A caption breaks the policy',
    detail: `Caption ${index + 1} (${captions[index]!.network}) ${first.message}${more}; change it or the policy`,
    errors: fields,
  });
}
