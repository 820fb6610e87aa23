import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, Policy } from '../contract/policy';
import { NO_RULES, isPolicyRules, policyInForce } from './in-force';

const stored: Policy = {
  bannedTerms: ['garantía'],
  networks: {
    linkedin: { disclosure: '#employee', maxLength: null, bannedTerms: [] },
    x: { disclosure: '#ad', maxLength: 200, bannedTerms: ['無料'] },
  },
  version: 2,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('policyInForce', () => {
  it('is nothing banned or required before any answer, the same rules as the contract’s EMPTY_POLICY', () => {
    expect(policyInForce(null)).toEqual(NO_RULES);
    expect(policyInForce(undefined)).toEqual(NO_RULES);
    expect(NO_RULES).toEqual({ bannedTerms: EMPTY_POLICY.bannedTerms, networks: EMPTY_POLICY.networks });
  });

  it('is the kept policy once one arrived', () => {
    expect(policyInForce({ policy: stored })).toBe(stored);
  });

  it('agrees with the contract on what reads as a policy', () => {
    const odd: unknown[] = [
      { ...stored, bannedTerms: 'garantía' },
      { ...stored, bannedTerms: [3] },
      { ...stored, networks: { x: stored.networks.x } },
      { ...stored, networks: { ...stored.networks, x: { ...stored.networks.x, disclosure: 7 } } },
      { ...stored, networks: { ...stored.networks, linkedin: { ...stored.networks.linkedin, maxLength: -1 } } },
      null,
      'policy',
    ];
    for (const value of odd) {
      expect(Policy.safeParse(value).success).toBe(false);
      expect(isPolicyRules(value)).toBe(false);
      expect(policyInForce({ policy: value })).toEqual(NO_RULES);
    }
    expect(isPolicyRules(stored)).toBe(true);
  });
});
