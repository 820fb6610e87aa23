import type { ReminderLog, ReminderPrefs } from '../settings';

/*
 * When Relay may remind someone. Pure: every fact comes in as an argument (the background reads them from
 * storage and IndexedDB), so the rules can be tested without a browser and hold across worker restarts.
 */

export const DAY_MS = 24 * 60 * 60_000;
/** At most one "new items" notification in any 24 hours. */
export const NEW_ITEMS_GAP_MS = DAY_MS;
/** Nudge after a week without a share, and again at most once a week. */
export const NUDGE_AFTER_MS = 7 * DAY_MS;

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

export interface NewItemsFacts {
  prefs: ReminderPrefs;
  log: ReminderLog;
  /** When the popup was last opened (items before it were seen). */
  popupOpenedAt: string | null;
  /** Publish times (epoch ms) of the items currently in the queue and not expired. */
  publishedAt: readonly number[];
  now: number;
}

/**
 * How many items to announce now, or 0 for no notification: the reminder is on, none went out in the last
 * day, and items arrived that the person has seen neither in the popup nor in an earlier notification.
 */
export function newItemsToAnnounce(f: NewItemsFacts): number {
  if (!f.prefs.newItems) return 0;
  const last = ms(f.log.newItemsAt);
  if (last !== null && f.now - last < NEW_ITEMS_GAP_MS) return 0;
  const seen = Math.max(last ?? -Infinity, ms(f.popupOpenedAt) ?? -Infinity);
  // Scheduled items the server already sent are not "new" until their time comes.
  return f.publishedAt.filter((t) => t > seen && t <= f.now).length;
}

export interface NudgeFacts {
  prefs: ReminderPrefs;
  log: ReminderLog;
  /** The person's newest share (ISO), from the history; null when they never shared. */
  lastSharedAt: string | null;
  /** Items in the queue that can be shared now (published, not expired). */
  shareable: number;
  now: number;
}

/**
 * Whether to send the weekly nudge now: it is on, there is something to share, and for 7 days there has
 * been no share, no nudge, and (for someone who never shared) no opting in.
 */
export function shouldNudge(f: NudgeFacts): boolean {
  if (!f.prefs.weeklyNudge) return false;
  // The nudge points at the queue: with nothing in it, it would only be a reproach.
  if (f.shareable === 0) return false;
  const since = Math.max(
    ms(f.lastSharedAt) ?? -Infinity,
    ms(f.log.nudgeAt) ?? -Infinity,
    ms(f.prefs.weeklyNudgeSince) ?? -Infinity,
  );
  // No reference point at all (prefs written without a time): start counting now rather than nudge at once.
  if (since === -Infinity) return false;
  return f.now - since >= NUDGE_AFTER_MS;
}
