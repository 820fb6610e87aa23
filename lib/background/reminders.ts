import { browser } from 'wxt/browser';
import { listQueue, type RelayDb } from '../db';
import { plural, t } from '../i18n';
import { newItemsToAnnounce, shouldNudge } from '../reminders/decide';
import { popupOpenedAtItem, reminderLogItem, reminderPrefsItem, type ReminderPrefs } from '../settings';

export const REMINDER_ALARM = 'reminders';
/** Hourly is enough for "at most one a day" and "a week without sharing"; alarms survive the worker stopping. */
export const REMINDER_PERIOD_MINUTES = 60;
export const NEW_ITEMS_NOTIFICATION = 'relay-new-items';
export const NUDGE_NOTIFICATION = 'relay-weekly-nudge';
/** The notification's button (Chrome), in the language shown. */
export const turnOffLabel = (): string => t('notify.turnOff');
/** Where a click on a notification leads when the browser shows no buttons (Firefox). */
export const REMINDERS_SECTION = '/options.html#reminders';

type Notifications = Pick<typeof browser.notifications, 'create' | 'clear'>;

export interface ReminderDeps {
  db: () => RelayDb;
  /** The notifications API, or null when the optional permission is not granted (then nothing is sent). */
  notifications: () => Promise<Notifications | null>;
  /** Chrome shows notification buttons; Firefox does not (the click opens the settings instead). */
  supportsButtons: boolean;
  iconUrl: string;
  openPage: (path: string) => Promise<void>;
  /** Gives the optional notifications permission back (nothing left to notify about). */
  releasePermission?: () => Promise<unknown>;
  now?: () => number;
}

export interface ReminderOutcome {
  newItems: number;
  nudged: boolean;
}

/**
 * Send whichever reminder is due now. The log is written BEFORE the notification is shown: a worker stopped
 * in between loses one reminder at worst, and can never send the same one twice.
 */
export async function checkReminders(deps: ReminderDeps): Promise<ReminderOutcome> {
  const now = (deps.now ?? Date.now)();
  const [prefs, log, popupOpenedAt] = await Promise.all([
    reminderPrefsItem.getValue(),
    reminderLogItem.getValue(),
    popupOpenedAtItem.getValue(),
  ]);
  const outcome: ReminderOutcome = { newItems: 0, nudged: false };
  if (!prefs.newItems && !prefs.weeklyNudge) return outcome;
  const notifications = await deps.notifications();
  if (!notifications) return outcome;

  const db = deps.db();
  const publishedAt = (await listQueue(db, now)).map((r) => r.publishMs);
  if (prefs.newItems) outcome.newItems = newItemsToAnnounce({ prefs, log, popupOpenedAt, publishedAt, now });
  if (prefs.weeklyNudge) {
    const last = await db.history.orderBy('sharedAt').last();
    const shareable = publishedAt.filter((t) => t <= now).length;
    outcome.nudged = shouldNudge({ prefs, log, lastSharedAt: last?.sharedAt ?? null, shareable, now });
  }
  if (!outcome.newItems && !outcome.nudged) return outcome;

  const at = new Date(now).toISOString();
  await reminderLogItem.setValue({
    newItemsAt: outcome.newItems ? at : log.newItemsAt,
    nudgeAt: outcome.nudged ? at : log.nudgeAt,
  });
  if (outcome.newItems)
    await show(
      deps,
      notifications,
      NEW_ITEMS_NOTIFICATION,
      t('notify.newItemsTitle'),
      newItemsMessage(outcome.newItems),
    );
  // A reminder, not a reproach (PRODUCT.md: voluntary, no guilt): what is there, not what was not done.
  if (outcome.nudged) await show(deps, notifications, NUDGE_NOTIFICATION, t('notify.nudgeTitle'), nudgeMessage());
  return outcome;
}

/** "A new item …" for exactly one (a sentence without the number), the plural form of the language otherwise. */
export function newItemsMessage(count: number): string {
  return count === 1 ? t('notify.newItemsSingle') : plural('notify.newItems', count);
}
export const nudgeMessage = (): string => t('notify.nudge');

async function show(
  deps: ReminderDeps,
  notifications: Notifications,
  id: string,
  title: string,
  message: string,
): Promise<void> {
  await notifications.create(id, {
    type: 'basic',
    iconUrl: deps.iconUrl,
    title,
    ...(deps.supportsButtons
      ? { message, buttons: [{ title: turnOffLabel() }] }
      : { message: `${message}\n${t('notify.clickToChange')}` }),
  });
}

/** Which preference a notification belongs to. */
function prefFor(notificationId: string): keyof Pick<ReminderPrefs, 'newItems' | 'weeklyNudge'> | null {
  if (notificationId === NEW_ITEMS_NOTIFICATION) return 'newItems';
  if (notificationId === NUDGE_NOTIFICATION) return 'weeklyNudge';
  return null;
}

/**
 * "Turn off these reminders": one click, no page to visit. When that was the last reminder on, the
 * permission goes back, as it does when both are switched off on the settings page.
 */
export async function onReminderButton(
  deps: Pick<ReminderDeps, 'notifications' | 'releasePermission'>,
  notificationId: string,
  buttonIndex: number,
): Promise<boolean> {
  const pref = prefFor(notificationId);
  if (!pref || buttonIndex !== 0) return false;
  const prefs = await reminderPrefsItem.getValue();
  const next: ReminderPrefs = {
    ...prefs,
    [pref]: false,
    ...(pref === 'weeklyNudge' ? { weeklyNudgeSince: null } : {}),
  };
  await reminderPrefsItem.setValue(next);
  await (await deps.notifications())?.clear(notificationId);
  if (!next.newItems && !next.weeklyNudge) await deps.releasePermission?.().catch(() => undefined);
  return true;
}

/** A click on the notification itself: the settings, at the reminders (the way to turn them off without buttons). */
export async function onReminderClicked(
  deps: Pick<ReminderDeps, 'notifications' | 'openPage'>,
  notificationId: string,
): Promise<boolean> {
  if (!prefFor(notificationId)) return false;
  await deps.openPage(REMINDERS_SECTION);
  await (await deps.notifications())?.clear(notificationId);
  return true;
}

/** The hourly check exists exactly while a reminder is on (re-creating would push its next run back). */
export async function ensureReminderAlarm(prefs: ReminderPrefs, alarms = browser.alarms): Promise<void> {
  const wanted = prefs.newItems || prefs.weeklyNudge;
  const existing = await alarms.get(REMINDER_ALARM);
  if (!wanted) {
    if (existing) await alarms.clear(REMINDER_ALARM);
    return;
  }
  if (existing?.periodInMinutes === REMINDER_PERIOD_MINUTES) return;
  await alarms.create(REMINDER_ALARM, {
    delayInMinutes: REMINDER_PERIOD_MINUTES,
    periodInMinutes: REMINDER_PERIOD_MINUTES,
  });
}
