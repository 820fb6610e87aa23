/**
 * Shared pieces of the composer tests (tests/e2e/composer-*.spec.ts): the editor fixtures served on the
 * real hostnames in the extension's browser, captions seeded through the admin API, an employee connected
 * through the options page, the two networks' composers as one table, and locators for Relay's in-page panel:
 *
 * - a region named "Suggested captions" next to each post composer (in an open shadow root; getByRole
 *   pierces it),
 * - buttons named `Insert: <first line of the caption, about 60 characters>`,
 * - a role="status" message after inserting (or the clipboard fallback message).
 */
import type { Locator, Page } from '@playwright/test';
import type { AdminItem, ItemCreate, Network } from '../../lib/contract';
import type { MyExport } from '../../lib/contract/export';
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { LOCAL_KEYS } from '../../lib/settings/keys';
import type { ExtensionBrowser } from './browser';
import { expect, test as base, type RelayPages } from './fixtures';
import type { RecordingProxy } from './recording-proxy';
import type { Backend } from './server';
import { serveEditorFixtures } from './editor-fixtures';

export { expect };

interface ComposerFixtures {
  sites: void;
  /** seedAndConnect with this test's backend, recorder and browser. */
  connect: (pinned: CaptionKey, name?: string) => Promise<Connected>;
  /** A new tab in the extension's browser, at `url` (one of the fixture sites). */
  sitePage: (url: string) => Promise<Page>;
  /** `connect(pinned)`, then `sitePage(url)`: the composer page a connected person opens. */
  connectAndOpen: (url: string, pinned?: CaptionKey) => Promise<{ user: Connected; page: Page }>;
  /** publishProfile with this test's backend and browser. */
  publish: (profile: SiteProfile) => Promise<void>;
}

/** Every composer test has the fixtures on x.com, twitter.com and www.linkedin.com in its browser. */
export const test = base.extend<ComposerFixtures>({
  sites: [
    async ({ context }, use) => {
      await serveEditorFixtures(context);
      await use();
    },
    { auto: true },
  ],
  connect: async ({ backend, recorder, relay }, use) =>
    use((pinned, name) => seedAndConnect({ backend, recorder, relay }, pinned, name)),
  sitePage: async ({ context }, use) =>
    use(async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    }),
  connectAndOpen: async ({ connect, sitePage }, use) =>
    use(async (url, pinned = 'multiline') => {
      const user = await connect(pinned);
      return { user, page: await sitePage(url) };
    }),
  publish: async ({ backend, relay, ext }, use) => use((profile) => publishProfile({ backend, relay, ext }, profile)),
});

// ---- captions -------------------------------------------------------------------------------------------

export const captions = {
  multiline: {
    linkedin: 'Our annual report is out.\nThree things stood out:\n\n1. Growth\n2. People 🚀',
    x: 'Our year in numbers 📈\n\nThree charts worth a look:',
  },
  catalan: {
    linkedin: "L'informe anual és aquí: col·laboració i creixement 🎉",
    x: "Col·laboració i creixement: l'any en xifres 🎉",
  },
  russian: {
    linkedin: 'Мы открыли исходный код нашего инструмента — присоединяйтесь! 👩‍💻',
    x: 'Мы открыли исходный код — присоединяйтесь! 👩‍💻',
  },
  hostile: {
    linkedin: '<img src=x onerror=alert(1)>',
    x: '<img src=x onerror=alert(1)>',
  },
} as const;
export type CaptionKey = keyof typeof captions;

const itemFor = (key: CaptionKey, pinned: boolean): ItemCreate => ({
  url: `https://example.com/news/${key}?ref=feed`,
  title: `Item ${key}`,
  topics: ['company'],
  pinned,
  captions: [
    {
      network: 'linkedin',
      text: captions[key].linkedin,
      language: key === 'catalan' ? 'ca' : key === 'russian' ? 'ru' : 'en',
    },
    { network: 'x', text: captions[key].x, language: key === 'catalan' ? 'ca' : key === 'russian' ? 'ru' : 'en' },
  ],
});

/** The employee's bearer token, from the extension's first queue sync that the recorder saw succeed. */
export async function syncedToken(recorder: RecordingProxy): Promise<string> {
  let token = '';
  await expect
    .poll(
      () => {
        const sync = recorder.exchanges.find((e) => e.path.startsWith('/v1/queue') && e.status === 200);
        token = String(sync?.requestHeaders.authorization ?? '').replace(/^Bearer /, '');
        return token;
      },
      { message: 'the extension synced the queue after connecting' },
    )
    .not.toBe('');
  return token;
}

export interface Connected {
  /** The employee's bearer token, as the extension sends it (seen through the recording proxy). */
  token: string;
  items: Record<CaptionKey, AdminItem>;
  /** The employee's tracked link for `key`'s item on `network`, from the backend's queue. */
  link(key: CaptionKey, network: Network): string;
  options: Page;
}

/**
 * Seed one item per caption kind (the one under test pinned, so it is first in the panel whatever the
 * panel's length), connect through the options page via the recording proxy, wait for the first sync.
 */
export async function seedAndConnect(
  { backend, recorder, relay }: { backend: Backend; recorder: RecordingProxy; relay: RelayPages },
  pinned: CaptionKey,
  name = 'Núria Puig',
): Promise<Connected> {
  const items = {} as Record<CaptionKey, AdminItem>;
  for (const key of Object.keys(captions) as CaptionKey[])
    items[key] = await backend.createItem(itemFor(key, key === pinned));
  const code = await backend.createInvite(name);
  const options = await relay.connect(recorder.url, code);
  await expect(options.getByText(new RegExp(`Connected as ${name}`))).toBeVisible();
  const token = await syncedToken(recorder);
  const queue = await backend.queue(token);
  return {
    token,
    items,
    options,
    link(key, network) {
      const q = queue.items.find((i) => i.id === items[key].id);
      if (!q) throw new Error(`item ${key} not in the queue`);
      return q.links[network];
    },
  };
}

/**
 * Publish `profile` as an admin and wait until the extension's background has stored it (known by its last
 * composer's name). Opening the popup makes the background sync the queue and the site profiles.
 */
export async function publishProfile(
  { backend, relay, ext }: { backend: Backend; relay: RelayPages; ext: ExtensionBrowser },
  profile: SiteProfile,
): Promise<void> {
  await backend.request('PUT', `/v1/admin/site-profiles/${profile.network}`, {
    token: backend.adminToken,
    body: profile,
    expect: 200,
  });
  const popup = await relay.openPopup();
  await expect
    .poll(
      () =>
        ext.serviceWorker.evaluate(
          async ([key, name]) => {
            type Local = { get(key: string): Promise<Record<string, unknown>> };
            const { chrome } = globalThis as unknown as { chrome: { storage: { local: Local } } };
            const stored = (await chrome.storage.local.get(key))[key];
            return JSON.stringify(stored ?? null).includes(`"name":"${name}"`);
          },
          [LOCAL_KEYS.siteProfiles, profile.composers.at(-1)!.name] as const,
        ),
      { message: 'the background stored the published profile' },
    )
    .toBe(true);
  await popup.close();
}

// ---- the panel ------------------------------------------------------------------------------------------

export const PANEL = 'Suggested captions';
export const panels = (scope: Page | Locator) => scope.getByRole('region', { name: PANEL });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Insert: <first line…>`: matched on the start of the first line, whatever the panel's shortening. */
export function insertButton(scope: Page | Locator, caption: string): Locator {
  const firstLine = caption.split('\n')[0]!.trim();
  const head = [...firstLine].slice(0, 30).join('');
  return scope.getByRole('button', { name: new RegExp(`^Insert: ${escapeRegExp(head)}`) });
}

export const statusMessage = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

// ---- the editor's text ----------------------------------------------------------------------------------

export const xText = (page: Page, name?: string) => page.evaluate((n) => window.getPlainText(n), name);
/** quill.getText() always ends with one "\n"; that one is the editor's, not the text's. */
export const quillText = (page: Page, name?: string) =>
  page.evaluate((n) => window.getQuillText(n).replace(/\n$/, ''), name);

/** Click into `editor`, type "Before. After." and leave the caret before "After.". */
export async function typeBeforeAfter(page: Page, editor: Locator, read: () => Promise<string>): Promise<void> {
  await editor.click();
  await page.keyboard.type('Before. After.');
  for (let i = 0; i < 'After.'.length; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(read).toBe('Before. After.');
}

// ---- the two networks' post composers -----------------------------------------------------------------

export interface ComposerSite {
  network: Network;
  /** For test titles. */
  label: string;
  origin: string;
  /** A page whose post composer is there at load. */
  url: string;
  /** Go to the site and open its post composer as a person would. */
  open(page: Page): Promise<void>;
  editor(page: Page): Locator;
  /** The text in the editor's state. */
  text(page: Page): Promise<string>;
  postButton(page: Page): Locator;
  expectPostEnabled(page: Page, enabled: boolean): Promise<void>;
  /** The fixture's name for the composer in `window.__posted`. */
  postedAs: string;
}

const linkedinEditor = (page: Page) =>
  page.getByRole('dialog').getByRole('textbox', { name: 'Text editor for creating content' });

export const composerSites: Record<Network, ComposerSite> = {
  x: {
    network: 'x',
    label: 'X (Draft.js)',
    origin: 'https://x.com',
    url: 'https://x.com/home',
    open: async (page) => void (await page.goto('https://x.com/home')),
    editor: (page) => page.locator('[data-testid="tweetTextarea_0"]'),
    text: (page) => xText(page),
    postButton: (page) => page.locator('[data-testid="tweetButtonInline"]'),
    expectPostEnabled: (page, enabled) =>
      expect(composerSites.x.postButton(page)).toHaveAttribute('aria-disabled', String(!enabled)),
    postedAs: 'home',
  },
  linkedin: {
    network: 'linkedin',
    label: 'LinkedIn (Quill 1)',
    origin: 'https://www.linkedin.com',
    url: 'https://www.linkedin.com/feed/?open=1',
    async open(page) {
      await page.goto('https://www.linkedin.com/feed/');
      await page.getByRole('button', { name: 'Start a post' }).click();
      await expect(linkedinEditor(page)).toBeVisible();
    },
    editor: linkedinEditor,
    text: (page) => quillText(page),
    postButton: (page) => page.locator('.share-actions__primary-action'),
    async expectPostEnabled(page, enabled) {
      const post = composerSites.linkedin.postButton(page);
      await (enabled ? expect(post).toBeEnabled() : expect(post).toBeDisabled());
    },
    postedAs: 'share',
  },
};

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * The inserted text: what was there (if anything), then the caption, a space or line break, the tracked
 * link: each exactly once, nothing else.
 */
export function expectInserted(text: string, caption: string, link: string, before = ''): void {
  const pattern = new RegExp(
    `^${before ? `${escapeRegExp(before)}[ \\n]+` : ''}${escapeRegExp(caption)}[ \\n]{1,2}${escapeRegExp(link)}[ \\n]?$`,
  );
  expect(text, `caption + separator + link in the editor state`).toMatch(pattern);
  expect(count(text, caption), 'the caption exactly once').toBe(1);
  expect(count(text, link), 'the link exactly once').toBe(1);
}

/**
 * Inserted at the caret inside existing text: what was before the caret stays before, what was after stays
 * after, caption then link in between, each exactly once.
 */
export function expectInsertedAtCaret(
  text: string,
  caption: string,
  link: string,
  before: string,
  after: string,
): void {
  const pattern = new RegExp(
    `^${escapeRegExp(before)}[ \n]*${escapeRegExp(caption)}[ \n]{1,2}${escapeRegExp(link)}[ \n]*${escapeRegExp(after)}[ \n]?$`,
  );
  expect(text, 'caption + separator + link at the caret, the rest kept around it').toMatch(pattern);
  expect(count(text, caption), 'the caption exactly once').toBe(1);
  expect(count(text, link), 'the link exactly once').toBe(1);
}

/** Wait until the editor state holds the inserted text, then check it precisely. */
export async function expectEditorText(
  read: () => Promise<string>,
  caption: string,
  link: string,
  before = '',
): Promise<string> {
  await expect.poll(read, { message: 'the link reached the editor state' }).toContain(link);
  const text = await read();
  expectInserted(text, caption, link, before);
  return text;
}

/** On X's home composer: Insert `caption` from the panel; returns the editor state once it holds `link`. */
export async function insertOnXHome(page: Page, caption: string, link: string): Promise<string> {
  await page.goto(composerSites.x.url);
  await insertButton(panels(page), caption).click();
  return expectEditorText(() => xText(page), caption, link);
}

/** The person presses Post on X's home composer and the site takes the post. */
export async function postOnXHome(page: Page): Promise<void> {
  await composerSites.x.postButton(page).click();
  await expect.poll(() => page.evaluate(() => window.__posted.length), { message: 'the site took the post' }).toBe(1);
}

/** The shares as the backend stored them, from the employee's export. */
export const storedShares = async (backend: Backend, token: string) =>
  (await backend.request<MyExport>('GET', '/v1/me/export', { token })).shares.map((s) => ({
    network: s.network,
    edited: s.edited,
  }));

/** The share reaches the backend (the extension's outbox flushes it): reach shows exactly one. */
export async function expectShareRecorded(backend: Backend, token: string, network: Network): Promise<void> {
  await expect
    .poll(async () => (await backend.reach(token)).byNetwork[network].shares, {
      message: `the ${network} share reached the backend`,
      timeout: 45_000,
      intervals: [250, 500, 1000],
    })
    .toBe(1);
  expect((await backend.reach(token)).shares).toBe(1);
}
