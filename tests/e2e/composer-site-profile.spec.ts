/**
 * Site profiles are data the backend can publish: when X changes its markup, an admin publishes a newer profile
 * (PUT /v1/admin/site-profiles/x), the extension's background fetches it with the queue, and the content script
 * uses it on the next page load. The page here is a made-up redesign (x-app.js, /i/redesign) whose composer
 * only the new profile's selectors match.
 */
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { xProfile } from '../../lib/compose/profiles/x';
import { captions, expect, expectEditorText, insertButton, panels, test, xText } from '../helpers/composer';

const published: SiteProfile = {
  ...xProfile,
  version: xProfile.version + 1,
  composers: [
    ...xProfile.composers,
    {
      name: 'x-redesign',
      editor: ['[data-testid="postEditor"][contenteditable="true"]'],
      editorKind: 'draft',
      paths: ['/i/redesign'],
      anchor: { closest: ['.DraftEditor-root'], position: 'after' },
      postButton: { selectors: ['[data-testid="postEditorSubmit"]'] },
    },
  ],
};

test('a profile published on the backend reaches the content script: the redesigned composer gets its panel', async ({
  connect,
  sitePage,
  publish,
}) => {
  test.setTimeout(90_000);
  const relayUser = await connect('multiline');

  // With the bundled profile, the redesigned composer is not recognised.
  const page = await sitePage('https://x.com/i/redesign');
  const redesigned = page.getByRole('main');
  await expect(redesigned.locator('[data-testid="postEditor"]')).toBeVisible();
  // The "Create post" dialog opened after it gets its panel, so Relay has looked at the redesigned composer too.
  await page.getByTestId('SideNav_NewTweet_Button').click();
  await expect(panels(page.getByRole('dialog'))).toHaveCount(1);
  await expect(panels(redesigned)).toHaveCount(0);

  // An admin publishes the fix.
  await publish(published);

  await page.goto('https://x.com/i/redesign');
  await expect(page.locator('[data-testid="postEditor"]')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await insertButton(panel, captions.multiline.x).click();
  await expectEditorText(() => xText(page), captions.multiline.x, relayUser.link('multiline', 'x'));
  await expect(page.locator('[data-testid="postEditorSubmit"]')).toHaveAttribute('aria-disabled', 'false');
});
