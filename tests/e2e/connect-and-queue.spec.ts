import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { expectItemShown } from '../helpers/expect-queue';
import { freePort } from '../helpers/server';

test('connect with an invite code, see the queue, and still see it with the backend stopped', async ({
  backend,
  relay,
}) => {
  for (const item of sampleItems) await backend.createItem(item);
  const code = await backend.createInvite('Núria Puig');

  const options = await relay.connect(backend.url, code);
  await expect(options.getByText(/Connected as Núria Puig/)).toBeVisible();
  // The alert region may stay in the page, empty, so screen readers announce later changes.
  await expect(options.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);

  const popup = await relay.openPopup();
  for (const item of sampleItems) await expectItemShown(popup, item);

  // The queue lives in IndexedDB: with the backend gone it is still there after a reload.
  expect(await backend.stop()).toBe(0);
  await popup.reload();
  for (const item of sampleItems) await expectItemShown(popup, item);

  // And in a popup opened afresh.
  await popup.close();
  const again = await relay.openPopup();
  for (const item of sampleItems) await expectItemShown(again, item);
});

test('a wrong invite code is refused with a clear message', async ({ backend, relay }) => {
  await backend.createInvite('Someone Else');
  const options = await relay.connect(backend.url, 'not-a-real-code');
  const alert = options.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/invite code|code/i);
  await expect(options.getByText(/Connected as/)).toHaveCount(0);
});

test('a server that cannot be reached is reported as such', async ({ relay }) => {
  // A port nobody listens on: the connection is refused at once, nothing leaves 127.0.0.1.
  const port = await freePort();
  const options = await relay.connect(`http://127.0.0.1:${port}`, 'any-code');
  const alert = options.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/(can.?not|can.?t|could ?n.?t|unable to|failed to) (reach|connect)|unreachable/i);
  await expect(options.getByText(/Connected as/)).toHaveCount(0);
});
