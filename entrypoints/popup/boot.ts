import { storage } from 'wxt/utils/storage';
import { PAGE_SIZE, openQueueDb, readQueueHead } from '@/components/queue/head';
import type { QueueRow } from '@/lib/db';
import {
  employeeItem,
  lastSyncItem,
  personalTouchesItem,
  policyCacheItem,
  popupOpenedAtItem,
  preferredLanguageItem,
  reachCacheItem,
  topicsItem,
} from '@/lib/settings';

/*
 * The popup's first reads, started as soon as its script runs (main.tsx imports this module first): every
 * setting the first view shows in one storage call, and the first screenful of the queue in one IndexedDB
 * transaction over a plain connection, opened meanwhile. Nothing waits for Dexie, for the background
 * worker or for one read after another.
 */

/** What the first view shows from extension storage, read together. */
export const FIRST_VIEW_ITEMS = [
  employeeItem,
  lastSyncItem,
  personalTouchesItem,
  preferredLanguageItem,
  topicsItem,
  policyCacheItem,
  reachCacheItem,
  popupOpenedAtItem,
];

export interface FirstView {
  /** The values of FIRST_VIEW_ITEMS (fallbacks applied), by item key. */
  settings: { key: string; value: unknown }[];
  /** When the popup was opened before (read before this open is recorded). */
  previousOpen: string | null;
  /**
   * The first PAGE_SIZE items the popup shows (queueHead's rows), or null when they could not be read that
   * way (no database yet, nobody connected, an error): the whole list, read with Dexie, then comes alone.
   */
  head: QueueRow[] | null;
}

export async function readFirstView(): Promise<FirstView> {
  performance.mark('relay:boot');
  const database = openQueueDb();
  try {
    const settings = await storage.getItems(FIRST_VIEW_ITEMS);
    performance.mark('relay:settings-read');
    const value = <T>(item: { key: string }) => settings.find((s) => s.key === item.key)?.value as T;
    const db = value(employeeItem) ? await database : null;
    const head = db ? await readQueueHead(db, PAGE_SIZE, value<string[]>(topicsItem)).catch(() => null) : null;
    performance.mark('relay:head-read');
    return { settings, previousOpen: value<string | null>(popupOpenedAtItem), head };
  } finally {
    void database.then((db) => db?.close());
  }
}

export const firstView: Promise<FirstView> = readFirstView();
