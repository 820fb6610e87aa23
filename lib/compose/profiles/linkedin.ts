import type { SiteProfile } from '../../contract/site-profiles';

/*
 * LinkedIn (www.linkedin.com). The share box ("Start a post") is a Quill editor:
 * `div.ql-editor[role="textbox"][contenteditable="true"]`, aria-label "Text editor for creating content",
 * placeholder "What do you want to talk about?", inside `[role="dialog"]`. LinkedIn has been moving it into the
 * open shadow root of `div#interop-outlet`, in `[data-test-modal-id="sharebox"][role="dialog"]`, the editor also
 * marked `[data-test-ql-editor-contenteditable]`: those test hooks outlive class renames, so they are fallbacks.
 * The Post button is `.share-actions__primary-action`.
 * Never: comments and messaging (`.msg-form`). Comments were the same Quill editor (`.comments-comment-box`);
 * in 2026 they became TipTap/ProseMirror: a `[data-testid="ui-core-tiptap-text-editor-wrapper"]` around
 * `div.tiptap.ProseMirror[contenteditable][role="textbox"][aria-label="Text editor for creating comment"]`, inside
 * a `[componentkey^="commentBox-"]`, submitted with a "Comment" button. That wrapper alone marks no comment: it
 * is LinkedIn's rich-text component, also around profile fields and, in some versions, the share box's editor.
 * The aria-label is localised (es "Editor de texto para crear contenido", ru "Текстовое поле для написания
 * контента"), so the labels are fallbacks after the class-based selectors.
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
      anchor: { closest: ['.share-creation-state__text-editor', '.editor-container', '.ql-container'], position: 'after' },
      postButton: {
        selectors: [
          '.share-actions__primary-action',
          'button[data-control-name="share.post"]',
          '.share-box_actions button.artdeco-button--primary',
        ],
        // LinkedIn's own words for its Post button, used only when no selector matches. es, ru, fi and de are
        // LinkedIn's current strings; fr, it and nl were here before and are not checked again. X's stay in x.ts.
        texts: ['Post', 'Publicar', 'Опубликовать', 'Julkaise', 'Posten', 'Veröffentlichen', 'Publier', 'Pubblica', 'Plaatsen'],
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
