import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { expectItemShown } from '../helpers/expect-queue';

test('edits and deletions on the backend reach the popup on the next sync', async ({ backend, relay }) => {
  const [report, opensource, hiring] = await Promise.all(sampleItems.map((item) => backend.createItem(item)));
  if (!report || !opensource || !hiring) throw new Error('items not created');
  const code = await backend.createInvite('Ivan Petrov');

  const options = await relay.connect(backend.url, code);
  await expect(options.getByText(/Connected as Ivan Petrov/)).toBeVisible();
  let popup = await relay.openPopup();
  for (const item of sampleItems) await expectItemShown(popup, item);
  await popup.close();

  // Change one item (title, topics, captions replaced) and delete another.
  const edited = {
    title: 'Наш годовой отчёт 2026 — обновлено',
    topics: ['company', 'esg'],
    captions: [{ network: 'linkedin' as const, text: 'Versió actualitzada de l’informe 📊', language: 'ca' }],
  };
  await backend.patchItem(report.id, edited);
  await backend.deleteItem(hiring.id);

  // Opening the popup asks for a sync; the cache is then updated from the delta.
  popup = await relay.openPopup();
  await expectItemShown(popup, edited);
  await expect(popup.getByText(report.title, { exact: true })).toHaveCount(0);
  await expect(popup.getByText(hiring.title, { exact: true })).toHaveCount(0);
  await expectItemShown(popup, opensource);
});
