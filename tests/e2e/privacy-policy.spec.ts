/**
 * The privacy policy from the settings page: the link in "What Relay records about you" opens the policy
 * the extension carries (privacy.html, made from PRIVACY.md at build time) in a tab of its own, readable and
 * accessible, with the same lines the settings page lists.
 */
import { seriousViolations } from '../helpers/axe';
import { expect, test } from '../helpers/fixtures';

test('the settings page links the privacy policy shipped in the extension', async ({ context, extensionId, relay }) => {
  const options = await relay.openOptions();
  const link = options.getByRole('link', { name: 'Read the full privacy policy' });
  await expect(link).toHaveAttribute('href', `chrome-extension://${extensionId}/privacy.html`);

  const [policy] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(policy).toHaveURL(`chrome-extension://${extensionId}/privacy.html`);
  await expect(policy.getByRole('heading', { level: 1 })).toHaveText('Relay privacy policy');
  await expect(policy.getByRole('heading', { name: 'On your company’s server' })).toBeVisible();
  const firstOnServer = await options.locator('#privacy h3 + ul').nth(1).locator('li').first().textContent();
  await expect(policy.getByRole('listitem').filter({ hasText: firstOnServer! })).toHaveCount(1);

  expect(await seriousViolations(policy)).toEqual([]);
});
