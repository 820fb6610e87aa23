/**
 * What only LinkedIn's share box has: the dialog in a shadow root, Quill 2, and look-alike editors (comments,
 * messaging) that must get no panel. The cases both networks share are in composer-insert.spec.ts.
 */
import type { Locator } from '@playwright/test';
import {
  captions,
  composerSites,
  expect,
  expectEditorText,
  insertButton,
  panels,
  quillText,
  test,
} from '../helpers/composer';

const linkedin = composerSites.linkedin;
const editorIn = (scope: Locator) => scope.getByRole('textbox', { name: 'Text editor for creating content' });

test('share dialog inside the open shadow root of div#interop-outlet: a Russian caption arrives intact', async ({
  connectAndOpen,
}) => {
  const { user: relayUser, page } = await connectAndOpen('https://www.linkedin.com/feed/?shadow=1', 'russian');
  await page.getByRole('button', { name: 'Start a post' }).click();
  await expect(page.locator('#interop-outlet').getByRole('dialog')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await insertButton(panel, captions.russian.linkedin).click();
  await expectEditorText(() => quillText(page), captions.russian.linkedin, relayUser.link('russian', 'linkedin'));
  await linkedin.expectPostEnabled(page, true);
});

test('Quill 2: a Catalan caption with emoji arrives intact', async ({ connectAndOpen }) => {
  const { user: relayUser, page } = await connectAndOpen('https://www.linkedin.com/feed/?quill=2&open=1', 'catalan');
  await expect(linkedin.editor(page)).toBeVisible();
  await insertButton(panels(page), captions.catalan.linkedin).click();
  await expectEditorText(() => quillText(page), captions.catalan.linkedin, relayUser.link('catalan', 'linkedin'));
  await linkedin.expectPostEnabled(page, true);
});

test('the comment box (same editor, same aria-label) and the messaging box get no panel', async ({
  connectAndOpen,
}) => {
  const { page } = await connectAndOpen('https://www.linkedin.com/feed/');
  const comments = page.locator('.comments-comment-box');
  const messaging = page.locator('.msg-form');
  await expect(editorIn(comments)).toBeVisible();
  await expect(messaging.getByRole('textbox')).toBeVisible();

  await page.getByRole('button', { name: 'Start a post' }).click();
  await expect(linkedin.editor(page)).toBeVisible();
  // The share box got its panel, so Relay has looked at this page: the others must still have none.
  await expect(panels(page)).toHaveCount(1);
  await expect(panels(comments)).toHaveCount(0);
  await expect(panels(messaging)).toHaveCount(0);
  await expect(panels(page.locator('#msg-overlay'))).toHaveCount(0);
});
