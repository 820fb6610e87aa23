/**
 * A company presets Relay by enterprise policy, through the real mechanism: Chromium on Linux reads policy files
 * from /etc/chromium/policies/managed/ and hands `3rdparty.extensions.<id>` to the extension's storage.managed
 * (keys declared in public/managed-schema.json). The person then sees the company's server as fixed text and
 * only signs in; an invitation link for another server is explained, not used.
 *
 * The build is copied to a folder of this spec's own, so its extension id (derived from the path) differs from
 * the one every other spec loads: a policy written here can reach no other browser on this machine.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invitationLink } from '../../lib/contract/invitation';
import { extensionDir, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { expect, test } from '../helpers/fixtures';
import { Backend } from '../helpers/server';

const POLICY_DIR = process.env.RELAY_POLICY_DIR || '/etc/chromium/policies/managed';

let copy: string;
let extensionId: string;
let policyFile: string;

test.beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'relay-managed-ext-'));
  cpSync(extensionDir, copy, { recursive: true });
  const first = await launchWithExtension({ dir: copy });
  extensionId = first.extensionId;
  await first.close();
  policyFile = join(POLICY_DIR, `relay-e2e-${extensionId}.json`);
});

test.afterAll(() => {
  if (policyFile) rmSync(policyFile, { force: true });
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function writePolicy(settings: Record<string, unknown>) {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }));
}

async function withBrowser(run: (ext: ExtensionBrowser) => Promise<void>) {
  const ext = await launchWithExtension({ dir: copy });
  try {
    expect(ext.extensionId, 'the copy keeps the id the policy names').toBe(extensionId);
    await run(ext);
  } finally {
    await ext.close();
  }
}

test('a server set by policy is fixed text; the person signs in with an invite code or an invitation link', async ({
  backend,
}) => {
  writePolicy({ serverUrl: backend.url, defaultTopics: ['Climate', 'hiring'] });
  try {
    await withBrowser(async (ext) => {
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      const signIn = options.locator('#sign-in');
      await expect(signIn.getByText('Your company’s Relay server')).toBeVisible();
      await expect(signIn.getByText(backend.url, { exact: true })).toBeVisible();
      await expect(options.locator('#server-url')).toHaveCount(0);
      await expect(options.getByLabel('Server URL')).toHaveCount(0);
      expect(await seriousViolations(options)).toEqual([]);

      // An invitation to another server: said plainly, nothing filled in.
      const code = options.locator('#invite-code');
      await code.fill(invitationLink('https://relay.other.example', 'NOPE-0000'));
      await expect(options.getByRole('alert')).toContainText(
        `This invitation is for https://relay.other.example, but your company’s Relay server is ${backend.url}.`,
      );
      await expect(code).toHaveValue('');

      // The company's own invitation link: the code is taken from it.
      const invite = await backend.createInvite('Ines Duarte');
      await code.fill(invitationLink(backend.url, invite));
      await expect(code).toHaveValue(invite);
      await expect(options.getByRole('status').filter({ hasText: 'Invitation link read' })).toBeVisible();
      await options.locator('form button[type=submit]').click();
      await expect(options.getByText('Connected as Ines Duarte')).toBeVisible();
      await expect(options.locator('#account')).toContainText(backend.url);

      // The company's default topics are this person's until they choose their own.
      for (const topic of ['climate', 'hiring']) {
        await expect(
          options.getByRole('group', { name: 'Topics' }).getByRole('button', { name: topic }),
        ).toHaveAttribute('aria-pressed', 'true');
      }
    });
  } finally {
    rmSync(policyFile, { force: true });
  }
});

test('single sign-on only: no invite-code form; a policy change applies while the browser runs', async () => {
  const backend = await Backend.start();
  writePolicy({ serverUrl: backend.url, singleSignOnOnly: true });
  try {
    await withBrowser(async (ext) => {
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(options.getByText('Your company signs you in with its single sign-on')).toBeVisible();
      await expect(options.locator('#invite-code')).toHaveCount(0);
      await expect(options.locator('#server-url')).toHaveCount(0);
      await expect(options.getByText(backend.url, { exact: true })).toBeVisible();
      expect(await seriousViolations(options)).toEqual([]);

      // IT allows invite codes again: Chromium notices the file and the page follows (storage.onChanged, managed).
      writePolicy({ serverUrl: backend.url, singleSignOnOnly: false });
      await expect(options.locator('#invite-code')).toBeVisible({ timeout: 45_000 });
      await expect(options.locator('#server-url')).toHaveCount(0);
    });
  } finally {
    rmSync(policyFile, { force: true });
    await backend.dispose();
  }
});
