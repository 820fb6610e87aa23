import type { NetworkPolicy } from '../contract/policy';
import type { PolicyRules } from './index';

/*
 * Read where the policy is enforced (the popup, the background's suggestions) from what extension storage
 * holds. Only the background writes it, after checking the server's answer against lib/contract; this
 * second look is structural and free of zod, so the popup's first paint does not carry the schema library.
 */

/** Nothing banned, nothing required: EMPTY_POLICY's rules, spelled out here to keep contract/policy's zod out. */
export const NO_RULES: PolicyRules = {
  bannedTerms: [],
  networks: {
    linkedin: { disclosure: null, maxLength: null, bannedTerms: [] },
    x: { disclosure: null, maxLength: null, bannedTerms: [] },
  },
};

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');

function isNetworkPolicy(v: unknown): v is NetworkPolicy {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Record<string, unknown>;
  return (
    (n.disclosure === null || typeof n.disclosure === 'string') &&
    (n.maxLength === null || (typeof n.maxLength === 'number' && n.maxLength > 0)) &&
    isStrings(n.bannedTerms)
  );
}

/** Whether a stored value has the parts of a policy that enforcement reads. */
export function isPolicyRules(v: unknown): v is PolicyRules {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  const networks = p.networks as Record<string, unknown> | null | undefined;
  return (
    isStrings(p.bannedTerms) &&
    typeof networks === 'object' &&
    networks !== null &&
    isNetworkPolicy(networks.linkedin) &&
    isNetworkPolicy(networks.x)
  );
}

/**
 * The rules to enforce given the stored cache entry: its policy, or NO_RULES when nothing has arrived yet, after disconnecting, or when the stored value cannot be read.
 */
export function policyInForce(cached: { policy: unknown } | null | undefined): PolicyRules {
  return cached && isPolicyRules(cached.policy) ? cached.policy : NO_RULES;
}
