/**
 * The editor fixtures on their own (no extension): they must behave like the live editors, or the composer
 * tests prove nothing. Typing enables Post, the state text is readable, and the insertion methods Relay uses
 * (lib/compose/insert.ts) give the same results here (Draft.js takes a paste, Quill takes execCommand).
 */
import { chromium, expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath } from '../helpers/browser';
import { serveEditorFixtures } from '../helpers/editor-fixtures';

const test = base.extend<{ context: BrowserContext }, { plainBrowser: Browser }>({
  plainBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ plainBrowser }, use) => {
    const context = await plainBrowser.newContext({ ignoreHTTPSErrors: true });
    await serveEditorFixtures(context);
    await use(context);
    await context.close();
  },
});

const paste = (page: Page, selector: string, text: string) =>
  page.evaluate(
    ([sel, t]) => {
      const target = document.querySelector(sel) as HTMLElement;
      target.focus();
      const data = new DataTransfer();
      data.setData('text/plain', t);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [selector, text] as const,
  );

test('X home composer: Post is disabled until the Draft.js state has text; getPlainText reads the state', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const editor = page.locator('[data-testid="tweetTextarea_0"]');
  await expect(editor).toHaveAttribute('role', 'textbox');
  await expect(editor).toHaveClass(/public-DraftEditor-content/);
  await expect(page.getByText('What is happening?!')).toBeVisible();
  const post = page.locator('[data-testid="tweetButtonInline"]');
  await expect(post).toHaveAttribute('aria-disabled', 'true');

  expect(await page.evaluate(() => window.getPlainText())).toBe('');

  await paste(page, '[data-testid="tweetTextarea_0"]', 'Line 1\n\nLine 2 https://example.com/a');
  await expect.poll(() => page.evaluate(() => window.getPlainText())).toBe('Line 1\n\nLine 2 https://example.com/a');
  await expect(post).toHaveAttribute('aria-disabled', 'false');
  await post.click();
  await expect.poll(() => page.evaluate(() => window.__posted.length)).toBe(1);
  await expect.poll(() => page.evaluate(() => window.getPlainText())).toBe('');
});

test('X: typing works, the dialog mounts late, replies, DMs and the mobile textarea are there', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://twitter.com/home');
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('Hello Draft');
  await expect.poll(() => page.evaluate(() => window.getPlainText())).toBe('Hello Draft');

  await page.goto('https://x.com/compose/post?delay=800');
  const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
  await expect(dialog.locator('[data-testid="tweetTextarea_0"]')).toBeVisible();
  await expect(dialog.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'true');

  await page.goto('https://x.com/jack/status/20');
  await expect(page.getByText('Replying to')).toBeVisible();
  await expect(page.locator('[data-testid="tweetButtonInline"]')).toHaveText('Reply');
  await page.getByTestId('SideNav_NewTweet_Button').click();
  await expect(page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]')).toBeVisible();
  await expect(page).toHaveURL(/\/compose\/post/);

  await page.goto('https://x.com/messages');
  await expect(page.locator('[data-testid="dmComposerTextInput"]')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('https://x.com/compose/post?layout=mobile&delay=0');
  const area = page.locator('textarea[data-testid="tweetTextarea_0"]');
  await area.evaluate((el: HTMLTextAreaElement) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, 'Native set');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect.poll(() => page.evaluate(() => window.getPlainText())).toBe('Native set');
  await expect(page.locator('[data-testid="tweetButton"]')).toHaveAttribute('aria-disabled', 'false');
});

test('X ?reject=1: the editor ignores pasted and typed text', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://x.com/home?reject=1');
  await paste(page, '[data-testid="tweetTextarea_0"]', 'refused');
  await page.keyboard.type('also refused');
  expect(await page.evaluate(() => window.getPlainText())).toBe('');
  await expect(page.locator('[data-testid="tweetButtonInline"]')).toHaveAttribute('aria-disabled', 'true');
});

for (const variant of ['', '&shadow=1', '&quill=2']) {
  test(`LinkedIn share dialog (${variant || 'Quill 1, light DOM'}): Post follows quill.getText()`, async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.goto(`https://www.linkedin.com/feed/?x=1${variant}`);
    await page.getByRole('button', { name: 'Start a post' }).click();
    const editor = page.getByRole('dialog').getByRole('textbox', { name: 'Text editor for creating content' });
    await expect(editor).toHaveClass(/ql-editor/);
    await expect(editor).toHaveAttribute('data-placeholder', 'What do you want to talk about?');
    const post = page.locator('.share-actions__primary-action');
    await expect(post).toBeDisabled();
    await editor.click();
    await page.evaluate(() => document.execCommand('insertText', false, 'Line 1\n\nLine 2 https://example.com/a'));
    await expect
      .poll(() => page.evaluate(() => window.getQuillText()))
      .toBe('Line 1\n\nLine 2 https://example.com/a\n');
    await expect(post).toBeEnabled();
    await post.click();
    await expect.poll(() => page.evaluate(() => window.__posted.map((p) => p.name))).toEqual(['share']);
  });
}

test('LinkedIn: the comment box (same aria-label) and the messaging box are real editors too', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const comment = page.locator('.comments-comment-box [role="textbox"][aria-label="Text editor for creating content"]');
  await comment.click();
  await page.keyboard.type('Nice!');
  await expect.poll(() => page.evaluate(() => window.getQuillText('comment'))).toBe('Nice!\n');
  await expect(page.locator('.msg-form [role="textbox"]')).toBeVisible();
});

test('LinkedIn ?reject=1: the share editor undoes every change', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?open=1&reject=1');
  await page.getByRole('dialog').getByRole('textbox').click();
  await page.evaluate(() => document.execCommand('insertText', false, 'refused'));
  await page.keyboard.type('refused too');
  await expect.poll(() => page.evaluate(() => window.getQuillText())).toBe('\n');
  await expect(page.locator('.share-actions__primary-action')).toBeDisabled();
});
