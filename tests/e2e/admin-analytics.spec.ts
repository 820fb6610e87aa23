/**
 * The console's analytics with the real backend: the adoption funnel, top contributors with the
 * initials-only switch, and a table downloaded as the endpoint's CSV.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '../helpers/fixtures';

test('analytics: funnel, contributors by initials, CSV download', async ({ backend, relay, context, extensionId }) => {
  const item = await backend.createItem({
    url: 'https://example.com/a',
    title: 'Informe anual',
    captions: [{ network: 'linkedin', text: 'Llegiu-lo' }],
  });
  const nuria = await backend.employee('Núria Puig');
  await backend.createInvite('Not Yet Redeemed');
  await backend.request('POST', '/v1/shares', {
    token: nuria.token,
    body: { shares: [{ id: randomUUID(), itemId: item.id, network: 'linkedin', sharedAt: new Date().toISOString() }] },
    expect: 200,
  });

  const options = await relay.connect(backend.url, await backend.createInvite('Ada Curator', 'admin'));
  await expect(options.getByText(/Connected as Ada Curator/)).toBeVisible();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/admin.html#analytics`);

  // Three invited, two redeemed (Núria and the admin), one shared in the last 7 days.
  const funnel = page.getByRole('list', { name: 'Adoption funnel' });
  await expect(funnel).toContainText('3 invited');
  await expect(funnel).toContainText('2 activated');
  await expect(funnel).toContainText('1 active in the last 7 days');
  // uPlot arrives with the section (a dynamic chunk) and draws the charts.
  await expect(page.locator('.chart canvas').first()).toBeVisible();

  const contributors = page.locator('.report').filter({ has: page.getByRole('heading', { name: 'Top contributors' }) });
  await expect(contributors.getByRole('cell', { name: 'Núria Puig' })).toBeVisible();
  await page.getByLabel('Initials only for contributors').check();
  await expect(contributors.getByRole('cell', { name: 'NP', exact: true })).toBeVisible();
  await expect(contributors.getByText('Núria Puig')).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    contributors.getByRole('button', { name: 'Download CSV: Top contributors' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^relay-contributors-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  // The byte-order mark that makes Excel read the UTF-8 as UTF-8 survives the download.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv).toContain('NP');
  expect(csv).not.toContain('Núria');
});
