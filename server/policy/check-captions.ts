import type { Network } from '../../lib/contract/common';
import type { Policy } from '../../lib/contract/policy';
import { findBannedTerms } from '../../lib/policy';
import { HttpProblem, type ProblemField } from '../http/problem';

export interface CaptionText {
  network: Network;
  text: string;
}

/** One problem field per caption with a banned term, at `captions.<n>.text`. */
export function bannedTermFields(policy: Policy, captions: readonly CaptionText[]): ProblemField[] {
  const fields: ProblemField[] = [];
  captions.forEach((caption, index) => {
    const terms = findBannedTerms(caption.text, policy, caption.network);
    if (terms.length) {
      const list = terms.map((t) => `"${t}"`).join(', ');
      fields.push({ path: `captions.${index}.text`, message: `contains ${terms.length > 1 ? 'the banned terms' : 'the banned term'} ${list}` });
    }
  });
  return fields;
}

/** Throws a 422 naming each caption (by position and network) and the banned terms it contains. */
export function assertCaptionsAllowed(policy: Policy, captions: readonly CaptionText[]): void {
  const fields = bannedTermFields(policy, captions);
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
