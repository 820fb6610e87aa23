import { z } from 'zod';
import { Id, Network, Timestamp } from '../contract/common';
import type { MessageType } from './protocol';

/** Messages that carry nothing: `undefined` (or `null` once serialised) and nothing else. */
const Empty = z.null().optional();

/**
 * Run-time shape of each message's payload. Strict objects: an unexpected field is a refusal, not
 * something silently ignored. Sizes are bounded so a content script cannot make the worker chew on megabytes.
 * Checks that need state (does the item exist, is the time plausible) are the handler's job.
 */
export const messageSchemas = {
  connect: z.strictObject({
    serverUrl: z.string().max(2048),
    code: z.string().max(200),
  }),
  syncNow: Empty,
  getStatus: Empty,
  disconnect: Empty,
  getSuggestions: z.strictObject({ network: Network }),
  recordShare: z.strictObject({
    itemId: Id,
    captionId: Id.optional(),
    network: Network,
    edited: z.boolean(),
    sharedAt: Timestamp.max(40),
  }),
} satisfies Record<MessageType, z.ZodType>;

/**
 * Who may send each message (on top of "it comes from this extension"):
 * - `page`: the extension's own pages (popup, options, admin), never a content script: these change the
 *   account, and a content script runs inside a page Relay does not control.
 * - `content`: Relay's content scripts on the networks' sites only.
 * - `any`: either.
 */
export type MessageAudience = 'page' | 'content' | 'any';

export const messageAudience: Record<MessageType, MessageAudience> = {
  connect: 'page',
  disconnect: 'page',
  syncNow: 'any',
  getStatus: 'any',
  getSuggestions: 'content',
  recordShare: 'content',
};

/** The sites whose composers Relay serves (the content scripts' matches, wxt.config.ts host permissions). */
export const CONTENT_SCRIPT_ORIGINS: readonly string[] = ['https://www.linkedin.com', 'https://x.com', 'https://twitter.com'];
