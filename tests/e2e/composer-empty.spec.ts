/**
 * Nothing to offer: the panel says why in plain words (not connected; connected but nothing cached for this
 * network) and offers "Open Relay" (the toolbar popup, or the popup page in a tab where the browser does not let
 * an extension open its popup), instead of showing an empty list.
 */
import type { Locator, Worker } from '@playwright/test';
import { expect, panels, syncedToken, test } from '../helpers/composer';

/** The extension's open popup.html documents, as the browser lists them (a toolbar popup, or a tab). */
const openPopups = (serviceWorker: Worker) =>
  serviceWorker.evaluate(async () => {
    type Context = { contextType: string; documentUrl?: string };
    const { chrome } = globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<Context[]> } } };
    return (await chrome.runtime.getContexts({}))
      .filter((c) => c.documentUrl?.endsWith('/popup.html'))
      .map((c) => c.contextType);
  });

/** Press the panel's "Open Relay": Relay's popup opens (headless Chromium allows the real toolbar popup). */
async function expectOpensRelay(serviceWorker: Worker, panel: Locator) {
  expect(await openPopups(serviceWorker)).toEqual([]);
  await panel.getByRole('button', { name: 'Open Relay' }).click();
  await expect.poll(() => openPopups(serviceWorker), { message: 'Relay’s popup opened' }).toHaveLength(1);
}

test('not connected: the X panel says so, lists nothing, and opens Relay', async ({ ext, sitePage }) => {
  const page = await sitePage('https://x.com/home');
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(panel).toContainText('Relay isn’t connected yet, so there are no captions here.');
  await expect(panel).toContainText('Open Relay from the browser toolbar');
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Insert: / })).toHaveCount(0);
  await expectOpensRelay(ext.serviceWorker, panel);
});

test('connected with an empty queue: the LinkedIn panel says nothing is cached, and opens Relay', async ({
  backend,
  recorder,
  relay,
  ext,
  sitePage,
}) => {
  const code = await backend.createInvite('Empty Queue');
  const options = await relay.connect(recorder.url, code);
  await expect(options.getByText(/Connected as Empty Queue/)).toBeVisible();
  await syncedToken(recorder); // the (empty) queue is synced

  const page = await sitePage('https://www.linkedin.com/feed/');
  await page.getByRole('button', { name: 'Start a post' }).click();
  const panel = panels(page);
  await expect(panel).toHaveCount(1);
  await expect(panel).toContainText(
    'No captions for LinkedIn are cached yet. Open Relay from the browser toolbar to sync.',
  );
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Insert: / })).toHaveCount(0);
  await expectOpensRelay(ext.serviceWorker, panel);
});
