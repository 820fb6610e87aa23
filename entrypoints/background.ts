import '@/lib/zod-setup'; // before anything that creates zod schemas
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runAfterSync } from '@/lib/background/after-sync';
import { SYNC_ALARM, ensureSyncAlarm } from '@/lib/background/alarms';
import { refreshBadge } from '@/lib/background/badge';
import { welcomeOnInstall } from '@/lib/background/first-run';
import {
  REMINDER_ALARM,
  checkReminders,
  ensureReminderAlarm,
  onReminderButton,
  onReminderClicked,
  type ReminderDeps,
} from '@/lib/background/reminders';
import { createRelayService } from '@/lib/background/service';
import { getDb } from '@/lib/db';
import { createQueueHeadWriter } from '@/lib/db/head';
import { ensureCatalogue } from '@/lib/i18n';
import { registerHandlers } from '@/lib/messaging/handlers';
import { messenger } from '@/lib/messaging';
import { FLUSH_ALARM } from '@/lib/outbox';
import { watchManaged } from '@/lib/settings/managed';
import {
  popupOpenedAtItem,
  queueHeadItem,
  reminderPrefsItem,
  tokenItem,
  topicsItem,
  welcomedItem,
} from '@/lib/settings';

// Wiring only, all registered synchronously so an event that wakes the worker finds its listener.
// The logic lives in lib/background (tested there).
export default defineBackground(() => {
  // Words for the badge's title and the notifications, should the browser's lookup fail (lib/i18n).
  void ensureCatalogue();
  const badge = () => refreshBadge({ db: getDb }).catch((err: unknown) => console.warn('[relay] badge', err));

  const reminderDeps: ReminderDeps = {
    db: getDb,
    // The optional permission may be granted or taken back at any time: ask each time.
    notifications: async () =>
      browser.notifications && (await browser.permissions.contains({ permissions: ['notifications'] }))
        ? browser.notifications
        : null,
    // Firefox shows no notification buttons; there a click opens the reminder settings instead.
    supportsButtons: !import.meta.env.FIREFOX,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    openPage: async (path) =>
      void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') })),
    releasePermission: () => browser.permissions.remove({ permissions: ['notifications'] }),
  };
  const reminders = () => checkReminders(reminderDeps).catch((err: unknown) => console.warn('[relay] reminders', err));

  // The popup's first screen, kept with its settings in storage: after every change to the cache or topics.
  const queueHead = createQueueHeadWriter({
    db: getDb,
    getTopics: () => topicsItem.getValue(),
    load: () => queueHeadItem.getValue(),
    save: (s) => queueHeadItem.setValue(s),
  });
  const refreshQueueHead = () => queueHead.refresh().catch((err: unknown) => console.warn('[relay] queue head', err));

  const service = createRelayService({
    db: getDb,
    onQueueChanged: refreshQueueHead,
    // After every sync that reached the server: the one ordered list in lib/background/after-sync.ts.
    afterSync: (net) => runAfterSync({ ...net, badge, reminders }),
  });

  registerHandlers(messenger, service.handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });

  browser.runtime.onInstalled.addListener((details) => {
    void ensureSyncAlarm();
    // A tab of its own: openOptionsPage may take over a tab that is already loading the settings page.
    const openSettings = async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/options.html') }));
    void welcomeOnInstall(details, { openSettings, welcomed: welcomedItem }).catch((err: unknown) =>
      console.warn('[relay] welcome', err),
    );
  });
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncAndFlush();
    // The outbox's backoff ran out: deliver what is due (the rows in IndexedDB are the state).
    if (alarm.name === FLUSH_ALARM) void service.flush();
    if (alarm.name === REMINDER_ALARM) void reminders();
  });

  // Notification listeners exist only once the optional permission is granted (now, or later from the options page).
  let notificationListeners = false;
  const listenToNotifications = () => {
    if (notificationListeners || !browser.notifications) return;
    notificationListeners = true;
    browser.notifications.onButtonClicked?.addListener((id, index) => void onReminderButton(reminderDeps, id, index));
    browser.notifications.onClicked.addListener((id) => void onReminderClicked(reminderDeps, id));
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);

  // The popup was opened (the new-items mark goes), or someone connected or disconnected.
  popupOpenedAtItem.watch(() => void badge());
  tokenItem.watch(() => void badge());
  reminderPrefsItem.watch((prefs) => void ensureReminderAlarm(prefs));
  topicsItem.watch(() => void refreshQueueHead());

  // The company's policy, at start and whenever an administrator changes it while the browser runs.
  const managedChanged = () =>
    void service.applyManaged().catch((err: unknown) => console.warn('[relay] managed', err));
  watchManaged(managedChanged);
  managedChanged();

  // Also on every worker start: cheap and idempotent, and covers a reload in development.
  void ensureSyncAlarm();
  void reminderPrefsItem.getValue().then((prefs) => ensureReminderAlarm(prefs));
  // Badge text does not survive a browser restart: paint it from the cache at once, offline too.
  void badge();
  // A head written by an older version, or left behind by a worker stopped between the two writes, is
  // replaced from the cache.
  void refreshQueueHead();
  // A worker stopped mid-flush left its shares in the outbox: pick them up (the lease keeps this single).
  void service.flush();
});
