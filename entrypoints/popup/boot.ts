import { storage } from 'wxt/utils/storage';
import { openQueueDb, readQueueHead } from '@/components/queue/head';
import type { QueueRow } from '@/lib/db';
import { PAGE_SIZE, headFromSnapshot, type QueueHeadSnapshot } from '@/lib/db/head';
import {
  employeeItem,
  lastSyncItem,
  personalTouchesItem,
  policyCacheItem,
  popupOpenedAtItem,
  preferredLanguageItem,
  queueHeadItem,
  reachCacheItem,
  topicsItem,
} from '@/lib/settings';

/*
 * The popup's first read, started as soon as its script runs (main.tsx imports this module first): every
 * setting the first view shows and the first screenful of the queue (the background's snapshot of it) in
 * one storage call. Only when that snapshot cannot be used is IndexedDB opened, over a plain connection.
 * Nothing waits for Dexie or for the background worker.
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
  queueHeadItem,
];

export interface FirstView {
  /** The values of FIRST_VIEW_ITEMS (fallbacks applied), by item key. */
  settings: { key: string; value: unknown }[];
  /** When the popup was opened before (read before this open is recorded). */
  previousOpen: string | null;
  /**
   * The first PAGE_SIZE items the popup shows (queueHead's rows: the background's snapshot, else read from
   * IndexedDB), or null when they could not be read that way (no database yet, nobody connected, an error):
   * the whole list, read with Dexie, then comes alone.
   */
  head: QueueRow[] | null;
}

export async function readFirstView(now = Date.now()): Promise<FirstView> {
  performance.mark('relay:boot');
  const settings = await storage.getItems(FIRST_VIEW_ITEMS);
  performance.mark('relay:settings-read');
  const value = <T>(item: { key: string }) => settings.find((s) => s.key === item.key)?.value as T;
  const previousOpen = value<string | null>(popupOpenedAtItem);
  // Nobody connected: whatever an earlier account left in the cache is not shown.
  if (!value(employeeItem)) return { settings, previousOpen, head: null };
  const topics = value<string[]>(topicsItem);
  const head = headFromSnapshot(value<QueueHeadSnapshot | null>(queueHeadItem), topics, now) ?? (await readHeadFromDb(topics, now));
  performance.mark('relay:head-read');
  return { settings, previousOpen, head };
}

/** The head read from IndexedDB itself, when the background's snapshot cannot stand for it. */
async function readHeadFromDb(topics: readonly string[], now: number): Promise<QueueRow[] | null> {
  const db = await openQueueDb();
  if (!db) return null;
  try {
    return await readQueueHead(db, PAGE_SIZE, topics, now).catch(() => null);
  } finally {
    db.close();
  }
}

export const firstView: Promise<FirstView> = readFirstView();
