/**
 * The curators' policy enforced by the extension, end to end: the real backend (policy set through the admin
 * API after the items exist, as when curators ban a term later), the built extension, X's share page
 * intercepted (nothing leaves the machine) and the X composer fixture (real Draft.js).
 *
 * - The popup names the banned term beside the caption editor and keeps Share and Copy off until the person
 *   edits the term away; Share on X then opens the intent with the disclosure exactly once.
 * - In X's composer the panel leaves out the caption with the banned term (and says so), and what it
 *   inserts carries the disclosure.
 */
import type { BrowserContext } from '@playwright/test';
import type { PolicyUpdate } from '../../lib/contract/policy';
import { captions, expect, insertButton, panels, statusMessage, test, xText } from '../helpers/composer';

const BANNED = 'charts';
const DISCLOSURE = '#ad';
const policy: PolicyUpdate = {
  bannedTerms: [BANNED],
  networks: {
    linkedin: { disclosure: null, maxLength: null, bannedTerms: [] },
    x: { disclosure: DISCLOSURE, maxLength: null, bannedTerms: [] },
  },
};

const occurrences = (text: string, needle: string) => text.toLowerCase().split(needle.toLowerCase()).length - 1;

/** Every URL opened on x.com/intent, answered with an empty page instead of the real site. */
async function interceptIntent(context: BrowserContext): Promise<string[]> {
  const urls: string[] = [];
  await context.route('https://x.com/intent/**', (route) => {
    urls.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>share page</title>' });
  });
  return urls;
}

test('a banned term blocks sharing in the popup until edited away; the X disclosure is added once when sharing and inserting', async ({
  backend,
  relay,
  context,
  connect,
  sitePage,
}) => {
  test.setTimeout(120_000);
  // X's caption of the "multiline" item says "Three charts worth a look:".
  expect(captions.multiline.x).toContain(BANNED);
  const user = await connect('multiline');
  await backend.request('PUT', '/v1/admin/policy', { token: backend.adminToken, body: policy, expect: 200 });

  // Opening the popup syncs; the policy arrives after the queue and the open card follows it.
  const opened = await interceptIntent(context);
  const popup = await relay.openPopup();
  const card = popup.getByRole('article', { name: 'Item multiline' });
  // Folded, the card's Share on X is off too, and says why.
  const folded = card.getByRole('button', { name: 'Share on X' });
  await expect(folded).toHaveAttribute('aria-disabled', 'true');
  await expect(folded).toHaveAccessibleDescription(/policy does not allow/);
  await card.getByRole('button', { name: 'Personalise' }).click();
  const x = card.getByRole('region', { name: 'X' });
  const editor = x.getByRole('textbox', { name: 'Your X post' });
  const share = x.getByRole('button', { name: 'Share on X' });
  const copy = x.getByRole('button', { name: 'Copy' });
  const message = `Your company’s policy does not allow “${BANNED}”. Change the text to share it.`;

  await expect(x.getByText(message)).toBeVisible();
  await expect(popup.getByRole('alert').filter({ hasText: message })).toHaveCount(0);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  for (const button of [share, copy]) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(message);
  }
  // Pressed anyway (a disabled-looking button still takes a forced click): nothing opens.
  await share.click({ force: true });
  await expect(x.getByRole('status')).toBeEmpty();

  // The person edits the term away: the message goes, the buttons come back, the disclosure is announced.
  const edited = 'Our year in numbers 📈\n\nThree graphs worth a look:';
  await editor.fill(edited);
  await expect(x.getByText(message)).toBeHidden();
  await expect(editor).toHaveAttribute('aria-invalid', 'false');
  await expect(share).toBeEnabled();
  await expect(
    x.getByText(`Your company asks for “${DISCLOSURE}” on X: it is added when you share or copy.`),
  ).toBeVisible();

  const tab = context.waitForEvent('page');
  await share.click();
  await tab;
  await expect.poll(() => opened.length).toBe(1);
  const text = new URL(opened[0]!).searchParams.get('text')!;
  const link = user.link('multiline', 'x');
  expect(text).toBe(`${edited}\n\n${DISCLOSURE}\n${link}`);
  expect(occurrences(text, DISCLOSURE), 'the disclosure exactly once').toBe(1);
  await expect(x.getByRole('status')).toContainText('Opened X in a new tab.');
  await popup.close();

  // X's composer: the caption with the banned term is not offered (and the panel says why); the one
  // inserted carries the disclosure, before the link.
  const page = await sitePage('https://x.com/home');
  const panel = panels(page);
  await expect(panel).toBeVisible();
  await expect(insertButton(panel, captions.catalan.x)).toBeVisible();
  await expect(insertButton(panel, captions.multiline.x)).toHaveCount(0);
  await expect(panel.getByText(/1 caption has a term your company’s policy does not allow/)).toBeVisible();

  await insertButton(panel, captions.catalan.x).click();
  await expect(statusMessage(page)).toBeVisible();
  const catalanLink = user.link('catalan', 'x');
  await expect.poll(() => xText(page), { message: 'the link reached the editor state' }).toContain(catalanLink);
  const inserted = await xText(page);
  expect(inserted.trim()).toBe(`${captions.catalan.x} ${DISCLOSURE} ${catalanLink}`);
  expect(occurrences(inserted, DISCLOSURE), 'the disclosure exactly once').toBe(1);
  expect(inserted).not.toContain(BANNED);

  // Someone who typed the disclosure themselves (in capitals, even) does not get it a second time.
  const again = await sitePage('https://x.com/home');
  await expect(panels(again)).toBeVisible();
  await again.locator('[data-testid="tweetTextarea_0"]').click();
  await again.keyboard.type('#AD My own words.');
  await expect.poll(() => xText(again)).toBe('#AD My own words.');
  await insertButton(panels(again), captions.catalan.x).click();
  await expect.poll(() => xText(again), { message: 'the link reached the editor state' }).toContain(catalanLink);
  const typedFirst = await xText(again);
  expect(typedFirst.trim()).toBe(`#AD My own words. ${captions.catalan.x} ${catalanLink}`);
  expect(occurrences(typedFirst.toLowerCase(), DISCLOSURE), 'the disclosure exactly once').toBe(1);
});
