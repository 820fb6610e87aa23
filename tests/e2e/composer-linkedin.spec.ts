/**
 * Relay inside LinkedIn's share box: the built extension in Chromium, the real backend, and the LinkedIn
 * fixture (real Quill 1.3.7, or Quill 2) served on https://www.linkedin.com/. Text is checked with
 * `quill.getText()`, never innerText; Post is pressed by the test, never by Relay.
 */
import type { Locator } from '@playwright/test';
import {
  captions,
  expect,
  expectEditorText,
  expectInserted,
  expectInsertedAtCaret,
  expectShareRecorded,
  insertButton,
  panels,
  quillText,
  seedAndConnect,
  statusMessage,
  test,
} from '../helpers/composer';

const editorIn = (scope: Locator) =>
  scope.getByRole('textbox', { name: 'Text editor for creating content' });

test('share dialog (Quill 1, light DOM): multi-line caption and link in quill.getText(); Post records the share', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  test.setTimeout(90_000);
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.getByRole('button', { name: 'Start a post' }).click();
  const dialog = page.getByRole('dialog');
  await expect(editorIn(dialog)).toBeVisible();
  const post = page.locator('.share-actions__primary-action');
  await expect(post).toBeDisabled();

  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(insertButton(panel, captions.multiline.x)).toHaveCount(0); // LinkedIn captions only
  await insertButton(panel, captions.multiline.linkedin).click();
  await expect(statusMessage(page)).toBeVisible();
  await expectEditorText(() => quillText(page), captions.multiline.linkedin, relayUser.link('multiline', 'linkedin'));
  await expect(post).toBeEnabled();
  expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

  await post.click();
  await expect.poll(() => page.evaluate(() => window.__posted.map((p) => p.name))).toEqual(['share']);
  await expectShareRecorded(backend, relayUser.token, 'linkedin');
});

test('share dialog inside the open shadow root of div#interop-outlet: a Russian caption arrives intact', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'russian');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?shadow=1');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await expect(page.locator('#interop-outlet').getByRole('dialog')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await insertButton(panel, captions.russian.linkedin).click();
  await expectEditorText(() => quillText(page), captions.russian.linkedin, relayUser.link('russian', 'linkedin'));
  await expect(page.locator('.share-actions__primary-action')).toBeEnabled();
});

test('Quill 2: a Catalan caption with emoji arrives intact', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'catalan');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?quill=2&open=1');
  await expect(editorIn(page.getByRole('dialog'))).toBeVisible();
  await insertButton(panels(page), captions.catalan.linkedin).click();
  await expectEditorText(() => quillText(page), captions.catalan.linkedin, relayUser.link('catalan', 'linkedin'));
  await expect(page.locator('.share-actions__primary-action')).toBeEnabled();
});

test('text already typed is kept: the caption and link are added after it', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?open=1');
  await editorIn(page.getByRole('dialog')).click();
  await page.keyboard.type('A few words of my own.');
  await expect.poll(() => quillText(page)).toBe('A few words of my own.');
  await insertButton(panels(page), captions.multiline.linkedin).click();
  await expectEditorText(
    () => quillText(page),
    captions.multiline.linkedin,
    relayUser.link('multiline', 'linkedin'),
    'A few words of my own.',
  );
});

test('the caption goes in at the caret the person left, not at the end', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'russian');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?open=1');
  await editorIn(page.getByRole('dialog')).click();
  await page.keyboard.type('Before. After.');
  for (let i = 0; i < 'After.'.length; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => quillText(page)).toBe('Before. After.');

  await insertButton(panels(page), captions.russian.linkedin).click();
  const link = relayUser.link('russian', 'linkedin');
  await expect.poll(() => quillText(page)).toContain(link);
  expectInsertedAtCaret(await quillText(page), captions.russian.linkedin, link, 'Before.', 'After.');
});

test('a hostile caption arrives as those characters: no element is created, no script runs', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'hostile');
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('https://www.linkedin.com/feed/?open=1');
  await insertButton(panels(page), captions.hostile.linkedin).click();
  await expectEditorText(() => quillText(page), captions.hostile.linkedin, relayUser.link('hostile', 'linkedin'));
  await expect(page.locator('.ql-editor img')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs, 'no alert() ran').toEqual([]);
});

test('the comment box (same editor, same aria-label) and the messaging box get no panel', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const comments = page.locator('.comments-comment-box');
  const messaging = page.locator('.msg-form');
  await expect(editorIn(comments)).toBeVisible();
  await expect(messaging.getByRole('textbox')).toBeVisible();

  await page.getByRole('button', { name: 'Start a post' }).click();
  await expect(editorIn(page.getByRole('dialog'))).toBeVisible();
  // The share box got its panel, so Relay has looked at this page: the others must still have none.
  await expect(panels(page)).toHaveCount(1);
  await expect(panels(comments)).toHaveCount(0);
  await expect(panels(messaging)).toHaveCount(0);
  await expect(panels(page.locator('#msg-overlay'))).toHaveCount(0);
});

test('an editor that refuses the text: Relay copies it to the clipboard and says so', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?open=1&reject=1');
  await insertButton(panels(page), captions.multiline.linkedin).click();
  await expect(statusMessage(page)).toContainText(/clipboard|paste/i);
  expect(await quillText(page), 'the refusing editor stayed empty').toBe('');
  await expect(page.locator('.share-actions__primary-action')).toBeDisabled();

  await page.bringToFront();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expectInserted(clip.trim(), captions.multiline.linkedin, relayUser.link('multiline', 'linkedin'));
});
