import type { SiteProfile } from '../../contract/site-profiles';

/*
 * LinkedIn's share box ("Start a post"): Quill in a dialog, in the light DOM or in the open shadow root of
 * #interop-outlet. Class selectors first; the data-test hooks and the localised aria-labels are fallbacks for
 * renamed classes. Comments (Quill, or TipTap in a `[componentkey^="commentBox-"]`) and messaging never get a
 * panel; the TipTap wrapper alone marks no comment, as it also wraps other fields and at times the share box.
 * Pinned by detect.test.ts ('detectComposers on LinkedIn', 'LinkedIn comments in TipTap (ProseMirror)'),
 * page-check.test.ts, and in the browser by composer-linkedin.spec.ts and composer-prosemirror.spec.ts.
 */
export const linkedinProfile: SiteProfile = {
  version: 2,
  network: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  composers: [
    {
      name: 'linkedin-share-dialog',
      editor: [
        '.ql-editor[role="textbox"][contenteditable="true"]',
        '[role="textbox"][aria-label="Text editor for creating content"]',
        '.ql-editor[contenteditable="true"]',
        '[data-test-ql-editor-contenteditable][contenteditable="true"]',
        '[role="textbox"][aria-label="Editor de texto para crear contenido"]',
        '[role="textbox"][aria-label="Текстовое поле для написания контента"]',
      ],
      editorKind: 'quill',
      within: ['[role="dialog"]', '.share-box', '.share-creation-state', '[data-test-modal-id="sharebox"]'],
      shadowHosts: ['#interop-outlet', '[data-testid="interop-shadowdom"]'],
      // Below the editor box, outside Quill's own container.
      anchor: {
        closest: ['.share-creation-state__text-editor', '.editor-container', '.ql-container'],
        position: 'after',
      },
      postButton: {
        selectors: [
          '.share-actions__primary-action',
          'button[data-control-name="share.post"]',
          '.share-box_actions button.artdeco-button--primary',
        ],
        // LinkedIn's own words for its Post button, used only when no selector matches (share-languages.test.ts).
        texts: [
          'Post',
          'Publicar',
          'Опубликовать',
          'Julkaise',
          'Posten',
          'Veröffentlichen',
          'Publier',
          'Pubblica',
          'Plaatsen',
        ],
      },
    },
  ],
  ignore: [
    {
      reason: 'LinkedIn comments',
      closest: [
        '.comments-comment-box',
        '.comments-comment-texteditor',
        '.comments-comment-box-comment__text-editor',
        '[componentkey^="commentBox-"]',
        '[role="textbox"][aria-label="Text editor for creating comment"]',
      ],
    },
    {
      reason: 'LinkedIn messaging',
      closest: ['.msg-form', '.msg-form__contenteditable', '.msg-overlay-conversation-bubble', '.msg-convo-wrapper'],
    },
    { reason: 'LinkedIn messaging (pages)', paths: ['/messaging', '/messaging/**'] },
  ],
};
