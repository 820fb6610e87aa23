/**
 * Reminders, end to end: the built extension in Chromium, the real backend, the settings page
 * clicked the way a person clicks it, and the notifications read back from the extension's service worker.
 *
 * The notifications permission. It is optional and Chromium words it "Display notifications", so
 * `permissions.request()` from a click opens Chromium's own permission dialog (verified here: in a fresh
 * profile the request stays pending; the dialog is browser UI that neither Playwright nor the DevTools
 * protocol can press, and no command-line switch accepts it). Chromium skips that dialog only for a
 * permission the person granted before: it remembers every grant in the profile
 * (`extensions.settings.<id>.runtime_granted_permissions`) and keeps it through `permissions.remove()`,
 * which is why turning reminders off and on again does not ask twice. So each test starts from a profile
 * that says "this person allowed Relay's notifications once": the click on the settings page still runs
 * the real `permissions.request()`, Chromium still grants the permission and adds `chrome.notifications`
 * to the extension; only the dialog is answered in advance.
 *
 * The notification's own button. A native notification cannot be clicked from a test, so the test
 * dispatches Chromium's `chrome.notifications.onButtonClicked` event inside the service worker: that runs
 * exactly the listeners the background registered, with the arguments Chromium passes. What stays untested
 * is only Chromium's step from a click on the operating system's notification to that event.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { ItemCreate } from '../../lib/contract';
import { extensionDir, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { expect, screenshotOnFailure, test as base, type RelayPages } from '../helpers/fixtures';
import type { Backend } from '../helpers/server';
import { LOCAL_KEYS, readStored, writeStored, type LocalKey } from '../helpers/storage';

const NEW_ITEMS = 'relay-new-items';
const NUDGE = 'relay-weekly-nudge';
const DAY_MS = 24 * 60 * 60_000;

/** The extension APIs these tests read inside the service worker. */
declare const chrome: {
  notifications?: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
    onButtonClicked: { dispatch(id: string, index: number): void };
    onClicked: { dispatch(id: string): void };
  };
  permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
  alarms: {
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
};

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, 32 hex digits spelled a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** As the other tests launch it, in a profile where the person once allowed Relay's notifications. */
async function launchWithNotificationsAllowedBefore(): Promise<ExtensionBrowser> {
  const dir = realpathSync(extensionDir);
  const id = unpackedExtensionId(dir);
  const ext = await launchWithExtension({
    dir,
    preferences: { extensions: { settings: { [id]: { runtime_granted_permissions: { api: ['notifications'] } } } } },
  });
  if (ext.extensionId !== id) {
    await ext.close();
    throw new Error(
      `Chromium gave the extension id ${ext.extensionId}, not ${id}: the earlier grant was written for the wrong id`,
    );
  }
  return ext;
}

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  ext: async ({}, use, testInfo) => {
    const ext = await launchWithNotificationsAllowedBefore();
    try {
      await use(ext);
    } finally {
      await screenshotOnFailure(ext, testInfo);
      await ext.close();
    }
  },
});

// ---- reading the extension from its service worker ------------------------------------------------------

const worker = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
/** The ids of Relay's notifications on screen; none at all while the permission is not granted. */
const shown = (sw: Worker) => sw.evaluate(async () => Object.keys((await chrome.notifications?.getAll()) ?? {}).sort());
const hasPermission = (sw: Worker) =>
  sw.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }));
const hasNotificationsApi = (sw: Worker) => sw.evaluate(() => typeof chrome.notifications === 'object');
const hourlyAlarm = (sw: Worker) =>
  sw.evaluate(async () => (await chrome.alarms.get('reminders'))?.periodInMinutes ?? null);
const stored = async <T>(sw: Worker, key: LocalKey) => (await readStored<T>(sw, key)) as T;
/**
 * An alarm of the background's, due now (an unpacked extension may set one this close): its own listener
 * runs, as when the 15-minute sync ('sync-queue') or the hourly reminder check ('reminders') comes round.
 */
const fireAlarm = (sw: Worker, name: 'sync-queue' | 'reminders') =>
  sw.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 50 }), name);

interface Prefs {
  newItems: boolean;
  weeklyNudge: boolean;
  weeklyNudgeSince: string | null;
}
interface Log {
  newItemsAt: string | null;
  nudgeAt: string | null;
}

const item = (n: number): ItemCreate => ({
  url: `https://example.com/news/${n}`,
  title: `News ${n}`,
  topics: ['company'],
  captions: [{ network: 'linkedin', text: `Worth a read (${n})` }],
});

async function connect({ backend, relay }: { backend: Backend; relay: RelayPages }) {
  await backend.createItem(item(1));
  await backend.createItem(item(2));
  const options = await relay.connect(backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  await expect(options.getByText('2 items synced')).toBeVisible();
  return options;
}

const newItemsBox = (options: Page) => options.getByRole('checkbox', { name: 'Tell me when new items arrive' });
const nudgeBox = (options: Page) =>
  options.getByRole('checkbox', { name: 'Remind me when I have not shared for a week' });
const reminderStatus = (options: Page) => options.locator('#reminders').getByRole('status');

test('new items: off by default, one click asks for notifications, at most one a day, one click off (settings page and the notification’s button)', async ({
  backend,
  relay,
  context,
}) => {
  test.setTimeout(120_000);
  const options = await connect({ backend, relay });
  const sw = await worker(context);

  // Both off, labelled, each with its promise described; nothing granted yet.
  await expect(newItemsBox(options)).not.toBeChecked();
  await expect(nudgeBox(options)).not.toBeChecked();
  await expect(newItemsBox(options)).toHaveAccessibleDescription(/at most once a day/);
  await expect(nudgeBox(options)).toHaveAccessibleDescription(/only after 7 days without a share/);
  expect(await hasPermission(sw)).toBe(false);
  expect(await hasNotificationsApi(sw)).toBe(false);
  expect(await hourlyAlarm(sw)).toBeNull();

  // What the person has seen: opening the popup marks the two items as seen.
  const popup = await relay.openPopup();
  await expect.poll(() => stored<string | null>(sw, LOCAL_KEYS.popupOpenedAt)).toBeTruthy();
  await popup.close();

  // One click: Chromium grants the optional permission and the extension gets chrome.notifications.
  await newItemsBox(options).click();
  await expect(newItemsBox(options)).toBeChecked();
  await expect(reminderStatus(options)).toHaveText('New-item reminders are on.');
  await expect.poll(() => hasPermission(sw)).toBe(true);
  expect(await hasNotificationsApi(sw)).toBe(true);
  expect(await stored<Prefs>(sw, LOCAL_KEYS.reminderPrefs)).toMatchObject({ newItems: true, weeklyNudge: false });
  await expect.poll(() => hourlyAlarm(sw), { message: 'the hourly check exists while a reminder is on' }).toBe(60);
  // Turning it on announces nothing by itself.
  expect(await shown(sw)).toEqual([]);

  // A curator publishes an item; a sync (the settings page's button) brings it and the notification.
  await backend.createItem(item(3));
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByText('3 items synced')).toBeVisible();
  await expect.poll(() => shown(sw), { message: 'a new-items notification after the sync' }).toEqual([NEW_ITEMS]);
  const first = await stored<Log>(sw, LOCAL_KEYS.reminderLog);
  expect(first.newItemsAt).not.toBeNull();

  // The person dismisses it. Later the same day another item arrives, and this time the weekly nudge is due
  // as well (turned on 8 days ago, no share since): the nudge showing proves the reminder check ran after
  // this sync, in the same pass that must leave the new item unannounced.
  await sw.evaluate((id) => chrome.notifications!.clear(id), NEW_ITEMS);
  expect(await shown(sw)).toEqual([]);
  await nudgeBox(options).click();
  await expect(nudgeBox(options)).toBeChecked();
  await expect(reminderStatus(options)).toHaveText('Weekly reminders are on.');
  const prefs = await stored<Prefs>(sw, LOCAL_KEYS.reminderPrefs);
  expect(prefs).toMatchObject({ newItems: true, weeklyNudge: true });
  await writeStored(sw, {
    [LOCAL_KEYS.reminderPrefs]: { ...prefs, weeklyNudgeSince: new Date(Date.now() - 8 * DAY_MS).toISOString() },
  });
  await backend.createItem(item(4));
  await fireAlarm(sw, 'sync-queue');
  await expect(options.getByText('4 items synced')).toBeVisible();
  await expect
    .poll(() => shown(sw), { message: 'the weekly nudge, and no second new-items notification today' })
    .toEqual([NUDGE]);
  const second = await stored<Log>(sw, LOCAL_KEYS.reminderLog);
  expect(second.newItemsAt, 'the day’s new-items notification is still the first one').toBe(first.newItemsAt);
  expect(second.nudgeAt).not.toBeNull();

  // "Turn off these reminders" on the nudge: that reminder goes off, the other stays, the hourly check stays.
  await sw.evaluate((id) => chrome.notifications!.onButtonClicked.dispatch(id, 0), NUDGE);
  await expect(nudgeBox(options), 'the settings page follows at once').not.toBeChecked();
  await expect
    .poll(() => stored<Prefs>(sw, LOCAL_KEYS.reminderPrefs))
    .toEqual({ newItems: true, weeklyNudge: false, weeklyNudgeSince: null });
  await expect.poll(() => shown(sw), { message: 'the notification goes with its button' }).toEqual([]);
  expect(await hourlyAlarm(sw)).toBe(60);
  expect(await hasPermission(sw), 'new items are still on').toBe(true);

  // One click on the settings page turns the last one off: no hourly check, and the permission goes back.
  await newItemsBox(options).click();
  await expect(newItemsBox(options)).not.toBeChecked();
  await expect(reminderStatus(options)).toHaveText('New-item reminders are off.');
  await expect.poll(() => hourlyAlarm(sw), { message: 'no hourly alarm once both are off' }).toBeNull();
  await expect
    .poll(() => hasPermission(sw), { message: 'nothing to notify about: the permission is given back' })
    .toBe(false);

  // On again later: no second question (Chromium remembers the grant), and the button still answers in
  // this same worker, whose notifications API went away and came back in between.
  await newItemsBox(options).click();
  await expect(newItemsBox(options)).toBeChecked();
  await expect.poll(() => hasPermission(sw)).toBe(true);
  await expect.poll(() => hourlyAlarm(sw)).toBe(60);
  await sw.evaluate((id) => chrome.notifications!.onButtonClicked.dispatch(id, 0), NEW_ITEMS);
  await expect(newItemsBox(options)).not.toBeChecked();
  await expect
    .poll(() => stored<Prefs>(sw, LOCAL_KEYS.reminderPrefs))
    .toEqual({ newItems: false, weeklyNudge: false, weeklyNudgeSince: null });
  await expect.poll(() => hourlyAlarm(sw)).toBeNull();
  await expect
    .poll(() => hasPermission(sw), 'the last reminder turned off from its button gives the permission back too')
    .toBe(false);
});

test('the hourly check nudges after a week without a share; a click on the nudge opens the settings at the reminders (the way to turn them off where notifications have no buttons)', async ({
  backend,
  relay,
  context,
}) => {
  const options = await connect({ backend, relay });
  const sw = await worker(context);
  await nudgeBox(options).click();
  await expect(nudgeBox(options)).toBeChecked();
  await expect.poll(() => hasNotificationsApi(sw)).toBe(true);

  // Someone who never shared, with the nudge on for 8 days: the hourly check nudges, no sync needed.
  const prefs = await stored<Prefs>(sw, LOCAL_KEYS.reminderPrefs);
  await writeStored(sw, {
    [LOCAL_KEYS.reminderPrefs]: { ...prefs, weeklyNudgeSince: new Date(Date.now() - 8 * DAY_MS).toISOString() },
  });
  await fireAlarm(sw, 'reminders');
  await expect.poll(() => shown(sw)).toEqual([NUDGE]);

  const opened = context.waitForEvent('page');
  await sw.evaluate((id) => chrome.notifications!.onClicked.dispatch(id), NUDGE);
  const settings = await opened;
  await settings.waitForLoadState();
  expect(new URL(settings.url()).pathname + new URL(settings.url()).hash).toBe('/options.html#reminders');
  await expect(settings.getByRole('region', { name: 'Reminders' })).toBeFocused();
  await expect(nudgeBox(settings)).toBeChecked();
  await expect.poll(() => shown(sw), { message: 'the notification goes once it has been clicked' }).toEqual([]);
});
