/**
 * History, reach card and toolbar badge, end to end: the built extension in Chromium, the real backend, a
 * share made the way people make them (Relay's caption inserted into X's composer, the person presses Post),
 * a reader's click on the tracked link, then a sync. The badge is read from the service worker itself.
 */
import type { Page, Worker } from '@playwright/test';
import { captions, expect, expectShareRecorded, insertOnXHome, postOnXHome, test } from '../helpers/composer';

/** The extension API inside the service worker, as much as these tests use of it. */
declare const chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };

/** A reader's browser, not a bot (bots' clicks are not counted). */
const READER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function worker(page: Page): Promise<Worker> {
  const ctx = page.context();
  return ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
}
const badgeText = (sw: Worker) => sw.evaluate(() => chrome.action.getBadgeText({}));
const badgeTitle = (sw: Worker) => sw.evaluate(() => chrome.action.getTitle({}));

/** Post Relay's X caption for the pinned item from the X fixture, as a person would. */
async function shareOnX(page: Page, caption: string, link: string) {
  await insertOnXHome(page, caption, link);
  await postOnXHome(page);
}

test('a share shows in History; after a reader clicks its tracked link, a sync brings the reach to the toolbar badge and the click to the reach card', async ({
  backend,
  relay,
  context,
  connect,
}) => {
  test.setTimeout(120_000);
  const user = await connect('multiline');
  const options = user.options;
  const sw = await worker(options);

  // Connected, nothing shared yet: no number, only the new-items mark (the popup was never opened).
  await expect.poll(() => badgeText(sw)).toBe('•');
  expect(await badgeTitle(sw)).toMatch(/new items to share since you last opened Relay/);

  // A bigger X audience, set on the settings page: reach per share on X becomes 1,231 (1.2k on the badge).
  await options.getByLabel('X followers').fill('1231');
  await options.getByRole('button', { name: 'Save audience' }).click();
  await expect(options.getByText('Saved, and sent to your company’s server.')).toBeVisible();

  const link = user.link('multiline', 'x');
  const x = await context.newPage();
  await shareOnX(x, captions.multiline.x, link);
  await expectShareRecorded(backend, user.token, 'x');
  // Delivering a share is not a sync: the badge waits for the next one.
  expect(await badgeText(sw)).toBe('•');

  // A reader clicks the tracked link (redirect, click counted on the server).
  const code = new URL(link).pathname.split('/').at(-1)!;
  const res = await fetch(`${backend.url}/r/${code}`, {
    redirect: 'manual',
    headers: { 'User-Agent': READER_UA, Accept: 'text/html' },
  });
  expect(res.status).toBe(302);
  await expect.poll(async () => (await backend.reach(user.token)).clicks).toBe(1);

  // A sync (what the alarm or opening the popup does) fetches this month's reach and repaints the badge.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() => badgeText(sw), { message: 'badge shows this month’s reach in compact form' })
    .toMatch(/^1\.2k•?$/);
  expect(await badgeTitle(sw)).toContain('Your reach this month: 1,231.');

  // Opening the popup marks the items as seen: the mark goes, the number stays.
  const popup = await relay.openPopup();
  await expect.poll(() => badgeText(sw)).toBe('1.2k');
  expect(await badgeTitle(sw)).toBe('Relay — Your reach this month: 1,231.');

  // The reach card, first thing in the popup, with the click counted.
  const card = popup.getByRole('region', { name: 'This month' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('definition').nth(0)).toHaveText('1,231');
  await expect(card.getByRole('definition').nth(1)).toHaveText('1');
  await expect(card.getByRole('definition').nth(2)).toHaveText('1');
  // The split per network, rank, streak, weeks and badges: one click away.
  await card.getByRole('button', { name: 'Details' }).click();
  await expect(card.getByRole('row', { name: /^X 1,231 1 1$/ })).toBeVisible();
  await expect(card.getByText('1st of 1')).toBeVisible();
  await expect(card.getByText('1-week streak')).toBeVisible();
  await expect(card.getByRole('img', { name: /Reach per week over the last 12 weeks: .*1,231\./ })).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'First share' })).toContainText('Earned');

  // History: the share, its network, time and the caption as the composer had it (the panel does not know
  // the final text, so none is shown), synced.
  await popup.getByRole('tab', { name: 'History' }).click();
  const history = popup.getByRole('list').filter({ has: popup.getByText('Item multiline') });
  const entry = history.getByRole('listitem').filter({ hasText: 'Item multiline' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('X');
  await expect(entry).toContainText('Synced');
  await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT.*Z$/);
  await expect(popup.getByText(/This month:\s*1 share/)).toBeVisible();
});

test('History pages through older shares with a real button, and follows new ones live', async ({
  relay,
  context,
  connect,
}) => {
  test.setTimeout(90_000);
  const user = await connect('catalan');
  // 120 earlier shares, written as the background would (history rows), from the extension's own page.
  const popup = await relay.openPopup();
  await popup.evaluate(async () => {
    const open = indexedDB.open('relay');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('history', 'readwrite');
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let n = 0; n < 120; n++) {
      tx.objectStore('history').put({
        id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
        itemId: '00000000-0000-4000-8000-000000000000',
        network: n % 2 ? 'x' : 'linkedin',
        edited: false,
        sharedAt: new Date(base + n * 60_000).toISOString(),
        title: `Older share ${n}`,
        text: `Caption ${n}`,
        state: 'synced',
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await popup.reload();
  await popup.getByRole('tab', { name: 'History' }).click();
  const entries = popup.locator('.history-entry');
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toContainText('Older share 119');
  await expect(entries.first()).toContainText('Caption 119');

  const more = popup.getByRole('button', { name: 'Show older' });
  await more.focus();
  await popup.keyboard.press('Enter');
  await expect(entries).toHaveCount(100);
  // Keyboard users land on the first share added.
  await expect(entries.nth(50)).toBeFocused();
  await expect(entries.nth(50)).toContainText('Older share 69');
  await more.click();
  await expect(entries).toHaveCount(120);
  await expect(popup.getByRole('button', { name: 'Show older' })).toHaveCount(0);
  await expect(popup.getByText('That is all your shares.')).toBeVisible();

  // A new share while History is open: it appears on top, the pages already shown stay.
  const x = await context.newPage();
  await shareOnX(x, captions.catalan.x, user.link('catalan', 'x'));
  await expect(entries).toHaveCount(121);
  await expect(entries.first()).toContainText('Item catalan');
  await expect(entries.first()).toContainText(/Waiting to sync|Synced/);
  await expect(entries.first()).toContainText('Synced');
});
