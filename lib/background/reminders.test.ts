import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  NEW_ITEMS_NOTIFICATION,
  NUDGE_NOTIFICATION,
  REMINDER_ALARM,
  REMINDERS_SECTION,
  checkReminders,
  ensureReminderAlarm,
  newItemsMessage,
  onReminderButton,
  onReminderClicked,
  type ReminderDeps,
} from './reminders';
import { toQueueRow, type RelayDb, type ShareState } from '../db';
import { DAY_MS } from '../reminders/decide';
import { REMINDERS_OFF, popupOpenedAtItem, reminderLogItem, reminderPrefsItem } from '../settings';
import { freshDb, makeItem } from '../test-support';
import { useLocale } from '../i18n/test-catalogue';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const iso = (t: number) => new Date(t).toISOString();
let db: RelayDb;
let opened: string[];

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
  opened = [];
});

function deps(over: Partial<ReminderDeps> = {}): ReminderDeps {
  return {
    db: () => db,
    notifications: async () => fakeBrowser.notifications,
    supportsButtons: true,
    iconUrl: 'chrome-extension://id/icon/128.png',
    openPage: async (path) => void opened.push(path),
    now: () => NOW,
    ...over,
  };
}
const shown = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;

/** One share in the history, made `ago` before NOW. */
const sharedBefore = (ago: number, state: ShareState) =>
  db.history.put({ id: 's1', itemId: 'i1', network: 'x', edited: false, sharedAt: iso(NOW - ago), title: 't', state });

async function seedNewItems() {
  await popupOpenedAtItem.setValue(iso(NOW - 2 * DAY_MS));
  await db.queue.bulkPut([
    toQueueRow(makeItem({ publishAt: iso(NOW - DAY_MS) })),
    toQueueRow(makeItem({ publishAt: iso(NOW - 60_000) })),
  ]);
}

describe('checkReminders', () => {
  it('sends nothing while both reminders are off (the default)', async () => {
    await seedNewItems();
    expect(await checkReminders(deps())).toEqual({ newItems: 0, nudged: false });
    expect(shown()).toEqual({});
  });

  it('announces new items once, with a button to turn them off, and not again the same day', async () => {
    await seedNewItems();
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, newItems: true });
    expect(await checkReminders(deps())).toEqual({ newItems: 2, nudged: false });
    const note = shown()[NEW_ITEMS_NOTIFICATION]!;
    expect(note.message).toContain('2 new items are ready to share');
    expect(note.buttons).toEqual([{ title: 'Turn off these reminders' }]);
    expect((await reminderLogItem.getValue()).newItemsAt).toBe(iso(NOW));

    // Another item an hour later, after a worker restart (state is in storage): still nothing today.
    await fakeBrowser.notifications.clear(NEW_ITEMS_NOTIFICATION);
    await db.queue.put(toQueueRow(makeItem({ publishAt: iso(NOW + 30 * 60_000) })));
    expect(await checkReminders(deps({ now: () => NOW + 60 * 60_000 }))).toEqual({ newItems: 0, nudged: false });
    expect(shown()).toEqual({});
    // A day after the first one: only the item not yet announced.
    expect(await checkReminders(deps({ now: () => NOW + DAY_MS }))).toEqual({ newItems: 1, nudged: false });
  });

  it('words one new item in the singular', () => {
    expect(newItemsMessage(1)).toBe('A new item is ready to share. Click Relay’s toolbar icon to see it.');
    expect(newItemsMessage(3)).toBe('3 new items are ready to share. Click Relay’s toolbar icon to see them.');
  });

  it('speaks the language shown: Russian plural forms for 1, 2, 5 and 21, a translated title and button', async () => {
    useLocale('ru');
    expect(newItemsMessage(1)).toMatch(/^Новый материал готов/);
    expect(newItemsMessage(2)).toMatch(/^2 новых материала готовы/);
    expect(newItemsMessage(5)).toMatch(/^5 новых материалов готовы/);
    expect(newItemsMessage(21)).toMatch(/^21 новый материал готов/);
    expect(newItemsMessage(1500)).toMatch(/^1\u00a0500 новых материалов/);
    await seedNewItems();
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, newItems: true });
    await checkReminders(deps());
    const note = shown()[NEW_ITEMS_NOTIFICATION]!;
    expect(note.title).toBe('Новое в Relay');
    expect(note.buttons).toEqual([{ title: 'Выключить эти напоминания' }]);
  });

  it('sends nothing without the notifications permission', async () => {
    await seedNewItems();
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, newItems: true });
    expect(await checkReminders(deps({ notifications: async () => null }))).toEqual({ newItems: 0, nudged: false });
    expect((await reminderLogItem.getValue()).newItemsAt).toBeNull();
  });

  it('nudges after a week without a share, then not for another week; never towards an empty queue', async () => {
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, weeklyNudge: true, weeklyNudgeSince: iso(NOW - 30 * DAY_MS) });
    await sharedBefore(8 * DAY_MS, 'synced');
    // Only a scheduled item and an expired one: nothing to share yet.
    await db.queue.bulkPut([
      toQueueRow(makeItem({ publishAt: iso(NOW + DAY_MS) })),
      toQueueRow(makeItem({ publishAt: iso(NOW - 9 * DAY_MS), expiresAt: iso(NOW - DAY_MS) })),
    ]);
    expect((await checkReminders(deps())).nudged).toBe(false);
    expect(shown()).toEqual({});
    await db.queue.put(toQueueRow(makeItem({ publishAt: iso(NOW - 9 * DAY_MS) })));
    expect((await checkReminders(deps())).nudged).toBe(true);
    expect(shown()[NUDGE_NOTIFICATION]!.title).toBe('Relay weekly reminder');
    expect(shown()[NUDGE_NOTIFICATION]!.message).toBe(
      'Your queue has posts ready to share in your own words, whenever you like.',
    );
    expect((await checkReminders(deps({ now: () => NOW + 6 * DAY_MS }))).nudged).toBe(false);
    expect((await checkReminders(deps({ now: () => NOW + 7 * DAY_MS }))).nudged).toBe(true);
  });

  it('does not nudge someone who shared this week', async () => {
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, weeklyNudge: true, weeklyNudgeSince: iso(NOW - 30 * DAY_MS) });
    await db.queue.put(toQueueRow(makeItem({ publishAt: iso(NOW - 9 * DAY_MS) })));
    await sharedBefore(2 * DAY_MS, 'pending');
    expect((await checkReminders(deps())).nudged).toBe(false);
  });

  it('where buttons are not shown, says that a click leads to turning reminders off', async () => {
    await seedNewItems();
    await reminderPrefsItem.setValue({ ...REMINDERS_OFF, newItems: true });
    await checkReminders(deps({ supportsButtons: false }));
    const note = shown()[NEW_ITEMS_NOTIFICATION]!;
    expect(note.buttons).toBeUndefined();
    expect(note.message).toContain('Click here to change or turn off these reminders.');
  });
});

describe('turning reminders off from a notification', () => {
  it('the button turns off that reminder in one click, and gives the permission back after the last one', async () => {
    let released = 0;
    const releasing = deps({ releasePermission: async () => void released++ });
    await reminderPrefsItem.setValue({ newItems: true, weeklyNudge: true, weeklyNudgeSince: iso(NOW) });
    await fakeBrowser.notifications.create(NUDGE_NOTIFICATION, {
      type: 'basic',
      iconUrl: '',
      title: 't',
      message: 'm',
    });
    expect(await onReminderButton(releasing, NUDGE_NOTIFICATION, 0)).toBe(true);
    expect(await reminderPrefsItem.getValue()).toEqual({ newItems: true, weeklyNudge: false, weeklyNudgeSince: null });
    expect(shown()).toEqual({});
    expect(released, 'new items are still on: the permission stays').toBe(0);
    expect(await onReminderButton(releasing, NEW_ITEMS_NOTIFICATION, 0)).toBe(true);
    expect((await reminderPrefsItem.getValue()).newItems).toBe(false);
    expect(released).toBe(1);
  });

  it('ignores other buttons and other notifications', async () => {
    await reminderPrefsItem.setValue({ newItems: true, weeklyNudge: false, weeklyNudgeSince: null });
    expect(await onReminderButton(deps(), NEW_ITEMS_NOTIFICATION, 1)).toBe(false);
    expect(await onReminderButton(deps(), 'someone-else', 0)).toBe(false);
    expect((await reminderPrefsItem.getValue()).newItems).toBe(true);
  });

  it('a click on the notification opens the settings at the reminders', async () => {
    expect(await onReminderClicked(deps(), NEW_ITEMS_NOTIFICATION)).toBe(true);
    expect(opened).toEqual([REMINDERS_SECTION]);
    expect(await onReminderClicked(deps(), 'someone-else')).toBe(false);
  });
});

describe('ensureReminderAlarm', () => {
  it('exists exactly while a reminder is on', async () => {
    await ensureReminderAlarm(REMINDERS_OFF);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    await ensureReminderAlarm({ ...REMINDERS_OFF, newItems: true });
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    // Not re-created (which would push the next run back).
    await ensureReminderAlarm({ ...REMINDERS_OFF, newItems: true, weeklyNudge: true });
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(alarm?.scheduledTime);
    await ensureReminderAlarm(REMINDERS_OFF);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });
});
