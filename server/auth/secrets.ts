import { hash, randomBytes } from 'node:crypto';

/** Only hashes of invite codes and tokens are stored: a leaked database lets nobody sign in. */
// One-shot hash(): no Hash object per call, which matters on the per-request token check.
export const sha256 = (value: string): string => hash('sha256', value, 'base64url');

export const TOKEN_PREFIX = 'rly_';

/** 256 random bits; the prefix makes leaked tokens easy to spot by secret scanners. */
export const newToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

// Crockford's base32: no I, L, O or U, so codes survive being read aloud or typed from a screenshot.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 symbols × 5 bits = 80 bits, shown as ABCD-EFGH-JKMN-PQRS. */
export function newInviteCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) {
    code += CROCKFORD[bytes[i]! & 31];
    if (i % 4 === 3 && i < 15) code += '-';
  }
  return code;
}

/**
 * What a person typed → the canonical code: case, dashes and spaces ignored, and the look-alikes
 * Crockford maps (I, L → 1; O → 0) folded, so "abcd efgh …" and "ABCD-EFGH-…" hash the same.
 */
export function normaliseInviteCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}
