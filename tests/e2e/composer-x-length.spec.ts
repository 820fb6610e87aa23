/**
 * X's remaining length in the page: each caption in the panel says what would remain of X's 280 after
 * inserting it where the caret is, counted with X's own weights. The oracle is `twitter-text` (X's library),
 * run on the text that actually ends up in the Draft.js state. A caption that would go over is refused with a
 * message, not inserted.
 */
import type { Locator } from '@playwright/test';
import twitter from 'twitter-text';
import { insertionText } from '../../lib/captions/insertion';
import { captions, expect, insertButton, panels, statusMessage, test, xText } from '../helpers/composer';

/** The count line a caption's Insert button is described by (aria-describedby, inside the panel's shadow root). */
async function countFor(panel: Locator, button: Locator): Promise<string> {
  const id = await button.getAttribute('aria-describedby');
  expect(id, 'Insert is described by its count').toBeTruthy();
  return (await panel.locator(`[id="${id}"]`).textContent()) ?? '';
}

const leftIn = (text: string) => {
  const m = /^(\d+) characters left after inserting$/.exec(text.trim());
  if (!m) throw new Error(`not a remaining count: "${text}"`);
  return Number(m[1]);
};

test('the panel shows what remains of 280, as X counts it, and follows what the person types', async ({
  connectAndOpen,
}) => {
  const { user: relayUser, page } = await connectAndOpen('https://x.com/home');
  const panel = panels(page);
  const insert = insertButton(panel, captions.multiline.x);
  await expect(insert).toBeVisible();
  const empty = leftIn(await countFor(panel, insert));

  // Typing in the editor changes what would remain.
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  const typed = '日本のチームから 👋';
  await page.keyboard.type(typed);
  await expect.poll(() => xText(page)).toBe(typed);
  // What the post will be once inserted, and what X will count of it: the panel must come to say that.
  const link = relayUser.link('multiline', 'x');
  const expected = 280 - twitter.parseTweet(typed + insertionText(captions.multiline.x, link, typed)).weightedLength;
  expect(expected).toBeLessThan(empty);
  await expect
    .poll(async () => leftIn(await countFor(panel, insert)), { message: 'the count follows the typed text' })
    .toBe(expected);

  await insert.click();
  await expect.poll(() => xText(page)).toContain(link);
  const posted = await xText(page);
  expect(expected, `what the panel showed = 280 − X's weighted length of ${JSON.stringify(posted)}`).toBe(
    280 - twitter.parseTweet(posted).weightedLength,
  );
});

test('a caption that would go over 280 is refused with a message, not inserted', async ({
  backend,
  connectAndOpen,
}) => {
  const long = '新しいレポートを公開しました。'.repeat(10); // 150 CJK characters: 300 as X counts them
  await backend.createItem({
    url: 'https://example.com/news/long?ref=feed',
    title: 'Item long',
    topics: ['company'],
    captions: [{ network: 'x', text: long, language: 'ja' }],
  });
  const { page } = await connectAndOpen('https://x.com/home');
  const panel = panels(page);
  const insert = insertButton(panel, long);
  await expect(insert).toBeVisible();

  const count = await countFor(panel, insert);
  const over = Number(/^(\d+) characters over X’s 280 limit/.exec(count.trim())?.[1]);
  // At least the caption's own 300 − 280; the separator and the tracked link add to it.
  expect(over, count).toBeGreaterThan(20);
  await expect(insert).toHaveAttribute('aria-disabled', 'true');

  // Pressed anyway (from the keyboard): a message, nothing in the editor, nothing copied in its place.
  await insert.focus();
  await page.keyboard.press('Enter');
  await expect(statusMessage(page)).toContainText(`Too long for X by ${over} characters, so it was not inserted`);
  expect(await xText(page)).toBe('');
  await expect(page.locator('[data-testid="tweetButtonInline"]')).toHaveAttribute('aria-disabled', 'true');
});
