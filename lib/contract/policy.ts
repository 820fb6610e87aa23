import { z } from 'zod';
import { Timestamp } from './common';

/*
 * The social-media policy curators set and the extension enforces before sharing or inserting a caption
 * (lib/policy holds the matching, shared by both sides). Polled with the queue: its ETag makes that one small read.
 */

/** A word or phrase; matched case-insensitively as whole words (substrings in scripts written without spaces). */
export const BannedTerm = z.string().trim().min(1, 'must not be empty').max(100);

export const NetworkPolicy = z.object({
  /** Added to a caption that lacks it, e.g. "#ad" or "#employee"; null: none required. */
  disclosure: z.string().trim().min(1, 'must not be empty').max(100).nullable().default(null),
  /** Most characters a caption may have on this network (X counts by its weighted rules); null: the network's own limit. */
  maxLength: z.number().int().positive().max(100_000).nullable().default(null),
  /** Terms banned on this network only, on top of the global list. */
  bannedTerms: z.array(BannedTerm).max(500).default([]),
});
export type NetworkPolicy = z.infer<typeof NetworkPolicy>;

const policyFields = {
  /** Banned on every network. */
  bannedTerms: z.array(BannedTerm).max(1000),
  networks: z.object({ linkedin: NetworkPolicy, x: NetworkPolicy }),
};

/** PUT /v1/admin/policy: the whole policy (it replaces the previous one). */
export const PolicyUpdate = z.object(policyFields);
export type PolicyUpdate = z.input<typeof PolicyUpdate>;

export const Policy = z.object({
  ...policyFields,
  /** 0 until a curator first sets a policy (then nothing is banned or required); increases with every change. */
  version: z.number().int().nonnegative(),
  updatedAt: Timestamp.nullable(),
});
export type Policy = z.infer<typeof Policy>;

/** What applies before any curator has set one: nothing banned, nothing required. */
export const EMPTY_POLICY: Policy = {
  bannedTerms: [],
  networks: {
    linkedin: { disclosure: null, maxLength: null, bannedTerms: [] },
    x: { disclosure: null, maxLength: null, bannedTerms: [] },
  },
  version: 0,
  updatedAt: null,
};
