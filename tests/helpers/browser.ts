/**
 * Debian Chromium with the built extension loaded, the way TESTING.md describes it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { DB_NAME } from '../../lib/db/names';
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
  /**
   * Install anew, even when the run made a profile template: a copy of the template gets Chromium's own
   * onInstalled events again after it starts, which a test of those events must not meet.
   */
  fresh?: boolean;
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

/**
 * A profile in which the built extension was installed once and its welcome page closed, made by the
 * end-to-end run's global setup: most tests start from a copy of it instead of installing again, which spares
 * each of them the install and the settings page it opens (about a second of two cores' time). Its alarms are
 * cleared, so a copy starts like a browser started again: runtime.onStartup sets the sync alarm anew.
 */
const templateDir = join(repoRoot, '.tmp', 'profile-template');

/** Installs the extension in a new profile template (see templateDir); workers see RELAY_PROFILE_TEMPLATE. */
export async function makeProfileTemplate(): Promise<void> {
  rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(templateDir, { recursive: true });
  const context = await chromium.launchPersistentContext(templateDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: extensionArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const welcome = await welcomePage(context, new URL(worker.url()).host);
    if (!welcome) throw new Error('the extension opened no settings page on install');
    await welcome.waitForLoadState('load');
    await welcome.close();
    // The worker's first delivery attempt takes the outbox lease for a moment; a copy made while it is held
    // would keep every test's first delivery out for a minute.
    await expect
      .poll(() => worker.evaluate(outboxLeaseIn, { name: DB_NAME }), { message: 'the outbox lease is released' })
      .toBeNull();
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll(),
    );
  } finally {
    await context.close();
  }
  process.env.RELAY_PROFILE_TEMPLATE = templateDir;
}

/** The outbox lease as the extension keeps it in its `meta` store. */
export interface OutboxLease {
  owner: string;
  until: number;
}

/**
 * The outbox lease in the extension's database `name` (null when none is held); with `endInMs`, first moved
 * to end that long from now, as if most of it had passed. Run in the service worker (`worker.evaluate`): no
 * named inner functions, as tsx's compiled names would not exist there.
 */
export async function outboxLeaseIn({
  name,
  endInMs,
}: {
  name: string;
  endInMs?: number;
}): Promise<OutboxLease | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('meta')) return null;
    const meta = db.transaction('meta', endInMs === undefined ? 'readonly' : 'readwrite').objectStore('meta');
    const row = await new Promise<{ value: string } | undefined>((resolve, reject) => {
      const req = meta.get('outboxLease');
      req.onsuccess = () => resolve(req.result as { value: string } | undefined);
      req.onerror = () => reject(req.error);
    });
    if (!row) return null;
    const lease = JSON.parse(row.value) as OutboxLease;
    if (endInMs !== undefined) {
      lease.until = Date.now() + endInMs;
      await new Promise<void>((resolve, reject) => {
        const req = meta.put({ key: 'outboxLease', value: JSON.stringify(lease) });
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
    }
    return lease;
  } finally {
    db.close();
  }
}

/** A fresh profile with the extension already installed, when the run made a template and it fits. */
function fromTemplate(profileDir: string, options: LaunchOptions): boolean {
  const template = process.env.RELAY_PROFILE_TEMPLATE;
  const fits =
    template &&
    existsSync(template) &&
    !options.keepWelcome &&
    !options.fresh &&
    !options.preferences &&
    !options.language &&
    !options.profileDir &&
    (options.dir ?? extensionDir) === extensionDir;
  if (fits) cpSync(template, profileDir, { recursive: true });
  return !!fits;
}

/** Chromium with the extension in a fresh profile, as a Playwright persistent context. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { dir = extensionDir, preferences, keepWelcome = false, profileDir: existing, language } = options;
  checkPrerequisites();
  const profileDir = existing ?? mkdtempSync(join(tmpdir(), 'relay-profile-'));
  const installed = !existing && fromTemplate(profileDir, options);
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
    if (!keepWelcome && !installed) {
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
