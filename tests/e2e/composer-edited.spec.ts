/**
 * The "edited" flag on a share recorded from a composer: Relay wants people to make a caption their own, so the
 * share says whether they did. Edited = the post changed after Relay inserted the caption (X's Draft.js here,
 * typed with real key presses). Checked where it ends up: the share as the backend stored it (/v1/me/export).
 */
import { captions, expect, insertOnXHome, postOnXHome, storedShares, test, xText } from '../helpers/composer';
import type { Backend } from '../helpers/server';

async function expectStoredShare(
  backend: Backend,
  token: string,
  share: { network: 'x' | 'linkedin'; edited: boolean },
) {
  await expect
    .poll(() => storedShares(backend, token), {
      message: 'the share reached the backend',
      timeout: 45_000,
      intervals: [250, 500, 1000],
    })
    .toEqual([share]);
}

test('typing after inserting, then Post: the share is recorded as edited', async ({ backend, context, connect }) => {
  test.setTimeout(90_000);
  const relayUser = await connect('catalan');
  const page = await context.newPage();
  const inserted = await insertOnXHome(page, captions.catalan.x, relayUser.link('catalan', 'x'));

  // The caret stays in the editor after Insert (the panel never takes focus): the person adds their own words.
  await page.keyboard.type(' Proud of this team!');
  await expect.poll(() => xText(page)).toBe(`${inserted} Proud of this team!`);

  await postOnXHome(page);
  await expectStoredShare(backend, relayUser.token, { network: 'x', edited: true });
});

test('Post right after inserting: the share is recorded as not edited', async ({ backend, context, connect }) => {
  test.setTimeout(90_000);
  const relayUser = await connect('catalan');
  const page = await context.newPage();
  await insertOnXHome(page, captions.catalan.x, relayUser.link('catalan', 'x'));

  await postOnXHome(page);
  await expectStoredShare(backend, relayUser.token, { network: 'x', edited: false });
});
