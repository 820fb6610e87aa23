/* For unit tests only: a policy built from the empty one, with what a test sets. */
import { EMPTY_POLICY, type Policy } from '../contract/policy';

export function testPolicy(
  over: {
    bannedTerms?: string[];
    linkedin?: Partial<Policy['networks']['linkedin']>;
    x?: Partial<Policy['networks']['x']>;
  } = {},
): Policy {
  return {
    ...EMPTY_POLICY,
    bannedTerms: over.bannedTerms ?? [],
    networks: {
      linkedin: { ...EMPTY_POLICY.networks.linkedin, ...over.linkedin },
      x: { ...EMPTY_POLICY.networks.x, ...over.x },
    },
  };
}
