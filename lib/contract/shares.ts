import { z } from 'zod';
import { Id, Network, Timestamp } from './common';

export const MAX_SHARES_PER_BATCH = 500;

export const ShareInput = z.object({
  /** Made by the client (UUIDv7), so a retried batch is recognised and counted once. */
  id: Id,
  itemId: Id,
  network: Network,
  captionId: Id.optional(),
  edited: z.boolean().optional(),
  sharedAt: Timestamp,
});
export type ShareInput = z.input<typeof ShareInput>;

export const SharesRequest = z.object({
  shares: z
    .array(ShareInput)
    .min(1, 'send at least one share')
    .max(MAX_SHARES_PER_BATCH, `send at most ${MAX_SHARES_PER_BATCH} shares per request`),
});
export type SharesRequest = z.input<typeof SharesRequest>;

export const SharesResult = z.object({
  accepted: z.array(Id),
  duplicates: z.array(Id),
});
export type SharesResult = z.infer<typeof SharesResult>;
