/**
 * The popup opens on what to share: at its real size (400×600) the reach figures and the first card with
 * its share buttons are on screen without scrolling; the reach details and the other caption variants are one
 * click away; and nothing moves while the first screen (the background's snapshot) is replaced by the whole
 * list from IndexedDB.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { LOCAL_KEYS, readStored } from '../helpers/storage';

const VIEWPORT = { width: 400, height: 600 };

/** A normal queue: the sample items and a few dozen more, each with a caption per network. */
const extraItems = Array.from({ length: 30 }, (_, i) => ({
  url: `https://example.com/news/${i}`,
  title: `Company news number ${i + 1}: what changed this week and why it matters`,
  topics: [i % 2 ? 'company' : 'engineering'],
  captions: [
    {
      network: 'linkedin' as const,
      text: `A longer LinkedIn caption about news ${i + 1}, with a second sentence that runs over two lines.`,
    },
    { network: 'x' as const, text: `News ${i + 1} in a line` },
  ],
  publishAt: '2026-01-01T00:00:00Z',
}));

interface Shift {
  value: number;
  hadRecentInput: boolean;
  /** What moved, for the failure message: tag and class of each shifted node. */
  moved: string[];
}
interface ShiftEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Element | null }[];
}

/** Every layout shift the page reports from its first frame on (Layout Instability API). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (globalThis as unknown as { __shifts: Shift[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as ShiftEntry[]) {
        const moved = e.sources.map((s) => (s.node ? `${s.node.nodeName.toLowerCase()}.${s.node.className}` : '?'));
        shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shifts = (page: Page) => page.evaluate(() => (globalThis as unknown as { __shifts: Shift[] }).__shifts);

/** The element lies wholly inside the viewport as the page is now (no scrolling done). */
async function expectOnFirstScreen(el: Locator): Promise<void> {
  const box = await el.boundingBox();
  expect(box, 'rendered').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
}

test('at 400×600 the reach figures and the first card’s share buttons show without scrolling, and nothing jumps', async ({
  backend,
  relay,
}) => {
  for (const item of [...extraItems, ...sampleItems]) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Jana Novak'));
  await expect(options.getByText(/Connected as Jana Novak/)).toBeVisible();
  const total = extraItems.length + sampleItems.length;
  await expect(options.getByText(`${total} items synced`)).toBeVisible();
  // What the first frame is painted from: the background's snapshot of the queue's head and the reach cache.
  await expect.poll(() => readStored(options, LOCAL_KEYS.queueHead)).toMatchObject({ rows: { length: 15 } });
  await expect.poll(async () => (await readStored(options, LOCAL_KEYS.reachCache)) ?? null).not.toBeNull();

  const popup = await options.context().newPage();
  await popup.setViewportSize(VIEWPORT);
  await recordShifts(popup);
  await popup.goto(relay.popupUrl);
  await expect(popup.getByRole('status').filter({ hasText: `${total} items` })).toBeVisible();
  await popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  // First screen, no scrolling: three labelled reach figures, and the newest item's three buttons.
  expect(await popup.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  const reach = popup.getByRole('region', { name: 'This month' });
  const terms = reach.getByRole('term');
  await expect(terms).toHaveText(['Reach', 'Clicks', 'Shares']);
  for (const figure of await reach.getByRole('definition').all()) await expectOnFirstScreen(figure);
  const first = popup.getByRole('list', { name: 'Queue items' }).getByRole('article').first();
  await expect(first).toHaveAccessibleName(sampleItems.at(-1)!.title);
  for (const name of ['Share on LinkedIn', 'Share on X', 'Copy'])
    await expectOnFirstScreen(first.getByRole('button', { name, exact: true }));
  // Folded, a card is a few lines: its captions, not an editor.
  const cardBox = (await first.boundingBox())!;
  expect(cardBox.height).toBeLessThanOrEqual(210);
  await expect(first.getByRole('textbox')).toHaveCount(0);

  // The first paint came from the snapshot and the whole list replaced it: no shift on the way.
  const moved = (await shifts(popup)).filter((s) => !s.hadRecentInput);
  expect(moved, 'layout shifts while the popup loaded').toEqual([]);

  // One click: the reach details.
  const details = reach.getByRole('button', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await expect(reach.getByRole('table')).toBeHidden();
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(reach.getByRole('row', { name: /^LinkedIn / })).toBeVisible();
  await expect(reach.getByText(/Streak:/)).toBeVisible();
  await details.click();
  await expect(reach.getByRole('table')).toBeHidden();

  // One click: every variant and the editors, in place (the annual report has two LinkedIn variants).
  const report = popup.getByRole('article', { name: 'Our annual report 2026' });
  await report.scrollIntoViewIfNeeded();
  const before = (await report.boundingBox())!.y;
  const personalise = report.getByRole('button', { name: 'Personalise' });
  await personalise.click();
  await expect(personalise).toHaveAttribute('aria-expanded', 'true');
  const linkedin = report.getByRole('region', { name: 'LinkedIn' });
  await expect(linkedin.getByRole('radio')).toHaveCount(2);
  await linkedin.getByRole('radio', { name: "L'informe anual és aquí: col·laboració i creixement 🎉" }).check();
  await expect(linkedin.getByRole('textbox', { name: 'Your LinkedIn post' })).toHaveValue(/^L'informe anual és aquí/);
  await expect(linkedin.getByText('Add a sentence of your own — personal posts get more engagement')).toBeVisible();
  expect((await report.boundingBox())!.y).toBe(before);
  // Folded again, the card shows and shares the variant chosen.
  await personalise.click();
  await expect(report.getByRole('region', { name: 'LinkedIn' })).toContainText("L'informe anual és aquí");
});

test('empty and edge states: not connected, and nothing to share', async ({ backend, relay }) => {
  const popup = await relay.openPopup();
  await popup.setViewportSize(VIEWPORT);
  await expect(popup.getByText('Relay is not connected to your company’s server yet.')).toBeVisible();
  const open = popup.getByRole('button', { name: 'Open settings to connect' });
  await expectOnFirstScreen(open);
  await popup.close();

  const options = await relay.connect(backend.url, await backend.createInvite('Tomás Ruiz'));
  await expect(options.getByText(/Connected as Tomás Ruiz/)).toBeVisible();
  const empty = await relay.openPopup();
  await expect(
    empty.getByText('Nothing to share yet. New items appear here when your organisers add them.'),
  ).toBeVisible();
  await expect(empty.getByRole('region', { name: 'This month' }).getByRole('definition')).toHaveText(['0', '0', '0']);
});
