import { liveQuery } from 'dexie';
import { getDb, type QueueRow, type RelayDb } from '@/lib/db';

/**
 * Rows per read: IndexedDB hands a read's rows over in one task, so the whole queue comes in pages small
 * enough that the popup keeps painting and answering between them.
 */
export const READ_PAGE = 500;

/** lib/db's queue order (its sort index read backwards): pinned first, then newest, then by id, descending. */
export function queueOrder(a: QueueRow, b: QueueRow): number {
  return b.pinnedRank - a.pinnedRank || b.publishMs - a.publishMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * listQueue's rows in listQueue's order, read in pages of `pageSize` by primary key (unique, so a page
 * resumes exactly where the last one ended), then sorted.
 */
export async function readQueueInPages(db: RelayDb, pageSize = READ_PAGE, now = Date.now()): Promise<QueueRow[]> {
  const rows: QueueRow[] = [];
  for (let last: string | null = null; ; ) {
    const page: QueueRow[] = await (last === null ? db.queue.orderBy(':id') : db.queue.where(':id').above(last))
      .limit(pageSize)
      .toArray();
    for (const row of page) if (!row.expiresAt || Date.parse(row.expiresAt) > now) rows.push(row);
    if (page.length < pageSize) break;
    last = page[page.length - 1]!.id;
  }
  return rows.sort(queueOrder);
}

/**
 * Follows the whole cached queue (pinned and newest first, expired left out) as the background writes it.
 * Its own chunk: the popup loads Dexie with it, after the first screenful has been painted.
 */
export function watchQueue(onRows: (rows: QueueRow[]) => void): () => void {
  const subscription = liveQuery(() => readQueueInPages(getDb())).subscribe({
    next: onRows,
    error: (err: unknown) => console.error('[relay] reading the queue failed', err),
  });
  return () => subscription.unsubscribe();
}
