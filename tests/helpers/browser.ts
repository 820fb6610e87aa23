/**
 * Debian Chromium with the built extension loaded, the way TESTING.md describes it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
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

/** Chromium's switches for every headless run here: no GPU, no first-run or background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's switches for a headless run with the unpacked extension in `dir` and nothing else. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS];
}

export interface LaunchOptions {
  /** The unpacked extension (default: the build, or RELAY_EXTENSION_DIR); e.g. a copy with a bench page. */
  dir?: string;
  /** Written as the profile's Default/Preferences before Chromium starts (what a person set earlier). */
  preferences?: Record<string, unknown>;
  /**
   * Keep the settings page Relay opens by itself on install (the first-run tests look at it). By default it is
   * closed before the browser is handed over, so tests start with the one blank page they always had.
   */
  keepWelcome?: boolean;
  /** An existing profile to start again (kept on close); by default a fresh one, removed on close. */
  profileDir?: string;
  /**
   * The browser's UI language (e.g. 'ca', 'ru'). On Linux Chromium takes it from the process's LANGUAGE/LANG,
   * not from --lang; it needs Debian's chromium-l10n for anything but English.
   */
  language?: string;
}

const REGION: Record<string, string> = { ca: 'ES', es: 'ES', it: 'IT', nl: 'NL', ru: 'RU', en: 'US' };
/** The process environment of a browser whose UI is in `language`. */
function languageEnv(language: string): Record<string, string> {
  const posix = `${language}_${REGION[language] ?? language.toUpperCase()}.UTF-8`;
  return { LANGUAGE: language, LANG: posix, LC_ALL: posix };
}

/** How long a fresh install is given to open its settings page; a build without first run opens none. */
const WELCOME_WAIT_MS = 10_000;

/** The settings page the extension opened on install, once it is there (null if none came in time). */
export async function welcomePage(
  context: BrowserContext,
  extensionId: string,
  timeout = WELCOME_WAIT_MS,
): Promise<Page | null> {
  const isWelcome = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  const deadline = Date.now() + timeout;
  // Polled rather than waited for as an event: the tab may already be open, and its URL is set after the event.
  while (Date.now() < deadline) {
    const page = context.pages().find(isWelcome);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** Chromium with the extension in a fresh profile, as a Playwright persistent context. */
export async function launchWithExtension({
  dir = extensionDir,
  preferences,
  keepWelcome = false,
  profileDir: existing,
  language,
}: LaunchOptions = {}): Promise<ExtensionBrowser> {
  checkPrerequisites();
  const profileDir = existing ?? mkdtempSync(join(tmpdir(), 'relay-profile-'));
  const removeProfile = () => !existing && rmSync(profileDir, { recursive: true, force: true });
  if (preferences) {
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      args: extensionArgs(dir),
      ...(language
        ? { env: { ...(process.env as Record<string, string>), ...languageEnv(language) }, locale: language }
        : {}),
    });
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(serviceWorker.url()).host;
    if (!keepWelcome) {
      const welcome = await welcomePage(context, extensionId);
      // Closed once it has loaded: closing the page Relay opens on install while it is still loading has left
      // Chromium answering every catalogue lookup of the extension with "" (lib/i18n has a fallback for that).
      await welcome?.waitForLoadState('load').catch(() => undefined);
      await welcome?.close();
    }
    const ctx = context;
    return {
      context: ctx,
      serviceWorker,
      extensionId,
      async close() {
        await ctx.close().catch(() => {});
        removeProfile();
      },
    };
  } catch (err) {
    await context?.close().catch(() => {});
    removeProfile();
    throw err;
  }
}
