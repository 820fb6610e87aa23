/**
 * First run in real Chromium: installing Relay in a fresh profile opens the settings page by itself, with the
 * welcome on top; later starts and updates open nothing. Every reason onInstalled can give is unit-tested in
 * lib/background/first-run.test.ts; here the real listener in the real worker gets them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension, welcomePage } from '../helpers/browser';
import { LOCAL_KEYS, removeStored } from '../helpers/storage';

declare const chrome: {
  runtime: { onInstalled: { dispatch(details: { reason: string; previousVersion?: string }): void } };
};

const settingsPages = (context: BrowserContext, extensionId: string) =>
  context.pages().filter((p) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`));

/** Runs the worker's own onInstalled listeners, as Chromium does when it installs or updates Relay. */
const installed = (worker: Worker, reason: string) =>
  worker.evaluate((r) => chrome.runtime.onInstalled.dispatch({ reason: r, previousVersion: '0.0.9' }), reason);

test('a fresh install opens the settings page once, with the welcome and the connect form', async () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'relay-first-run-'));
  try {
    const ext = await launchWithExtension({ keepWelcome: true, profileDir });
    try {
      const page = await welcomePage(ext.context, ext.extensionId);
      expect(page, 'Relay opened its settings page after installing').not.toBeNull();
      const welcome = page!.getByRole('region', { name: 'Welcome to Relay' });
      await expect(welcome).toBeVisible();
      await expect(welcome).toContainText('press Post yourself');
      await expect(welcome).toContainText('invite code');
      // What is recorded: the link leads to the section that lists it.
      await expect(welcome.getByRole('link', { name: 'See everything Relay records' })).toHaveAttribute(
        'href',
        '#privacy',
      );
      await expect(page!.getByRole('region', { name: 'What Relay records about you' })).toBeAttached();
      // The form below the welcome keeps its labels.
      await expect(page!.getByLabel('Server URL')).toBeVisible();
      await expect(page!.getByLabel('Invite code')).toBeVisible();
      await expect(page!.getByRole('button', { name: 'Connect' })).toBeVisible();
      expect(settingsPages(ext.context, ext.extensionId), 'one settings page, not several').toHaveLength(1);
    } finally {
      await ext.close();
    }

    // The same profile started again: Chromium reports an extension loaded from the command line as installed
    // anew on every start; the person already had their welcome.
    const again = await launchWithExtension({ keepWelcome: true, profileDir });
    try {
      expect(
        await welcomePage(again.context, again.extensionId, 5_000),
        'no settings page on a later start',
      ).toBeNull();
    } finally {
      await again.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('updates of Relay or of the browser open no page, even for an install from before the welcome', async () => {
  const ext = await launchWithExtension({ fresh: true });
  const worker = ext.serviceWorker;
  try {
    expect(settingsPages(ext.context, ext.extensionId)).toHaveLength(0);
    // Someone who installed a version without the welcome: nothing in storage says they had one.
    await removeStored(worker, LOCAL_KEYS.welcomed);
    for (const reason of ['update', 'chrome_update', 'shared_module_update']) await installed(worker, reason);
    // As long as the install in the other test was given to open its page.
    expect(await welcomePage(ext.context, ext.extensionId, 5_000), 'no settings page after updates').toBeNull();
    // The same listener does open it for an install: the updates above really reached it.
    await installed(worker, 'install');
    const page = await welcomePage(ext.context, ext.extensionId);
    expect(page, 'the listener opens the page on install').not.toBeNull();
    await expect(page!.getByRole('region', { name: 'Welcome to Relay' })).toBeVisible();
    expect(settingsPages(ext.context, ext.extensionId), 'only the install opened a page').toHaveLength(1);
  } finally {
    await ext.close();
  }
});
