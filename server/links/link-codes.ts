import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const LINK_CODE_LENGTH = 9;

/** What a link code can look like; anything else is answered 404 without a lookup. */
export const LINK_CODE = /^[0-9A-Za-z]{6,16}$/;

/**
 * 9 random base62 symbols (~53 bits): short in a post, unguessable enough that nobody enumerates
 * other people's links, and nothing personal in them (attribution goes through the database row).
 */
export function newLinkCode(): string {
  let code = '';
  while (code.length < LINK_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 4 × 62: rejecting higher bytes keeps every symbol equally likely.
      if (byte < 248) code += BASE62[byte % 62];
      if (code.length === LINK_CODE_LENGTH) break;
    }
  }
  return code;
}
