/**
 * Accessibility audit of every page Relay shows, with axe-core in real Chromium: the popup (connected with a
 * queue, and not connected), the settings page (not connected, connected), every tab of the curators'
 * console, and the composer panel in its shadow root on the LinkedIn (Quill) and X (Draft.js) fixtures.
 * WCAG 2.0/2.1 A and AA plus axe's best practices; a violation of impact serious or critical fails the test,
 * in light and in dark colour schemes (the pages define colours for both). Tab reaches every control of the
 * settings page, each console tab and the panel, and each shows a focus outline.
 */
import type { Page } from '@playwright/test';
import { sampleItems } from '../helpers/data';
import { seriousViolations } from '../helpers/axe';
import { captions, expect, insertButton, panels, test } from '../helpers/composer';
import { LOCAL_KEYS, readStored } from '../helpers/storage';

/** axe's colour rules: all a colour scheme can change, so the dark scheme is audited for these alone. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Audit `page` in the light scheme with every rule, then in the dark one with the colour rules (the rest judge
 * markup, which a scheme does not change); `what` names it in the failure message.
 */
async function expectAccessible(page: Page, what: string, include?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const found = await seriousViolations(page, {
      include: include ? [include] : undefined,
      rules: colorScheme === 'dark' ? COLOUR_RULES : undefined,
    });
    expect(found, `${what} (${colorScheme}): serious or critical axe violations:\n${found.join('\n')}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/**
 * Tab through `page` (or, with `within`, while focus stays inside that element's shadow root) and check that
 * every enabled, visible control was reached and showed a focus outline when it had focus.
 */
async function expectKeyboardReachable(page: Page, what: string, within?: string): Promise<void> {
  const candidates = await page.evaluate((host) => {
    const root: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
    const controls = [
      ...root.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'));
    controls.forEach((el, i) => (el.dataset.kbd = String(i)));
    return controls.map(
      (el) =>
        `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
    );
  }, within ?? null);
  const reached = new Set<number>();
  const noOutline: string[] = [];
  let last = -1;
  // A date field takes a Tab per part (day, month, year): room for those.
  for (let step = 0; step < candidates.length * 3 + 5; step++) {
    // In the panel, the control focused on arrival counts too (its first one, reached with the shortcut); in a
    // page, focus left by a mouse click (no ring, rightly) does not.
    if (step > 0 || !within) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!(el instanceof HTMLElement) || el.dataset.kbd === undefined) return null;
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { index: Number(el.dataset.kbd), outlined };
    });
    if (!focused) {
      if (within && reached.size > 0) break; // left the panel
      continue;
    }
    if (focused.index === last) continue; // the next part of the same field
    if (reached.has(focused.index)) break; // round the page once
    last = focused.index;
    reached.add(focused.index);
    if (!focused.outlined) noOutline.push(candidates[focused.index]!);
  }
  const missed = candidates.filter((_, i) => !reached.has(i));
  expect(missed, `${what}: controls Tab never reached`).toEqual([]);
  expect(noOutline, `${what}: controls without a visible focus outline`).toEqual([]);
}

test('popup, not connected and connected with a queue, at the toolbar popup size', async ({ backend, relay }) => {
  const empty = await relay.openPopup();
  await empty.setViewportSize({ width: 400, height: 600 });
  await expect(empty.locator('#app')).not.toBeEmpty();
  await expectAccessible(empty, 'popup, not connected');
  await empty.close();

  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  const popup = await relay.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByText(sampleItems[0]!.title, { exact: true }).first()).toBeVisible();
  await expectAccessible(popup, 'popup, connected with a queue');
  // Unfolded: the reach details, a card's variants and editors; then the History tab.
  await popup.getByRole('button', { name: 'Details' }).click();
  await popup.getByRole('article').first().getByRole('button', { name: 'Personalise' }).click();
  await expect(popup.getByRole('article').first().getByRole('radio').first()).toBeVisible();
  await expectAccessible(popup, 'popup, reach details and a card unfolded');
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.getByRole('tabpanel', { name: 'History' })).toBeVisible();
  await expectAccessible(popup, 'popup, History tab');
});

test('settings page, not connected and connected', async ({ backend, relay }) => {
  const options = await relay.openOptions();
  await expect(options.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expectAccessible(options, 'settings, not connected');

  // A refused code shows the error notice: audited too.
  await options.getByLabel('Server URL').fill(backend.url);
  await options.getByLabel('Invite code').fill('not-a-real-code');
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await expectAccessible(options, 'settings, connecting refused');

  for (const item of sampleItems) await backend.createItem(item);
  await options.getByLabel('Invite code').fill(await backend.createInvite('Núria Puig'));
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  await expect(options.getByText(/\d+ items synced/)).toBeVisible();
  await expectAccessible(options, 'settings, connected');
  await expectKeyboardReachable(options, 'settings, connected');
});

test('session ended: the popup and the settings page saying so, and the sign-in form reached by keyboard', async ({
  backend,
  relay,
  context,
}) => {
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Núria Puig'));
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const { id } = (await readStored<{ id: string }>(sw, LOCAL_KEYS.employee))!;
  // A curator deactivates the person: the next sync meets a 401.
  await backend.request('PATCH', `/v1/admin/employees/${id}`, {
    token: backend.adminToken,
    body: { active: false },
    expect: 200,
  });
  const popup = await relay.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expectAccessible(popup, 'popup, session ended');
  await options.reload();
  await expect(options.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await expectAccessible(options, 'settings, session ended');
  await expectKeyboardReachable(options, 'settings, session ended');
});

test("curators' console: every tab", async ({ backend, relay, sitePage, extensionId }) => {
  test.setTimeout(120_000);
  for (const item of sampleItems) await backend.createItem(item);
  const options = await relay.connect(backend.url, await backend.createInvite('Ada Curator', 'admin'));
  await expect(options.getByText(/Connected as Ada Curator/)).toBeVisible();
  // Someone else invited, so People lists more than the admin.
  await backend.createInvite('Joan Employee');

  const page = await sitePage(`chrome-extension://${extensionId}/admin.html`);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const tabs = await nav.getByRole('link').allTextContents();
  expect(tabs).toEqual(['Items', 'Suggestions', 'People', 'Policy', 'Site profiles', 'Analytics']);
  for (const tab of tabs) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: tab })).toBeVisible();
    // Each section loads its data from the server: audit what it shows once loading is over.
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectAccessible(page, `console, ${tab}`);
    await expectKeyboardReachable(page, `console, ${tab}`);
  }
});

for (const site of ['linkedin', 'x'] as const) {
  test(`composer panel on the ${site === 'x' ? 'X (Draft.js)' : 'LinkedIn (Quill)'} fixture`, async ({
    connectAndOpen,
  }) => {
    const { page } = await connectAndOpen(
      site === 'x' ? 'https://x.com/home' : 'https://www.linkedin.com/feed/?open=1',
    );
    const panel = panels(page);
    await expect(insertButton(panel, captions.multiline[site])).toBeVisible();
    // Only Relay's own markup is judged, not the fixture page around it.
    await expectAccessible(page, `composer panel on ${site}`, 'relay-captions');
    // From the post box: the shortcut to the panel's first control, then Tab through the rest of it.
    await (
      site === 'x'
        ? page.locator('[data-testid="tweetTextarea_0"]')
        : page.getByRole('dialog').getByRole('textbox', { name: 'Text editor for creating content' })
    ).click();
    await page.keyboard.press('Alt+Shift+R');
    await expect(panel.getByRole('button', { name: 'Relay captions' })).toBeFocused();
    await expectKeyboardReachable(page, `composer panel on ${site}`, 'relay-captions');

    // Collapsed, and after an insertion (status message shown).
    await insertButton(panel, captions.multiline[site]).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toBeVisible();
    await expectAccessible(page, `composer panel on ${site}, after inserting`, 'relay-captions');
    await panel.getByRole('button', { name: 'Relay captions' }).click();
    await expectAccessible(page, `composer panel on ${site}, collapsed`, 'relay-captions');
  });
}
