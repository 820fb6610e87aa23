import type { Anchor, SiteProfile } from '../../contract/site-profiles';

/*
 * X's post composers: Draft.js (`tweetTextarea_0`), a <textarea> at mobile widths; on the home timeline or in the
 * "Create post" dialog, which can open over any page, so replies and chat boxes are told apart by their markers
 * rather than by path (XChat's own pages at /i/chat/** are the exception: no post composer there).
 * Old selectors stay as fallbacks: one a site no longer uses costs nothing.
 * Pinned by detect.test.ts ('detectComposers on X', 'X direct messages in XChat (/i/chat/…)'), page-check.test.ts,
 * and in the browser by composer-x.spec.ts and composer-site-markup.spec.ts.
 */
const draftEditor = [
  '[data-testid^="tweetTextarea_"][role="textbox"][contenteditable="true"]',
  '.public-DraftEditor-content[contenteditable="true"]',
];
// The panel's place: below the whole rich-text box, never inside Draft.js's own DOM.
const belowDraftBox: Anchor = {
  closest: ['[data-testid$="RichTextInputContainer"]', '.DraftEditor-root'],
  position: 'after',
};
const postButton = {
  selectors: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
  // X's own words for its Post button, used only when no selector matches (share-languages.test.ts).
  texts: [
    'Post',
    'Post all',
    'Tweet',
    'Postear',
    'Publica',
    'Poster',
    'Posta',
    'Plaatsen',
    'Опубликовать',
    'Postar',
    'Posten',
  ],
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
      anchor: belowDraftBox,
      postButton,
    },
    {
      name: 'x-home-inline',
      editor: draftEditor,
      editorKind: 'draft',
      // The timeline's composer exists only on the home page; the same editor elsewhere outside a dialog is a
      // reply or a direct message. Listing where it IS a post composer keeps new look-alikes without a panel.
      paths: ['/', '/home'],
      anchor: belowDraftBox,
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
