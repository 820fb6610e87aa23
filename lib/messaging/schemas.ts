import { z } from 'zod';
import type { MessageType } from './protocol';

/** Messages that carry nothing: `undefined` (or `null` once serialised) and nothing else. */
const Empty = z.null().optional();

/**
 * Run-time shape of each message's payload. Strict objects: an unexpected field is a refusal, not
 * something silently ignored. Sizes are bounded so a content script cannot make the worker chew on megabytes.
 */
export const messageSchemas = {
  connect: z.strictObject({
    serverUrl: z.string().max(2048),
    code: z.string().max(200),
  }),
  syncNow: Empty,
  getStatus: Empty,
  disconnect: Empty,
} satisfies Record<MessageType, z.ZodType>;
