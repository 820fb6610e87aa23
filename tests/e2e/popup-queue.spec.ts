/**
 * The popup's queue with a real backend: tabs, topic chips, search, "new" marks, and the quiet banner
 * when the server cannot be reached.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { LOCAL_KEYS, writeStored } from '../helpers/storage';

const titles = sampleItems.map((i) => i.title);

/** The titles of the cards the popup shows, in order. */
const shownTitles = (popup: Page) =>
  popup.getByRole('list', { name: 'Queue items' }).locator('article h3').allTextContents();

test('tabs, topic chips, search and the queue order', async ({ backend, relay }) => {
  for (const item of sampleItems) await backend.createItem(item);
  const pinned = await backend.createItem({
    url: 'https://example.com/pinned',
    title: 'Pinned: read this first',
    topics: ['company'],
    pinned: true,
    publishAt: '2026-01-01T00:00:00Z',
    captions: [{ network: 'linkedin', text: 'Pinned words' }],
  });
  const options = await relay.connect(backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();

  const popup = await relay.openPopup();
  const queueTab = popup.getByRole('tab', { name: 'Queue' });
  const historyTab = popup.getByRole('tab', { name: 'History' });
  await expect(queueTab).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tabpanel', { name: 'Queue' })).toBeVisible();

  // Pinned first, then newest first (the sample items were published in creation order).
  await expect.poll(() => shownTitles(popup)).toEqual([pinned.title, ...[...titles].reverse()]);
  // Each card: source domain, topics and its share buttons, without another click.
  const report = popup.getByRole('article', { name: 'Our annual report 2026' });
  await expect(report.getByText('example.com', { exact: true })).toBeVisible();
  await expect(report.getByRole('list', { name: 'Topics' })).toContainText('finance');
  await expect(report.getByRole('button', { name: 'Share on LinkedIn' })).toBeVisible();
  await expect(report.getByRole('button', { name: 'Share on X' })).toBeVisible();
  await expect(popup.getByRole('article', { name: pinned.title }).getByText('Pinned', { exact: true })).toBeVisible();

  // Topic chips: one shows only its topic, pressing it again shows everything.
  const hiring = popup.getByRole('group', { name: 'Filter by topic' }).getByRole('button', { name: 'hiring' });
  await expect(hiring).toHaveAttribute('aria-pressed', 'false');
  await hiring.click();
  await expect(hiring).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shownTitles(popup)).toEqual(['We are hiring engineers']);
  await hiring.click();
  await expect(hiring).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => shownTitles(popup)).toHaveLength(4);

  // Search: case- and accent-insensitive, over titles, summaries, captions and topics.
  const search = popup.getByRole('searchbox', { name: 'Search the queue' });
  await search.fill('INFORME ANUAL ES AQUI');
  await expect.poll(() => shownTitles(popup)).toEqual(['Our annual report 2026']);
  await search.fill('открываем');
  await expect.poll(() => shownTitles(popup)).toEqual(['Почему мы открываем исходный код']);
  await search.fill('open-source');
  await expect.poll(() => shownTitles(popup)).toEqual(['Почему мы открываем исходный код']);
  await search.fill('nothing like this');
  await expect(popup.getByText('No items match.')).toBeVisible();
  await popup.getByRole('button', { name: 'Show all items' }).click();
  await expect.poll(() => shownTitles(popup)).toHaveLength(4);
  await expect(search).toHaveValue('');

  // Keyboard: arrows move between tabs, and the filter survives the trip.
  await search.fill('hiring');
  await queueTab.focus();
  await popup.keyboard.press('ArrowRight');
  await expect(historyTab).toBeFocused();
  await expect(historyTab).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tabpanel', { name: 'History' })).toBeVisible();
  await expect(popup.getByRole('tabpanel', { name: 'Queue' })).toBeHidden();
  await popup.keyboard.press('ArrowLeft');
  await expect(queueTab).toBeFocused();
  await expect(queueTab).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveValue('hiring');
});

test('the employee’s topics are preselected, and items are "new" until the popup has been opened', async ({
  backend,
  relay,
}) => {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Ivan Petrov'));
  await expect(options.getByText(/Connected as Ivan Petrov/)).toBeVisible();
  // The topics the employee chose in settings (one the queue does not have is ignored).
  await writeStored(options, { [LOCAL_KEYS.topics]: ['hiring', 'gardening'] });

  const popup = await relay.openPopup();
  const chips = popup.getByRole('group', { name: 'Filter by topic' });
  await expect(chips.getByRole('button', { name: 'hiring' })).toHaveAttribute('aria-pressed', 'true');
  await expect(chips.getByRole('button', { name: 'finance' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => shownTitles(popup)).toEqual(['We are hiring engineers']);
  // First open: everything is new.
  await expect(
    popup.getByRole('article', { name: 'We are hiring engineers' }).getByText('New', { exact: true }),
  ).toBeVisible();
  await chips.getByRole('button', { name: 'hiring' }).click();
  await expect.poll(() => shownTitles(popup)).toHaveLength(3);
  await expect(popup.locator('.mark.new')).toHaveCount(3);
  await popup.close();

  // Seen now; an item published afterwards is the only new one at the next open.
  const later = await backend.createItem({
    url: 'https://example.com/later',
    title: 'Published after the last open',
    topics: ['hiring'],
    captions: [{ network: 'x', text: 'Fresh' }],
  });
  const again = await relay.openPopup();
  await expect(again.getByRole('article', { name: later.title })).toBeVisible();
  await expect(again.getByRole('article', { name: later.title }).getByText('New', { exact: true })).toBeVisible();
  await expect(again.locator('.mark.new')).toHaveCount(1);
});

test('a quiet status banner when the server cannot be reached; the cached queue stays', async ({ backend, relay }) => {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Marta Rossi'));
  await expect(options.getByText(/Connected as Marta Rossi/)).toBeVisible();
  const popup = await relay.openPopup();
  await expect.poll(() => shownTitles(popup)).toHaveLength(3);
  await expect(popup.getByRole('status').filter({ hasText: /reach the server/ })).toHaveCount(0);

  expect(await backend.stop()).toBe(0);
  await popup.reload();
  await expect(
    popup.getByRole('status').filter({ hasText: 'Can’t reach the server — showing saved items' }),
  ).toBeVisible();
  await expect.poll(() => shownTitles(popup)).toHaveLength(3);
});

test('a long queue is rendered in steps and stays one list reachable by keyboard', async ({ backend, relay }) => {
  for (let i = 0; i < 20; i++) {
    await backend.createItem({
      url: `https://example.com/long/${i}`,
      title: `Long queue item ${i}`,
      topics: ['company'],
      captions: [{ network: 'x', text: `Words ${i}` }],
    });
  }
  const options = await relay.connect(backend.url, await backend.createInvite('Aiko Tanaka'));
  await expect(options.getByText(/Connected as Aiko Tanaka/)).toBeVisible();
  const popup = await relay.openPopup();
  const list = popup.getByRole('list', { name: 'Queue items' });
  await expect(popup.getByText('20 items', { exact: true })).toBeVisible();
  // The first step only (15 cards), and a way to ask for more that a keyboard reaches.
  await expect(list.getByRole('article')).toHaveCount(15);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '20');
  const more = list.getByRole('button', { name: 'Show more (5 left)' });
  await more.focus();
  await popup.keyboard.press('Enter');
  await expect(list.getByRole('article')).toHaveCount(20);
  await expect(list.getByRole('button', { name: /Show more/ })).toHaveCount(0);
  // Scrolling to the end also brings the rest: a new filter starts short again, then grows as it scrolls.
  const search = popup.getByRole('searchbox', { name: 'Search the queue' });
  await search.fill('long queue');
  await expect(list.getByRole('article')).toHaveCount(15);
  await list.getByRole('article').last().scrollIntoViewIfNeeded();
  await expect(list.getByRole('article')).toHaveCount(20);
});
