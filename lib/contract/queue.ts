import { z } from 'zod';
import { Item } from './items';
import { HttpUrl, Id, Timestamp } from './common';

export const TrackedLinks = z.object({ linkedin: HttpUrl, x: HttpUrl });
export type TrackedLinks = z.infer<typeof TrackedLinks>;

/** An item in an employee's queue, with their tracked link for each network. */
export const QueueItem = Item.extend({ links: TrackedLinks, updatedAt: Timestamp });
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueQuery = z.object({
  since: z.string().max(200).optional(),
});

export const QueueResponse = z.object({
  /** true: `items` is the whole queue (replace the cache); false: a delta since the cursor given. */
  full: z.boolean(),
  items: z.array(QueueItem),
  /** Ids of items deleted, archived or expired since the cursor (always empty when `full`). */
  removed: z.array(Id),
  /** Opaque; pass back as `?since=` to get only what changed. */
  cursor: z.string(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;
