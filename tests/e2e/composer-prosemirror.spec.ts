/**
 * LinkedIn's share box as a ProseMirror editor (as it was for a while) and today's TipTap comment box, both
 * built from the real packages (tests/fixtures/editors/linkedin-prosemirror.js, served for `?editor=prosemirror`),
 * with the built extension in Chromium and the real backend.
 *
 * Switching the share box back to ProseMirror must be a profile push, not a release: the main tests publish a
 * LinkedIn profile whose share-box composer says `editorKind: 'prosemirror'` on the backend, and check what the
 * ProseMirror EditorState holds after Relay's insertion (`getDocText()`, never innerText). The first two tests
 * check the fixture itself and measure, in the page, the two ways of inserting that Relay could use.
 */
import type { Locator, Page } from '@playwright/test';
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { linkedinProfile } from '../../lib/compose/profiles/linkedin';
import {
  captions,
  expect,
  expectEditorText,
  expectInserted,
  expectInsertedAtCaret,
  expectShareRecorded,
  insertButton,
  panels,
  statusMessage,
  test,
  typeBeforeAfter,
} from '../helpers/composer';

const FEED = 'https://www.linkedin.com/feed/?editor=prosemirror';

const share = linkedinProfile.composers[0]!;
/** The bundled LinkedIn profile with its share box switched back to ProseMirror. */
const switchedBack: SiteProfile = {
  ...linkedinProfile,
  version: linkedinProfile.version + 1,
  composers: [
    {
      ...share,
      name: 'linkedin-share-prosemirror',
      editor: ['.ProseMirror[contenteditable="true"][role="textbox"]', ...share.editor],
      editorKind: 'prosemirror',
    },
  ],
};

const docText = (page: Page, name?: string) => page.evaluate((n) => window.getDocText(n), name);
const shareBox = (page: Page) => page.locator('#interop-outlet [data-test-modal-id="sharebox"][role="dialog"]');
const shareEditor = (page: Page) =>
  shareBox(page).locator(
    '.ProseMirror[contenteditable="true"][role="textbox"][aria-label="Text editor for creating content"]',
  );
const postButton = (page: Page) => shareBox(page).getByRole('button', { name: 'Post' });
const commentBox = (page: Page) => page.locator('[componentkey^="commentBox-"]');
const commentEditor = (page: Page) =>
  commentBox(page).locator(
    '[data-testid="ui-core-tiptap-text-editor-wrapper"] .tiptap.ProseMirror[contenteditable="true"][role="textbox"][aria-label="Text editor for creating comment"]',
  );

/**
 * The comment box is on the page before the share box opens, so once the share box has its panel Relay has
 * looked at the comment box too: its having none then means something.
 */
async function openShareBoxAfterComments(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  await expect(commentEditor(page)).toBeVisible();
  await expect(commentBox(page).getByRole('button', { name: 'Comment' })).toBeDisabled();
  await page.getByRole('button', { name: 'Start a post' }).click();
  await expect(shareEditor(page)).toBeVisible();
  const panel = panels(shareBox(page));
  await expect(panel).toHaveCount(1);
  await expect(panels(commentBox(page)), 'the TipTap comment box gets no panel').toHaveCount(0);
  await expect(panels(page), 'one panel on the page: the share box’s').toHaveCount(1);
  return panel;
}

test('the fixture: typing reaches each EditorState and enables its button; ?reject=1 refuses typing', async ({
  sitePage,
}) => {
  const page = await sitePage(FEED);
  await commentEditor(page).click();
  await page.keyboard.type('Nice');
  await expect.poll(() => docText(page, 'comment')).toBe('Nice');
  await expect(commentBox(page).getByRole('button', { name: 'Comment' })).toBeEnabled();

  await page.getByRole('button', { name: 'Start a post' }).click();
  await shareEditor(page).click();
  await page.keyboard.type('Hello');
  await page.keyboard.press('Enter');
  await page.keyboard.type('world');
  await expect.poll(() => docText(page)).toBe('Hello\nworld');
  await expect(postButton(page)).toBeEnabled();

  await page.goto(`${FEED}&open=1&reject=1`);
  await shareEditor(page).click();
  await page.keyboard.type('Refused');
  // Typing is read back from the DOM on the editor's next flush: wait for the view to have looked at it.
  await expect.poll(() => shareEditor(page).textContent()).toBe('');
  expect(await docText(page)).toBe('');
  await expect(postButton(page)).toBeDisabled();
});

test('measured in the page: both editors take a synthetic paste and execCommand insertText; the paste loses the blank line', async ({
  context,
}) => {
  const page = await context.newPage();
  const text = 'Line 1\n\nLine 2 <b>x</b> https://example.com/r/abc';
  for (const name of ['share', 'comment']) {
    for (const how of ['paste', 'insertText'] as const) {
      await page.goto(`${FEED}&open=1`);
      await expect(shareEditor(page)).toBeVisible();
      await page.evaluate(
        ([n, h, t]) => {
          const view = window.pmViews[n]!;
          view.focus();
          if (h === 'paste') {
            const data = new DataTransfer();
            data.setData('text/plain', t);
            view.dom.dispatchEvent(
              new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
            );
          } else {
            t.split('\n').forEach((line, i) => {
              if (i > 0) document.execCommand('insertParagraph', false);
              if (line) document.execCommand('insertText', false, line);
            });
          }
        },
        [name, how, text] as const,
      );
      const expected = how === 'paste' ? text.replace('\n\n', '\n') : text;
      await expect.poll(() => docText(page, name), { message: `${how} into ${name}` }).toBe(expected);
      expect(await page.locator('b').count(), 'markup stays characters').toBe(0);
    }
  }
});

test('a profile push switches the share box to ProseMirror: the caption and link are in the EditorState, Post records the share; the TipTap comment box gets no panel', async ({
  backend,
  context,
  connect,
  publish,
}) => {
  test.setTimeout(120_000);
  const relayUser = await connect('multiline');
  await publish(switchedBack);

  const page = await context.newPage();
  // The update with the comment box is shown in a dialog: the share-box composer's selectors and `within`
  // then match the comment editor too, and only the profile's ignore rules keep it out.
  const panel = await openShareBoxAfterComments(page, `${FEED}&post=dialog`);
  await expect(postButton(page)).toBeDisabled();

  await insertButton(panel, captions.multiline.linkedin).click();
  await expect(statusMessage(page)).toBeVisible();
  const link = relayUser.link('multiline', 'linkedin');
  // The blank line between the caption's paragraphs is kept (an empty paragraph in the document).
  await expectEditorText(() => docText(page), captions.multiline.linkedin, link);
  await expect(postButton(page)).toBeEnabled();
  expect(await docText(page, 'comment'), 'nothing went into the comment box').toBe('');
  expect(await page.evaluate(() => window.__posted.length), 'Relay never presses Post').toBe(0);

  await postButton(page).click();
  await expect.poll(() => page.evaluate(() => window.__posted.map((p) => p.name))).toEqual(['share']);
  expectInserted(await page.evaluate(() => window.__posted[0]!.text), captions.multiline.linkedin, link);
  await expectShareRecorded(backend, relayUser.token, 'linkedin');
});

test('ProseMirror share box: the caption goes in at the caret the person left, what they typed kept around it', async ({
  connect,
  sitePage,
  publish,
}) => {
  test.setTimeout(120_000);
  const relayUser = await connect('russian');
  await publish(switchedBack);
  const page = await sitePage(`${FEED}&open=1`);
  await typeBeforeAfter(page, shareEditor(page), () => docText(page));

  await insertButton(panels(shareBox(page)), captions.russian.linkedin).click();
  const link = relayUser.link('russian', 'linkedin');
  await expect.poll(() => docText(page)).toContain(link);
  expectInsertedAtCaret(await docText(page), captions.russian.linkedin, link, 'Before.', 'After.');
  await expect(postButton(page)).toBeEnabled();
});

test('ProseMirror share box that refuses the text: Relay copies it to the clipboard and says so', async ({
  context,
  connect,
  sitePage,
  publish,
}) => {
  test.setTimeout(120_000);
  const relayUser = await connect('multiline');
  await publish(switchedBack);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const page = await sitePage(`${FEED}&open=1&reject=1`);
  await insertButton(panels(shareBox(page)), captions.multiline.linkedin).click();
  await expect(statusMessage(page)).toContainText(/clipboard|paste/i);
  expect(await docText(page), 'the refusing editor stayed empty').toBe('');
  await expect(postButton(page)).toBeDisabled();

  await page.bringToFront();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expectInserted(clip.trim(), captions.multiline.linkedin, relayUser.link('multiline', 'linkedin'));
});

test('the bundled profile (Quill kind) finds the ProseMirror share box by its aria-label and its insertion lands in the EditorState; the TipTap comment box gets no panel', async ({
  context,
  connect,
}) => {
  test.setTimeout(90_000);
  const relayUser = await connect('catalan');
  const page = await context.newPage();
  const panel = await openShareBoxAfterComments(page, FEED);
  await insertButton(panel, captions.catalan.linkedin).click();
  await expectEditorText(() => docText(page), captions.catalan.linkedin, relayUser.link('catalan', 'linkedin'));
  await expect(postButton(page)).toBeEnabled();
});
