import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageTab } from '@/components/share/SharePage';
import { isShareablePage } from '@/lib/links/share-urls';
import {
  PAGE_SIZE,
  headFromSnapshot,
  openQueueDb,
  queueTopics,
  readQueueHead,
  type QueueHead,
  type QueueHeadSnapshot,
} from '@/lib/db/head';
import {
  employeeItem,
  lastSyncItem,
  personalTouchesItem,
  policyCacheItem,
  popupOpenedAtItem,
  preferredLanguageItem,
  queueHeadItem,
  reachCacheItem,
  sessionEndedItem,
  topicsItem,
} from '@/lib/settings';

/*
 * The popup's first read, started as soon as its script runs (main.tsx imports this module first): the
 * settings the first view shows and the background's snapshot of the queue's head, in one storage call.
 * Nothing waits for Dexie or for the background worker.
 */

/** What the first view shows from extension storage, read together. */
export const FIRST_VIEW_ITEMS = [
  employeeItem,
  lastSyncItem,
  sessionEndedItem,
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
   * The first PAGE_SIZE items the popup shows and the queue's topics (the background's snapshot, else read from
   * IndexedDB), or null when they could not be read that way (no database yet, nobody connected, an error):
   * the whole list, read with Dexie, then comes alone.
   */
  head: QueueHead | null;
  /**
   * The web page in the current tab ("Share this page"), read beside the settings so the section is in the
   * first frame instead of pushing the queue down when it arrives; null on any other page.
   */
  activeTab: PageTab | null;
}

/** The current tab when it is a web page (activeTab lets the popup read its address while it is open). */
async function readActiveTab(): Promise<PageTab | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab && isShareablePage(tab.url) ? { url: tab.url, title: tab.title ?? '' } : null;
  } catch {
    return null;
  }
}

export async function readFirstView(now = Date.now()): Promise<FirstView> {
  performance.mark('relay:boot');
  const tab = readActiveTab();
  const settings = await storage.getItems(FIRST_VIEW_ITEMS);
  performance.mark('relay:settings-read');
  const value = <T>(item: { key: string }) => settings.find((s) => s.key === item.key)?.value as T;
  const previousOpen = value<string | null>(popupOpenedAtItem);
  // Nobody connected: whatever an earlier account left in the cache is not shown.
  if (!value(employeeItem)) return { settings, previousOpen, head: null, activeTab: await tab };
  const topics = value<string[]>(topicsItem);
  const head =
    headFromSnapshot(value<QueueHeadSnapshot | null>(queueHeadItem), topics, now) ??
    (await readHeadFromDb(topics, now));
  performance.mark('relay:head-read');
  return { settings, previousOpen, head, activeTab: await tab };
}

/**
 * The head read from IndexedDB itself, when the background's snapshot cannot stand for it; its topics are
 * those of the head alone (the chips of the whole queue follow with it).
 */
async function readHeadFromDb(topics: readonly string[], now: number): Promise<QueueHead | null> {
  const db = await openQueueDb();
  if (!db) return null;
  try {
    const rows = await readQueueHead(db, PAGE_SIZE, topics, now).catch(() => null);
    return rows && { rows, allTopics: queueTopics(rows) };
  } finally {
    db.close();
  }
}

export const firstView: Promise<FirstView> = readFirstView();
