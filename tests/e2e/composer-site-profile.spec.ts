/**
 * Site profiles are data the backend can publish: when X changes its markup, an admin publishes a newer profile
 * (PUT /v1/admin/site-profiles/x), the extension's background fetches it with the queue, and the content script
 * uses it on the next page load. The page here is a made-up redesign (x-app.js, /i/redesign) whose composer
 * only the new profile's selectors match.
 */
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { xProfile } from '../../lib/compose/profiles/x';
import {
  captions,
  expect,
  expectEditorText,
  insertButton,
  panels,
  publishProfile,
  seedAndConnect,
  test,
  xText,
} from '../helpers/composer';

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
  backend,
  recorder,
  relay,
  context,
  ext,
}) => {
  test.setTimeout(90_000);
  const relayUser = await seedAndConnect({ backend, recorder, relay }, 'multiline');

  // With the bundled profile, the redesigned composer is not recognised.
  const page = await context.newPage();
  await page.goto('https://x.com/i/redesign');
  await expect(page.locator('[data-testid="postEditor"]')).toBeVisible();
  // Relay promises a panel within 2 s of a composer appearing: give the bundled profile that long to (not) match.
  await page.waitForTimeout(2_500);
  await expect(panels(page)).toHaveCount(0);

  // An admin publishes the fix.
  await publishProfile({ backend, relay, ext }, published);

  await page.reload();
  await expect(page.locator('[data-testid="postEditor"]')).toBeVisible();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await insertButton(panel, captions.multiline.x).click();
  await expectEditorText(() => xText(page), captions.multiline.x, relayUser.link('multiline', 'x'));
  await expect(page.locator('[data-testid="postEditorSubmit"]')).toHaveAttribute('aria-disabled', 'false');
});
