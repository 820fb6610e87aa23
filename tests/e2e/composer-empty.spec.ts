/**
 * Nothing to offer: the panel says why in plain words (not connected; connected but nothing cached for this
 * network) and points to Relay in the toolbar, instead of showing an empty list.
 */
import { expect, panels, test } from '../helpers/composer';

test('not connected: the X panel says so and where to connect, and lists nothing', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(panel).toContainText('Relay isn’t connected yet, so there are no captions here.');
  await expect(panel).toContainText('Open Relay from the browser toolbar');
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Insert: / })).toHaveCount(0);
});

test('connected with an empty queue: the LinkedIn panel says nothing is cached and how to sync', async ({
  backend,
  recorder,
  relay,
  context,
}) => {
  const code = await backend.createInvite('Empty Queue');
  const options = await relay.connect(recorder.url, code);
  await expect(options.getByText(/Connected as Empty Queue/)).toBeVisible();
  await expect
    .poll(() => recorder.exchanges.some((e) => e.path.startsWith('/v1/queue') && e.status === 200), {
      message: 'the extension synced the (empty) queue',
    })
    .toBe(true);

  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.getByRole('button', { name: 'Start a post' }).click();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(panel).toContainText('No captions for LinkedIn are cached yet. Open Relay from the browser toolbar to sync.');
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Insert: / })).toHaveCount(0);
});
