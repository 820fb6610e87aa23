import { z } from 'zod';
import { Id, Network, Timestamp } from '../contract/common';
import { Audience } from '../contract/reach';
import type { MessageType } from './protocol';

/** Messages that carry nothing: `undefined` (or `null` once serialised) and nothing else. */
const Empty = z.null().optional();

/** Longest share text the popup may record (caption plus tracked link). */
export const MAX_SHARE_TEXT = 5000;

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
  signInWithSso: z.strictObject({ serverUrl: z.string().max(2048) }),
  syncNow: Empty,
  getStatus: Empty,
  disconnect: Empty,
  getSuggestions: z.strictObject({ network: Network }),
  openRelay: Empty,
  recordShare: z.strictObject({
    itemId: Id,
    captionId: Id.optional(),
    network: Network,
    edited: z.boolean(),
    sharedAt: Timestamp.max(40),
  }),
  // Popup only. The text is bounded well above LinkedIn's 3,000 characters plus a link, so an
  // over-long caption the person chose to send anyway is still recorded as sent.
  recordPopupShare: z.strictObject({
    itemId: Id,
    captionId: Id.optional(),
    network: Network,
    edited: z.boolean(),
    text: z.string().min(1).max(MAX_SHARE_TEXT),
  }),
  suggestPage: z.strictObject({
    url: z.string().max(2048),
    note: z.string().max(1000).optional(),
  }),
  // Options page only; the same bounds as the contract (MePatch), null for the benchmark default.
  updateAudience: z.strictObject({
    linkedin: Audience.shape.linkedin.nullable(),
    x: Audience.shape.x.nullable(),
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
  // It changes the account and opens a window: the extension's own pages only.
  signInWithSso: 'page',
  disconnect: 'page',
  syncNow: 'any',
  getStatus: 'any',
  getSuggestions: 'content',
  recordShare: 'content',
  openRelay: 'content',
  recordPopupShare: 'page',
  suggestPage: 'page',
  updateAudience: 'page',
};

/** The sites whose composers Relay serves (the content scripts' matches, wxt.config.ts host permissions). */
export const CONTENT_SCRIPT_ORIGINS: readonly string[] = [
  'https://www.linkedin.com',
  'https://x.com',
  'https://twitter.com',
];
