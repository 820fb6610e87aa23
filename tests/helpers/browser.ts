/**
 * Debian Chromium with the built extension loaded, the way TESTING.md describes it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { repoRoot } from './server';

/** The built extension; RELAY_EXTENSION_DIR points elsewhere (e.g. a build of another checkout). */
export const extensionDir = process.env.RELAY_EXTENSION_DIR || join(repoRoot, '.output', 'chrome-mv3');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** One line each, so a missing prerequisite reads as an instruction rather than a stack trace. */
export function checkPrerequisites(): void {
  const bin = chromiumPath();
  if (!existsSync(bin)) {
    throw new Error(
      `Chromium not found at ${bin}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first (npm run test:e2e does).`);
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the extension built in `dir` (a copy of the build, for a bench page of its own). */
export async function launchWithExtension(dir: string = extensionDir): Promise<ExtensionBrowser> {
  checkPrerequisites();
  const profileDir = mkdtempSync(join(tmpdir(), 'relay-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(serviceWorker.url()).host;
    const ctx = context;
    return {
      context: ctx,
      serviceWorker,
      extensionId,
      async close() {
        await ctx.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context?.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
}
