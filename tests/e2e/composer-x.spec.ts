/**
 * What only X has: the "Create post" dialog mounting late, twitter.com, the mobile textarea, and look-alike
 * editors (replies, direct messages) that must get no panel. The cases both networks share are in
 * composer-insert.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';
import {
  captions,
  composerSites,
  expect,
  expectEditorText,
  insertButton,
  panels,
  test,
  xText,
} from '../helpers/composer';

/**
 * A post composer put into the page by the test, in a "Create post" dialog of its own, once the box that must stay
 * without a panel is there: Relay's panel on it shows that Relay has looked at everything added before it.
 */
async function addControlComposer(page: Page): Promise<Locator> {
  await page.evaluate(() => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.dataset.control = 'composer';
    dialog.innerHTML =
      '<div class="DraftEditor-root"><div class="public-DraftEditor-content" data-testid="tweetTextarea_9" role="textbox" contenteditable="true"></div></div>';
    document.body.append(dialog);
  });
  return page.locator('[data-control="composer"]');
}

test('"Create post" dialog mounting late at /compose/post gets its panel; a Russian caption arrives intact', async ({
  connectAndOpen,
}) => {
  const { user: relayUser, page } = await connectAndOpen('https://x.com/compose/post', 'russian');
  const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
  // The dialog arrives about 1.5 s after load; the panel comes with it, not before.
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);

  await insertButton(panel, captions.russian.x).click();
  await expectEditorText(() => xText(page, 'dialog'), captions.russian.x, relayUser.link('russian', 'x'));
  await expect(dialog.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'false');
});

test('twitter.com works the same; a Catalan caption keeps its punt volat and emoji', async ({ connectAndOpen }) => {
  const { user: relayUser, page } = await connectAndOpen('https://twitter.com/home', 'catalan');
  const panel = panels(page);
  await insertButton(panel, captions.catalan.x).click();
  await expectEditorText(() => xText(page), captions.catalan.x, relayUser.link('catalan', 'x'));
  await composerSites.x.expectPostEnabled(page, true);
});

test('mobile-width layout: the plain textarea composer takes the caption through its state', async ({
  context,
  connect,
}) => {
  const relayUser = await connect('multiline');
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('https://x.com/compose/post?layout=mobile&delay=0');
  await expect(page.locator('textarea[data-testid="tweetTextarea_0"]')).toBeVisible();
  await insertButton(panels(page), captions.multiline.x).click();
  await expectEditorText(() => xText(page, 'dialog'), captions.multiline.x, relayUser.link('multiline', 'x'));
  await expect(page.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'false');
});

test('a reply in a conversation gets no panel, while the Post dialog opened over it does', async ({
  connectAndOpen,
}) => {
  const { page } = await connectAndOpen('https://x.com/jack/status/20');
  const reply = page.locator('[data-testid="inline_reply_offscreen"]');
  await expect(reply.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();

  await page.getByTestId('SideNav_NewTweet_Button').click();
  const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  // The post composer got its panel, so Relay has looked at this page: the reply must still have none.
  await expect(panels(page)).toHaveCount(1);
  await expect(panels(reply)).toHaveCount(0);
  await expect(insertButton(page, captions.multiline.x)).toHaveCount(1);
});

test('a reply dialog ("Replying to @jack", same editor and test id) gets no panel', async ({ connectAndOpen }) => {
  const { page } = await connectAndOpen('https://x.com/home?reply=1');
  await expect(panels(page)).toHaveCount(1); // the home composer's
  await page.getByTestId('SideNav_NewTweet_Button').click(); // with ?reply=1 the dialog is a reply
  const dialog = page.locator('[role="dialog"]');
  await expect(dialog.getByText('Replying to')).toBeVisible();
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  // A post composer added after the reply dialog gets its panel, so Relay has looked at the dialog too.
  const control = await addControlComposer(page);
  await expect(panels(control)).toHaveCount(1);
  await expect(panels(dialog.filter({ hasText: 'Replying to' }))).toHaveCount(0);
  await control.evaluate((el) => el.remove());
  await expect(panels(page)).toHaveCount(1);
});

test('a direct message box gets no panel, while the Post dialog opened over it does', async ({ connectAndOpen }) => {
  const { page } = await connectAndOpen('https://x.com/messages');
  const dm = page.locator('[data-testid="DmActivityViewport"]');
  await expect(dm.locator('[data-testid="dmComposerTextInput"]')).toBeVisible();

  await page.getByTestId('SideNav_NewTweet_Button').click();
  await expect(page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]')).toBeVisible();
  await expect(panels(page)).toHaveCount(1);
  await expect(panels(dm)).toHaveCount(0);
});
