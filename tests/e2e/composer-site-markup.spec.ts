/**
 * The sites' newer markup, end to end in Chromium with the built extension, the real backend and the editor
 * fixtures (tests/fixtures/editors) on the real hostnames:
 * - LinkedIn's hidden `/preload/` iframe holds a share box of its own, a decoy: content scripts run in the top
 *   frame only, so it gets no panel while the real share box does;
 * - X's direct messages in XChat (`/i/chat/…`, and its chat drawer beside other pages) get no panel, while a
 *   post composer on the same page does. Their box matches none of the bundled composers, so these pages run
 *   with a published profile that adds a catch-all composer: the ignore rules, not luck, keep the chat quiet;
 * - Spanish and Russian pages whose Post button has lost the classes or test ids Relay looks for first: the
 *   button is known by the network's own word, and pressing it records the share.
 * Every case waits for the panel it expects before checking for the panels it must not find, so an absence
 * means Relay looked and said no.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Network } from '../../lib/contract/common';
import type { SiteProfile } from '../../lib/contract/site-profiles';
import { xProfile } from '../../lib/compose/profiles/x';
import { extensionDir } from '../helpers/browser';
import {
  type CaptionKey,
  captions,
  expect,
  expectEditorText,
  expectShareRecorded,
  insertButton,
  PANEL,
  panels,
  quillText,
  test,
  xText,
} from '../helpers/composer';

/** X's bundled profile and, last, a composer that takes any text box anywhere: what a hasty profile push could add. */
const xWithCatchAll: SiteProfile = {
  ...xProfile,
  version: xProfile.version + 1,
  composers: [
    ...xProfile.composers,
    {
      name: 'any-text-box',
      editor: ['textarea', '[role="textbox"][contenteditable="true"]'],
      editorKind: 'auto',
      anchor: { position: 'after' },
      postButton: { selectors: ['button[type="submit"]'] },
    },
  ],
};

interface Case {
  name: string;
  network: Network;
  url: string;
  /** A profile the backend publishes before the page is opened (the bundled one otherwise). */
  published?: SiteProfile;
  /** Boxes that must get no panel: the box's editor, and the element no panel may appear in. */
  quiet?: (page: Page) => { editor: Locator; around: Locator }[];
  /** What the person does to open the post composer, when the page does not show it at load. */
  open?: (page: Page) => Promise<void>;
  /** The post composer: the element its panel goes into, and its editor. */
  composer: (page: Page) => { box: Locator; editor: Locator };
  /** Insert this caption, then press the site's Post button, which bears `word`: the share must be recorded. */
  post?: { caption: CaptionKey; word: string };
}

const linkedinShareBox = (label: string) => (page: Page) => {
  const box = page.getByRole('dialog');
  return { box, editor: box.getByRole('textbox', { name: label }) };
};
const xHomeComposer = (label: string) => (page: Page) => {
  const box = page.locator('[data-fixture-composer="home"]');
  return { box, editor: box.getByRole('textbox', { name: label }) };
};
const xPostDialog = (page: Page) => {
  const box = page.locator('[role="dialog"]');
  return { box, editor: box.locator('[data-testid="tweetTextarea_0"]') };
};
const openPostDialog = (page: Page) => page.getByTestId('SideNav_NewTweet_Button').click();

const cases: Case[] = [
  {
    name: "LinkedIn: the hidden /preload/ iframe's share box gets no panel, the share box in the page does",
    network: 'linkedin',
    url: 'https://www.linkedin.com/feed/?preload=1',
    quiet: (page) => {
      const frame = page.frameLocator('iframe[src="/preload/"]');
      return [{ editor: frame.locator('.ql-editor[role="textbox"]'), around: frame.locator('body') }];
    },
    open: (page) => page.getByRole('button', { name: 'Start a post' }).click(),
    composer: linkedinShareBox('Text editor for creating content'),
  },
  {
    name: 'X: an XChat conversation at /i/chat/<id> gets no panel, the Post dialog opened over it does',
    network: 'x',
    url: 'https://x.com/i/chat/1456-7890',
    published: xWithCatchAll,
    quiet: (page) => {
      const around = page.getByTestId('dm-conversation-panel');
      return [{ editor: around.getByTestId('dm-composer-textarea'), around }];
    },
    open: openPostDialog,
    composer: xPostDialog,
  },
  {
    name: 'X: the XChat drawer beside the home timeline gets no panel, the home composer does',
    network: 'x',
    url: 'https://x.com/home?chat=1',
    published: xWithCatchAll,
    quiet: (page) => {
      const around = page.getByTestId('chat-drawer');
      return [{ editor: around.getByTestId('dm-composer-textarea'), around }];
    },
    composer: xHomeComposer('Post text'),
  },
  {
    name: 'LinkedIn in Spanish, editor and Post button known only by their words: "Publicar" records the share',
    network: 'linkedin',
    url: 'https://www.linkedin.com/feed/?open=1&lang=es&hooks=0',
    composer: linkedinShareBox('Editor de texto para crear contenido'),
    post: { caption: 'catalan', word: 'Publicar' },
  },
  {
    name: 'LinkedIn in Russian, editor and Post button known only by their words: "Опубликовать" records the share',
    network: 'linkedin',
    url: 'https://www.linkedin.com/feed/?open=1&lang=ru&hooks=0',
    composer: linkedinShareBox('Текстовое поле для написания контента'),
    post: { caption: 'russian', word: 'Опубликовать' },
  },
  {
    name: 'X in Spanish, Post button without its test id: "Postear" records the share',
    network: 'x',
    url: 'https://x.com/home?lang=es&hooks=0',
    composer: xHomeComposer('Texto del post'),
    post: { caption: 'multiline', word: 'Postear' },
  },
  {
    name: 'X in Russian, Post button without its test id: "Опубликовать" records the share',
    network: 'x',
    url: 'https://x.com/home?lang=ru&hooks=0',
    composer: xHomeComposer('Текст поста'),
    post: { caption: 'russian', word: 'Опубликовать' },
  },
];

/** Relay's panels in `scope`, hidden ones too (a hidden frame's panel would be hidden). */
const anyPanels = (scope: Locator) => scope.getByRole('region', { name: PANEL, includeHidden: true });

for (const c of cases) {
  test(c.name, async ({ backend, connect, sitePage, publish }) => {
    test.setTimeout(120_000);
    const relayUser = await connect(c.post?.caption ?? 'multiline');
    if (c.published) await publish(c.published);
    const page = await sitePage(c.url);
    const quiet = c.quiet?.(page) ?? [];
    for (const q of quiet)
      await expect(q.editor, 'the box that must stay without a panel is on the page').toHaveCount(1);
    await c.open?.(page);

    const { box, editor } = c.composer(page);
    await expect(editor).toBeVisible();
    const caption = captions[c.post?.caption ?? 'multiline'][c.network];
    await expect(panels(box)).toHaveCount(1);
    await expect(insertButton(box, caption), 'the panel has its suggestions').toBeVisible();
    // Relay has looked at this page and answered: only the post composer has a panel.
    await expect(panels(page)).toHaveCount(1);
    for (const q of quiet) await expect(anyPanels(q.around)).toHaveCount(0);

    if (!c.post) return;
    const read = () => (c.network === 'x' ? xText(page) : quillText(page));
    await insertButton(box, caption).click();
    await expectEditorText(read, caption, relayUser.link(c.post.caption, c.network));
    const postButton = box.getByRole('button', { name: c.post.word, exact: true });
    await expect(postButton).toBeEnabled();
    await postButton.click();
    await expect.poll(() => page.evaluate(() => window.__posted.length), { message: 'the site took the post' }).toBe(1);
    await expectShareRecorded(backend, relayUser.token, c.network);
  });
}

test('the content scripts are declared for the top frame only', () => {
  type ContentScript = {
    matches?: string[];
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  };
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScript[];
  };
  const scripts = manifest.content_scripts ?? [];
  expect(scripts.flatMap((s) => s.matches ?? []).sort()).toEqual([
    'https://twitter.com/*',
    'https://www.linkedin.com/*',
    'https://x.com/*',
  ]);
  for (const s of scripts) {
    expect(s.all_frames ?? false, `${s.matches?.join(' ')}: all_frames`).toBe(false);
    expect(s.match_about_blank ?? false, `${s.matches?.join(' ')}: match_about_blank`).toBe(false);
    expect(s.match_origin_as_fallback ?? false, `${s.matches?.join(' ')}: match_origin_as_fallback`).toBe(false);
  }
});
