/**
 * Relay inside X's composers: the built extension in Chromium, the real backend, and the X fixture (real
 * Draft.js 0.11.7 + React 18) served on https://x.com/ and https://twitter.com/. Text is checked on the
 * editor *state* (`getPlainText()`), never on innerText; Post is pressed by the test, never by Relay.
 */
import {
  captions,
  expect,
  expectEditorText,
  expectInserted,
  expectInsertedAtCaret,
  expectShareRecorded,
  insertButton,
  panels,
  seedAndConnect,
  statusMessage,
  test,
  xText,
} from '../helpers/composer';

test('home composer: the panel is there without focusing; Insert puts caption and link into Draft.js; Post records the share', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  test.setTimeout(90_000);
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const post = page.locator('[data-testid="tweetButtonInline"]');
  await expect(post).toHaveAttribute('aria-disabled', 'true');

  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(panel).toBeVisible();
  // Captions for X only: the LinkedIn caption of the same item is not offered here.
  await expect(insertButton(panel, captions.multiline.linkedin)).toHaveCount(0);

  await insertButton(panel, captions.multiline.x).click();
  await expect(statusMessage(page)).toBeVisible();
  const link = relayUser.link('multiline', 'x');
  await expectEditorText(() => xText(page), captions.multiline.x, link);
  await expect(post).toHaveAttribute('aria-disabled', 'false');
  expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

  // The person presses Post.
  await post.click();
  await expect.poll(() => page.evaluate(() => window.__posted.length)).toBe(1);
  await expectShareRecorded(backend, relayUser.token, 'x');
});

test('"Create post" dialog mounting late at /compose/post gets its panel; a Russian caption arrives intact', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'russian');
  const page = await context.newPage();
  await page.goto('https://x.com/compose/post');
  const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
  // The dialog arrives about 1.5 s after load; the panel comes with it, not before.
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);

  await insertButton(panel, captions.russian.x).click();
  await expectEditorText(() => xText(page, 'dialog'), captions.russian.x, relayUser.link('russian', 'x'));
  await expect(dialog.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'false');
});

test('twitter.com works the same; a Catalan caption keeps its punt volat and emoji', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'catalan');
  const page = await context.newPage();
  await page.goto('https://twitter.com/home');
  const panel = panels(page);
  await insertButton(panel, captions.catalan.x).click();
  await expectEditorText(() => xText(page), captions.catalan.x, relayUser.link('catalan', 'x'));
  await expect(page.locator('[data-testid="tweetButtonInline"]')).toHaveAttribute('aria-disabled', 'false');
});

test('text already typed is kept: the caption and link are added after it', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('My own words first.');
  await expect.poll(() => xText(page)).toBe('My own words first.');

  await insertButton(panels(page), captions.multiline.x).click();
  await expectEditorText(() => xText(page), captions.multiline.x, relayUser.link('multiline', 'x'), 'My own words first.');
});

test('the caption goes in at the caret the person left, not at the end', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'catalan');
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('Before. After.');
  for (let i = 0; i < 'After.'.length; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => xText(page)).toBe('Before. After.');

  await insertButton(panels(page), captions.catalan.x).click();
  const link = relayUser.link('catalan', 'x');
  await expect.poll(() => xText(page)).toContain(link);
  expectInsertedAtCaret(await xText(page), captions.catalan.x, link, 'Before.', 'After.');
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
  await page.goto('https://x.com/home');
  await insertButton(panels(page), captions.hostile.x).click();
  await expectEditorText(() => xText(page), captions.hostile.x, relayUser.link('hostile', 'x'));
  await expect(page.locator('[data-testid="tweetTextarea_0"] img')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs, 'no alert() ran').toEqual([]);
});

test('mobile-width layout: the plain textarea composer takes the caption through its state', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('https://x.com/compose/post?layout=mobile&delay=0');
  await expect(page.locator('textarea[data-testid="tweetTextarea_0"]')).toBeVisible();
  await insertButton(panels(page), captions.multiline.x).click();
  await expectEditorText(() => xText(page, 'dialog'), captions.multiline.x, relayUser.link('multiline', 'x'));
  await expect(page.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'false');
});

test('a reply in a conversation gets no panel, while the Post dialog opened over it does', async ({ backend, recorder, relay, context }) => {
  await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://x.com/jack/status/20');
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

test('a reply dialog ("Replying to @jack", same editor and test id) gets no panel', async ({ backend, recorder, relay, context }) => {
  await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://x.com/home?reply=1');
  await expect(panels(page)).toHaveCount(1); // the home composer's
  await page.getByTestId('SideNav_NewTweet_Button').click(); // with ?reply=1 the dialog is a reply
  const dialog = page.locator('[role="dialog"]');
  await expect(dialog.getByText('Replying to')).toBeVisible();
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  // Relay promises a panel within 2 s of a post composer appearing; give it that long to (wrongly) attach.
  await page.waitForTimeout(2_500);
  await expect(panels(dialog)).toHaveCount(0);
  await expect(panels(page)).toHaveCount(1);
});

test('a direct message box gets no panel, while the Post dialog opened over it does', async ({ backend, recorder, relay, context }) => {
  await seedAndConnect({ backend, recorder, relay }, 'multiline');
  const page = await context.newPage();
  await page.goto('https://x.com/messages');
  const dm = page.locator('[data-testid="DmActivityViewport"]');
  await expect(dm.locator('[data-testid="dmComposerTextInput"]')).toBeVisible();

  await page.getByTestId('SideNav_NewTweet_Button').click();
  await expect(page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]')).toBeVisible();
  await expect(panels(page)).toHaveCount(1);
  await expect(panels(dm)).toHaveCount(0);
});

test('an editor that refuses the text: Relay copies it to the clipboard and says so', async ({ backend, recorder, relay, context }) => {
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
  const page = await context.newPage();
  await page.goto('https://x.com/home?reject=1');
  await insertButton(panels(page), captions.multiline.x).click();
  await expect(statusMessage(page)).toContainText(/clipboard|paste/i);
  expect(await xText(page), 'the refusing editor stayed empty').toBe('');
  await expect(page.locator('[data-testid="tweetButtonInline"]')).toHaveAttribute('aria-disabled', 'true');

  const link = relayUser.link('multiline', 'x');
  await page.bringToFront();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expectInserted(clip.trim(), captions.multiline.x, link);
});
