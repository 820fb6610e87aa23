/**
 * The composer panel by keyboard, on the real editors (Draft.js on X, Quill 1 on LinkedIn): from the post box
 * Alt+Shift+R moves focus to the panel, Escape brings it back with the caret where it was and the editor's own
 * state untouched, so typing carries on; plain Tab from the post box reaches the panel too, and a caption can be
 * inserted with Enter. Keys used in the panel do not reach the site.
 */
import type { Locator, Page } from '@playwright/test';
import {
  captions,
  composerSites,
  expect,
  expectInsertedAtCaret,
  insertButton,
  panels,
  test,
  typeBeforeAfter,
} from '../helpers/composer';

/** Every key the site's document sees, so the test can tell which ones the panel kept to itself. */
const recordSiteKeys = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __siteKeys: string[] }).__siteKeys = seen;
    document.addEventListener('keydown', (e) => seen.push(e.key));
  });
const siteKeys = (page: Page) => page.evaluate(() => (window as unknown as { __siteKeys: string[] }).__siteKeys);

const toggle = (panel: Locator) => panel.getByRole('button', { name: 'Relay captions' });

for (const site of Object.values(composerSites)) {
  const { network } = site;

  test(`${site.label}: Alt+Shift+R goes to the panel, Escape comes back to the caret with the text intact`, async ({
    connectAndOpen,
  }) => {
    const { user: relayUser, page } = await connectAndOpen(site.url);
    const panel = panels(page);
    await expect(insertButton(panel, captions.multiline[network])).toBeVisible();
    await recordSiteKeys(page);

    const editor = site.editor(page);
    await typeBeforeAfter(page, editor, () => site.text(page));

    await page.keyboard.press('Alt+Shift+R');
    await expect(toggle(panel)).toBeFocused();
    // The hint for sighted keyboard users is on screen while focus is in the panel.
    await expect(panel.getByText('Escape goes back to your text')).toBeVisible();
    expect(await site.text(page), 'the shortcut typed nothing').toBe('Before. After.');

    // Tab goes through the panel's controls: "Hide suggestions", then the first caption's Insert.
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Hide suggestions' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(insertButton(panel, captions.multiline[network])).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(editor).toBeFocused();
    expect(await siteKeys(page), 'Escape in the panel stays in the panel').not.toContain('Escape');
    expect(await site.text(page), "the editor's state still holds the text").toBe('Before. After.');

    // Typing carries on at the caret the person left.
    await page.keyboard.type('Now ');
    await expect.poll(() => site.text(page)).toBe('Before. Now After.');

    // And the whole way by keyboard: to the panel, to the caption, Enter inserts it at the caret.
    await page.keyboard.press('Alt+Shift+R');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const link = relayUser.link('multiline', network);
    await expect.poll(() => site.text(page)).toContain(link);
    expectInsertedAtCaret(await site.text(page), captions.multiline[network], link, 'Before. Now', 'After.');
  });
}

// Plain Tab where the editor lets it move focus: Draft.js does, and the panel follows the editor in the page.
// Quill keeps Tab for itself (it types a tab), so on LinkedIn Alt+Shift+R is the way.
test(`${composerSites.x.label}: plain Tab from the post box reaches the panel`, async ({ connectAndOpen }) => {
  const site = composerSites.x;
  const { page } = await connectAndOpen(site.url);
  const panel = panels(page);
  await expect(insertButton(panel, captions.multiline.x)).toBeVisible();
  await site.editor(page).click();
  await page.keyboard.type('Hello');
  await page.keyboard.press('Tab');
  await expect(toggle(panel)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(site.editor(page)).toBeFocused();
  await page.keyboard.type(' again');
  await expect.poll(() => site.text(page)).toBe('Hello again');
});
