import type { QueueResponse } from '../../lib/contract';
import { expect, test } from '../helpers/fixtures';
import { sampleItems } from '../helpers/data';
import { expectItemShown } from '../helpers/expect-queue';
import type { Exchange } from '../helpers/recording-proxy';

const queueCalls = (exchanges: Exchange[]) =>
  exchanges.filter((e) => e.method === 'GET' && e.path.startsWith('/v1/queue'));

test('edits and deletions on the backend reach the popup as a delta on the next sync', async ({
  backend,
  recorder,
  relay,
}) => {
  const [report, opensource, hiring] = await Promise.all(sampleItems.map((item) => backend.createItem(item)));
  if (!report || !opensource || !hiring) throw new Error('items not created');
  const code = await backend.createInvite('Ivan Petrov');

  // The extension talks to the backend through a recording proxy, so we can see how it syncs.
  const options = await relay.connect(recorder.url, code);
  await expect(options.getByText(/Connected as Ivan Petrov/)).toBeVisible();
  let popup = await relay.openPopup();
  for (const item of sampleItems) await expectItemShown(popup, item);
  const first = queueCalls(recorder.exchanges)[0];
  expect(first?.path, 'the first sync asks for the whole queue').toBe('/v1/queue');
  expect(first?.status).toBe(200);
  expect((JSON.parse(first!.body) as QueueResponse).full).toBe(true);
  await popup.close();

  // Nothing changed: opening the popup again revalidates with the ETag and gets 304.
  const before = queueCalls(recorder.exchanges).length;
  popup = await relay.openPopup();
  await expect
    .poll(() =>
      queueCalls(recorder.exchanges)
        .slice(before)
        .map((e) => e.status),
    )
    .toContain(304);
  const revalidation = queueCalls(recorder.exchanges)
    .slice(before)
    .find((e) => e.status === 304);
  expect(revalidation?.requestHeaders['if-none-match']).toBeTruthy();
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

  // Opening the popup asks for a sync: a delta since the last cursor, with only what changed.
  const beforeDelta = queueCalls(recorder.exchanges).length;
  popup = await relay.openPopup();
  await expectItemShown(popup, edited);
  await expect(popup.getByText(report.title, { exact: true })).toHaveCount(0);
  await expect(popup.getByText(hiring.title, { exact: true })).toHaveCount(0);
  await expectItemShown(popup, opensource);

  const delta = queueCalls(recorder.exchanges)
    .slice(beforeDelta)
    .find((e) => e.status === 200);
  expect(delta?.path, 'the sync after a change asks only for what changed').toMatch(/^\/v1\/queue\?since=/);
  const answer = JSON.parse(delta!.body) as QueueResponse;
  expect(answer.full).toBe(false);
  expect(answer.items.map((i) => i.id)).toEqual([report.id]);
  expect(answer.removed).toEqual([hiring.id]);
});
