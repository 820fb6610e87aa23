/**
 * The settings page, with the built extension and the real backend: personal voice saved and still there
 * after a reload, accessible errors, audience sizes sent to the server, and "Export my data" holding the
 * person's share from both this browser and the server (and saying so when the server is out of reach).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import type { Me } from '../../lib/contract';
import { captions, expect, expectShareRecorded, insertOnXHome, postOnXHome, test } from '../helpers/composer';
import { LOCAL_KEYS, readStored } from '../helpers/storage';

async function token(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return String(await readStored(sw, LOCAL_KEYS.token));
}

test('personal voice is saved and comes back after a reload; errors are tied to their fields', async ({ connect }) => {
  const { options } = await connect('catalan');

  await options.getByLabel('Display name').fill('Núria');
  await options.getByLabel('Opening line on LinkedIn').fill('Orgullosa del meu equip:');
  await options.getByLabel('Signature on X').fill('#WeAreHiring');
  // Topics from the queue are offered as toggle buttons; one of your own can be added.
  const company = options.getByRole('button', { name: 'company' });
  await expect(company).toHaveAttribute('aria-pressed', 'false');
  await company.click();
  await expect(company).toHaveAttribute('aria-pressed', 'true');
  await options.getByLabel('Add a topic').fill('  Open   Source ');
  await options.getByLabel('Add a topic').press('Enter');
  await expect(options.getByRole('button', { name: 'open source' })).toHaveAttribute('aria-pressed', 'true');

  // A language name instead of a code: refused, said next to the field, focus taken there.
  const language = options.getByLabel('Preferred caption language');
  await language.fill('Catalan');
  await options.getByRole('button', { name: 'Save your voice' }).click();
  await expect(language).toHaveAttribute('aria-invalid', 'true');
  await expect(language).toBeFocused();
  await expect(language).toHaveAccessibleDescription(/language code such as "en", "ca" or "pt-BR"/);
  await expect(options.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();

  await language.fill('ca');
  await options.getByRole('button', { name: 'Save your voice' }).click();
  await expect(
    options.getByRole('status').filter({ hasText: 'Saved. Captions will use your personal touches' }),
  ).toBeVisible();
  await expect(language).not.toHaveAttribute('aria-invalid', 'true');

  await options.reload();
  await expect(options.getByLabel('Display name')).toHaveValue('Núria');
  await expect(options.getByLabel('Opening line on LinkedIn')).toHaveValue('Orgullosa del meu equip:');
  await expect(options.getByLabel('Signature on LinkedIn')).toHaveValue('');
  await expect(options.getByLabel('Signature on X')).toHaveValue('#WeAreHiring');
  await expect(options.getByLabel('Preferred caption language')).toHaveValue('ca');
  await expect(options.getByRole('button', { name: 'company' })).toHaveAttribute('aria-pressed', 'true');
  await expect(options.getByRole('button', { name: 'open source' })).toHaveAttribute('aria-pressed', 'true');
  // Reminders: both off until the person turns one on.
  await expect(options.getByLabel('Tell me when new items arrive')).not.toBeChecked();
  await expect(options.getByLabel('Remind me when I have not shared for a week')).not.toBeChecked();
});

test('audience sizes are saved here and sent to the server; empty means the benchmark default', async ({
  backend,
  relay,
  context,
  connect,
}) => {
  const { options, token: tok } = await connect('multiline');
  const linkedin = options.getByLabel('LinkedIn followers and connections');
  await expect(linkedin).toHaveAttribute('placeholder', '459');
  await expect(options.getByLabel('X followers')).toHaveAttribute('placeholder', '772');

  await linkedin.fill('-5');
  await options.getByRole('button', { name: 'Save audience' }).click();
  await expect(linkedin).toHaveAttribute('aria-invalid', 'true');
  await expect(linkedin).toHaveAccessibleDescription(/whole number of followers/);
  expect((await backend.request<Me>('GET', '/v1/me', { token: tok })).audienceIsDefault).toEqual({
    linkedin: true,
    x: true,
  });

  await linkedin.fill('1,200');
  await options.getByRole('button', { name: 'Save audience' }).click();
  await expect(options.getByText('Saved, and sent to your company’s server.')).toBeVisible();
  const me = await backend.request<Me>('GET', '/v1/me', { token: tok });
  expect(me.audience).toEqual({ linkedin: 1200, x: 772 });
  expect(me.audienceIsDefault).toEqual({ linkedin: false, x: true });

  await options.reload();
  await expect(options.getByLabel('LinkedIn followers and connections')).toHaveValue('1200');
  expect(await token(context)).toBe(tok);

  // Opened at a section that renders only once its figures load: the page still goes there, focus with it.
  // (From another document each time: a fragment change alone would not load the page again.)
  await options.goto('about:blank');
  await options.goto(`${relay.optionsUrl}#audience`);
  await expect(options.getByRole('region', { name: 'Your audience' })).toBeFocused();
  await options.goto('about:blank');
  await options.goto(`${relay.optionsUrl}#voice`);
  await expect(options.getByRole('region', { name: 'Your voice' })).toBeFocused();
  await options.goto(relay.optionsUrl);

  // Back to the default: the field emptied, the server told so.
  await options.getByLabel('LinkedIn followers and connections').fill('');
  await options.getByRole('button', { name: 'Save audience' }).click();
  await expect(options.getByText('Saved, and sent to your company’s server.')).toBeVisible();
  expect((await backend.request<Me>('GET', '/v1/me', { token: tok })).audienceIsDefault).toEqual({
    linkedin: true,
    x: true,
  });
});

test('"Export my data" holds the share from this browser and from the server, never the token; offline, the local part and why the rest is missing', async ({
  backend,
  recorder,
  context,
  connect,
}) => {
  test.setTimeout(90_000);
  const user = await connect('russian');
  const x = await context.newPage();
  await insertOnXHome(x, captions.russian.x, user.link('russian', 'x'));
  await postOnXHome(x);
  await expectShareRecorded(backend, user.token, 'x');

  const options = user.options;
  await options.bringToFront();
  const exportData = async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export my data (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^relay-my-data-\d{4}-\d\d-\d\d\.json$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text, 'the token never leaves in an export').not.toContain(user.token);
    return JSON.parse(text) as {
      local: {
        settings: Record<string, unknown>;
        history: { id: string; title: string; network: string; state: string }[];
      };
      server: { profile: { name: string }; shares: { id: string; itemTitle: string; network: string }[] } | null;
      serverMissing?: string;
    };
  };

  const full = await exportData();
  expect(full.local.history).toHaveLength(1);
  const local = full.local.history[0]!;
  expect(local).toMatchObject({ title: 'Item russian', network: 'x', state: 'synced' });
  expect(full.local.settings.serverUrl).toBe(recorder.url);
  expect(full.local.settings).not.toHaveProperty('token');
  expect(full.server?.profile.name).toBe('Núria Puig');
  expect(full.server?.shares).toEqual([
    expect.objectContaining({ id: local.id, itemTitle: 'Item russian', network: 'x' }),
  ]);
  await expect(options.getByRole('status').filter({ hasText: 'Downloaded relay-my-data-' })).toContainText(
    'everything the server records',
  );

  await backend.stop();
  const offline = await exportData();
  expect(offline.server).toBeNull();
  expect(offline.serverMissing).toMatch(/could not be fetched/);
  expect(offline.local.history.map((h) => h.id)).toEqual([local.id]);
  await expect(options.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
    "The server's part is missing.",
  );
});
