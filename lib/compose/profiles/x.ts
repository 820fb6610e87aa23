import type { SiteProfile } from '../../contract/site-profiles';

/*
 * X (x.com, twitter.com). Markers, as seen on the live site and reproduced by the e2e fixtures
 * (draft-js@0.11.7 with `webDriverTestID="tweetTextarea_0"`):
 * - editor: `div.public-DraftEditor-content[data-testid="tweetTextarea_0"][role="textbox"][contenteditable]`;
 *   at mobile widths a plain `<textarea data-testid="tweetTextarea_0">`;
 * - Post button: `[data-testid="tweetButtonInline"]` (home timeline) or `[data-testid="tweetButton"]` (dialog),
 *   `aria-disabled="true"` until the editor STATE has text;
 * - "Create post" dialog: `/compose/post`, the editor inside `[role="dialog"]`.
 * Never: replies (a post page's inline reply box, or a dialog showing the post being replied to) and direct
 * messages: the legacy `[data-testid="dmComposerTextInput"]` (on `/messages` or in the drawer) and XChat, which
 * replaced it at `/i/chat/…` (a `textarea[data-testid="dm-composer-textarea"]` in a
 * `[data-testid="dm-composer-form"]` with a `[data-testid="dm-composer-send-button"]`). Path rules are avoided
 * for replies and the drawer: the "Create post" dialog can open over any page and must still get its panel.
 * XChat's own pages are the exception (`/i/chat/**`): nothing there is a post composer, and the "Create post"
 * dialog has a location of its own (`/compose/post`).
 * Where the reply markers come from (open-source code that works on x.com, read in Nov 2026; none of it copied):
 * - the inline reply box of a post page sits in `div[data-testid="inline_reply_offscreen"]`, the sibling right
 *   after the focal post's article: several extensions and scrapers locate the focal post as the article
 *   followed by that div, or skip that div when reading a post's text;
 * - a reply opened as a dialog renders the post being replied to, an `[data-testid="tweet"]` article, inside
 *   the `[role="dialog"]`: the Twitter UI Customizer extension (TUIC) tells its reply dialog from its "Create
 *   post" dialog by exactly that, to relabel the Post button and the placeholder only in the latter.
 * The "Replying to @…" line has no test id that any of them relies on, so Relay does not look for one.
 * Selectors that a site no longer uses cost nothing; keep the old ones as fallbacks for a while.
 */
const draftEditor = [
  '[data-testid^="tweetTextarea_"][role="textbox"][contenteditable="true"]',
  '.public-DraftEditor-content[contenteditable="true"]',
];
const postButton = {
  selectors: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
  // X's own words for its Post button (es, ca, fr, it, nl, ru, pt, de), used only when no selector matches.
  texts: ['Post', 'Post all', 'Tweet', 'Postear', 'Publica', 'Poster', 'Posta', 'Plaatsen', 'Опубликовать', 'Postar', 'Posten'],
};

export const xProfile: SiteProfile = {
  version: 2,
  network: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  composers: [
    {
      name: 'x-compose-dialog',
      editor: draftEditor,
      editorKind: 'draft',
      within: ['[role="dialog"]', '[aria-modal="true"]'],
      // Below the whole rich-text box, never inside Draft.js's own DOM.
      anchor: { closest: ['[data-testid$="RichTextInputContainer"]', '.DraftEditor-root'], position: 'after' },
      postButton,
    },
    {
      name: 'x-home-inline',
      editor: draftEditor,
      editorKind: 'draft',
      // The timeline's own composer exists only on the home page. The same editor elsewhere outside a dialog is
      // a reply (a post page's conversation) or a direct message: by listing where it IS a post composer, new
      // look-alikes elsewhere stay without a panel.
      paths: ['/', '/home'],
      anchor: { closest: ['[data-testid$="RichTextInputContainer"]', '.DraftEditor-root'], position: 'after' },
      postButton,
    },
    {
      name: 'x-mobile-textarea',
      editor: ['textarea[data-testid^="tweetTextarea_"]'],
      editorKind: 'textarea',
      // The mobile layout's home composer and its full-page "Create post"; replies elsewhere are left alone.
      paths: ['/', '/home', '/compose/**'],
      anchor: { position: 'after' },
      postButton,
    },
  ],
  ignore: [
    {
      reason: 'X direct messages',
      closest: [
        '[data-testid="dmComposerTextInput"]',
        '[data-testid="dmComposer"]',
        '[data-testid="DMDrawer"]',
        '[data-testid="DmActivityContainer"]',
        '[data-testid="DMComposer"]',
        'textarea[data-testid="dm-composer-textarea"]',
        '[data-testid="dm-composer-form"]',
      ],
    },
    {
      // A second way to know a chat box whose own test ids changed. The send button shows only while the box
      // holds text (a draft kept for the conversation, say), so it backs up the markers above, never replaces them.
      reason: 'X direct messages (XChat): a form with the chat send button',
      within: ['[data-testid="dm-composer-form"]', 'form'],
      has: ['[data-testid="dm-composer-send-button"]'],
    },
    { reason: 'X direct messages (XChat pages)', paths: ['/i/chat/**'] },
    {
      reason: 'X reply markers',
      closest: ['[data-testid="inline_reply_offscreen"]', '[data-testid="replyComposer"]'],
    },
    {
      reason: 'X reply dialog: it shows the post being replied to',
      within: ['[role="dialog"]'],
      has: ['[data-testid="tweet"]', '[data-testid="inline_reply_offscreen"]'],
    },
  ],
};
