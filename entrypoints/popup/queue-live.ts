import { liveQuery } from 'dexie';
import { getDb, listQueue, type QueueRow } from '@/lib/db';

/**
 * Follows the whole cached queue (pinned and newest first, expired left out) as the background writes it.
 * Its own chunk: the popup loads Dexie with it, after the first screenful has been painted.
 */
export function watchQueue(onRows: (rows: QueueRow[]) => void): () => void {
  const subscription = liveQuery(() => listQueue(getDb())).subscribe({
    next: onRows,
    error: (err: unknown) => console.error('[relay] reading the queue failed', err),
  });
  return () => subscription.unsubscribe();
}
