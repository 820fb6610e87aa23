/**
 * The popup's first screen comes from one storage read: a snapshot of the queue's head that the background
 * keeps equal to its cache (lib/db/head.ts). With a real backend: the snapshot follows a
 * connect, a sync that brings a new item, a change of topics and a disconnect; and the popup paints its
 * first cards from it, then shows the whole list from IndexedDB.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { LOCAL_KEYS, readStored, writeStored } from '../helpers/storage';

interface Snapshot {
  version: number;
  topics: string;
  rows: { id: string; title: string }[];
}
/** The snapshot as stored, read from one of the extension's pages. */
const snapshot = async (page: Page) => (await readStored<Snapshot>(page, LOCAL_KEYS.queueHead)) ?? null;
const snapshotTitles = async (page: Page) => (await snapshot(page))?.rows.map((r) => r.title) ?? null;

test('the background keeps the popup’s snapshot of the queue’s head equal to its cache', async ({ backend, relay }) => {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Aino Virtanen'));
  await expect(options.getByText(/Connected as Aino Virtanen/)).toBeVisible();
  const newestFirst = sampleItems.map((i) => i.title).reverse();
  await expect.poll(() => snapshotTitles(options)).toEqual(newestFirst);
  expect((await snapshot(options))?.topics).toBe('[]');

  // A sync that brings a new item (here: the settings page's "Sync now").
  const later = await backend.createItem({
    url: 'https://example.com/later',
    title: 'Published after the first sync',
    topics: ['hiring'],
    captions: [{ network: 'x', text: 'Fresh' }],
  });
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => snapshotTitles(options)).toEqual([later.title, ...newestFirst]);

  // Chosen topics (written as the settings page does): only their items, under their key.
  await writeStored(options, { [LOCAL_KEYS.topics]: ['Hiring'] });
  await expect.poll(() => snapshot(options)).toMatchObject({ topics: '["hiring"]' });
  expect(await snapshotTitles(options)).toEqual([later.title, 'We are hiring engineers']);

  await options.getByRole('button', { name: 'Disconnect' }).click();
  await expect.poll(() => snapshotTitles(options)).toEqual([]);
});

test('the popup paints its first cards from the snapshot, then shows the whole list', async ({ backend, relay }) => {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Lena Berg'));
  await expect(options.getByText(/Connected as Lena Berg/)).toBeVisible();
  await expect.poll(async () => (await snapshot(options))?.rows.length).toBe(sampleItems.length);

  // A snapshot that differs from the cache in one visible way: the popup can only show this title by
  // reading it. (The background rewrites the snapshot only when the cache or the topics change, and the
  // popup's own sync finds nothing new.)
  const written = (await snapshot(options))!;
  const marked = {
    ...written,
    rows: [{ ...written.rows[0]!, title: 'Painted from the snapshot' }, ...written.rows.slice(1)],
  };
  await writeStored(options, { [LOCAL_KEYS.queueHead]: marked });

  const popup = await options.context().newPage();
  // Every card title the popup ever renders, in order, from its very first frame on.
  await popup.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cardTitles: string[] }).__cardTitles = seen;
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('article h3'))
        if (!seen.includes(h.textContent ?? '')) seen.push(h.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await popup.goto(relay.popupUrl);
  // The whole list from IndexedDB replaces the first screen: the real title, all items.
  const titles = popup.getByRole('list', { name: 'Queue items' }).locator('article h3');
  await expect.poll(() => titles.allTextContents()).toEqual(sampleItems.map((i) => i.title).reverse());
  const rendered = await popup.evaluate(() => (globalThis as unknown as { __cardTitles: string[] }).__cardTitles);
  expect(rendered[0]).toBe('Painted from the snapshot');
});
