import type { RelayDb } from '../db';
import { HEAD_SNAPSHOT_VERSION, PAGE_SIZE, cachedQueueTopics, queueHead, topicsKey, type QueueHeadSnapshot } from '../db/head';

export interface QueueHeadDeps {
  db: () => RelayDb;
  getTopics: () => Promise<string[]>;
  /** The snapshot stored now. */
  load: () => Promise<QueueHeadSnapshot | null>;
  save: (snapshot: QueueHeadSnapshot) => Promise<void>;
  now?: () => number;
}

/**
 * Keeps the popup's snapshot of the queue's head (lib/db/head) equal to the cache: `refresh()` after every
 * change to the cached queue or to the chosen topics. Refreshes run one after another, each reading the
 * cache as it is when it starts, so the last one written is always the newest state. A snapshot equal to the
 * stored one is not written again: every write is broadcast to each page and content script that listens to
 * storage, and the worker refreshes each time it starts.
 */
export function createQueueHeadWriter(deps: QueueHeadDeps): { refresh(): Promise<void> } {
  const now = deps.now ?? (() => Date.now());
  let last: Promise<void> = Promise.resolve();
  async function write() {
    const topics = await deps.getTopics();
    const at = now();
    const rows = await queueHead(deps.db(), PAGE_SIZE, topics, at);
    const allTopics = await cachedQueueTopics(deps.db(), at);
    const next: QueueHeadSnapshot = { version: HEAD_SNAPSHOT_VERSION, topics: topicsKey(topics), rows, allTopics };
    if (JSON.stringify(await deps.load()) === JSON.stringify(next)) return;
    await deps.save(next);
  }
  return {
    refresh() {
      const run = last.then(write);
      last = run.catch(() => undefined);
      return run;
    },
  };
}
