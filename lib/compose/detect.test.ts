// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectComposers, type Composer } from './detect';
import { linkedinProfile, xProfile } from './profiles';
import type { SiteProfile } from '../contract/site-profiles';

const xEditor = (testid = 'tweetTextarea_0') =>
  `<div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="${testid}"></div></div></div>`;
const quillEditor = () =>
  `<div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div></div>`;

/** LinkedIn's TipTap editor as the package renders it: a contenteditable div of paragraphs. */
const tiptapEditor = (label: string, text = '') =>
  `<div data-testid="ui-core-tiptap-text-editor-wrapper"><div><div contenteditable="true" role="textbox" translate="no" tabindex="0" class="tiptap ProseMirror"${label ? ` aria-label="${label}"` : ''}>${
    text
      ? `<p>${text}</p>`
      : '<p data-placeholder="Add a comment…" class="is-empty is-editor-empty"><br class="ProseMirror-trailingBreak"></p>'
  }</div></div></div>`;

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

/** Runs detection with batches flushed synchronously on demand (`flush()`), recording what it reports. */
function run(profile: SiteProfile, path = '/home') {
  controller?.abort(); // one detector at a time: a test may run several, one per page
  controller = new AbortController();
  const appeared: Composer[] = [];
  const disappeared: Composer[] = [];
  let pending: (() => void)[] = [];
  detectComposers({
    profile,
    root: document,
    signal: controller.signal,
    getPath: () => path,
    schedule: (fn) => pending.push(fn),
    onAppear: (c) => appeared.push(c),
    onDisappear: (c) => disappeared.push(c),
  });
  const flush = async () => {
    await new Promise((r) => setTimeout(r, 0)); // let MutationObserver deliver
    const fns = pending;
    pending = [];
    for (const fn of fns) fn();
  };
  return { appeared, disappeared, flush, names: () => appeared.map((c) => c.composer.name) };
}

/**
 * The profile with one more composer, last, that takes any text box anywhere: what a hasty profile push could
 * add. Chat and comment boxes match none of the bundled composers today, so only with this do the tests below
 * show that the ignore rules themselves keep them without a panel.
 */
function withCatchAll(profile: SiteProfile): SiteProfile {
  return {
    ...profile,
    composers: [
      ...profile.composers,
      {
        name: 'any-text-box',
        editor: ['textarea', '[role="textbox"][contenteditable="true"]'],
        editorKind: 'auto',
        anchor: { position: 'after' },
        postButton: { selectors: ['button[type="submit"]'] },
      },
    ],
  };
}

describe('detectComposers on X', () => {
  it('finds the home composer already on the page at start, without a frame', () => {
    document.body.innerHTML = `<main>${xEditor()}<div data-testid="toolBar"><button data-testid="tweetButtonInline" aria-disabled="true">Post</button></div></main>`;
    const d = run(xProfile);
    expect(d.names()).toEqual(['x-home-inline']);
    expect(d.appeared[0]!.editor.dataset.testid).toBe('tweetTextarea_0');
  });

  it('finds a compose dialog mounted later, and several composers on one page', async () => {
    document.body.innerHTML = `<main>${xEditor()}</main>`;
    const d = run(xProfile);
    const layer = document.createElement('div');
    layer.innerHTML = `<div role="dialog" aria-modal="true"><div>${xEditor()}<button data-testid="tweetButton">Post</button></div></div>`;
    document.body.append(layer);
    await d.flush();
    expect(d.names()).toEqual(['x-home-inline', 'x-compose-dialog']);
  });

  it('finds a textarea composer (mobile layout) and an element that becomes an editor later', async () => {
    document.body.innerHTML = `<textarea data-testid="tweetTextarea_0"></textarea><div id="late" class="public-DraftEditor-content"></div>`;
    const d = run(xProfile);
    expect(d.names()).toEqual(['x-mobile-textarea']);
    document.getElementById('late')!.setAttribute('contenteditable', 'true');
    await d.flush();
    expect(d.names()).toEqual(['x-mobile-textarea', 'x-home-inline']);
  });

  it('reports a composer once, and reports it gone when it leaves the page', async () => {
    document.body.innerHTML = `<div role="dialog" id="dlg">${xEditor()}</div>`;
    const d = run(xProfile);
    document.getElementById('dlg')!.append(document.createElement('span'));
    await d.flush();
    expect(d.appeared).toHaveLength(1);
    document.getElementById('dlg')!.remove();
    await d.flush();
    expect(d.disappeared.map((c) => c.composer.name)).toEqual(['x-compose-dialog']);
  });

  it('skips direct messages, reply dialogs and inline replies on post pages', async () => {
    document.body.innerHTML = `
      <div data-testid="dmComposerTextInput">${xEditor('dmComposerTextInput_0')}</div>
      <div role="dialog"><article data-testid="tweet">original post</article><div>Replying to @someone</div>${xEditor()}</div>`;
    const d = run(xProfile);
    expect(d.appeared).toEqual([]);
    const replyPage = run(xProfile, '/someone/status/12345');
    document.body.insertAdjacentHTML('beforeend', `<section>${xEditor()}</section>`);
    await replyPage.flush();
    expect(replyPage.appeared).toEqual([]);
    const dmPage = run(xProfile, '/messages/123-456');
    // (the DM editor on its own page is neither in a dialog nor on /home: no post composer at all)
    document.body.insertAdjacentHTML('beforeend', `<aside>${xEditor()}</aside>`);
    await dmPage.flush();
    expect(dmPage.appeared).toEqual([]);
  });
});

describe('X direct messages in XChat (/i/chat/…)', () => {
  const broad = withCatchAll(xProfile);
  const chatBox = (extra = '') =>
    `<div data-testid="dm-composer-form"><textarea data-testid="dm-composer-textarea" placeholder="Unencrypted message"></textarea>${extra}</div>`;

  it('the catch-all composer does find a plain text box on the timeline', () => {
    document.body.innerHTML = `<div><textarea placeholder="Anything"></textarea></div>`;
    expect(run(broad, '/home').names()).toEqual(['any-text-box']);
  });

  it('a page at /i/chat/… gets no composer, whatever its boxes look like', () => {
    document.body.innerHTML = `
      ${chatBox()}
      <section><textarea placeholder="renamed chat box"></textarea></section>
      <div role="dialog">${xEditor()}</div>`;
    expect(run(broad, '/i/chat/1234-5678').appeared).toEqual([]);
    expect(run(xProfile, '/i/chat').appeared).toEqual([]);
  });

  it('the XChat box gets no composer anywhere (a chat drawer over the timeline), by its test ids', () => {
    document.body.innerHTML = `<main>${xEditor()}</main><aside>${chatBox('<button data-testid="dm-composer-voice-button">Voice</button>')}</aside>`;
    expect(run(broad, '/home').names()).toEqual(['x-home-inline']);
    document.body.innerHTML = `<aside><div><textarea data-testid="dm-composer-textarea"></textarea></div></aside>`;
    expect(run(broad, '/home').appeared).toEqual([]);
    // the chat's form, around an editor of another kind
    document.body.innerHTML = `<aside><div data-testid="dm-composer-form"><div role="textbox" contenteditable="true"></div></div></aside>`;
    expect(run(broad, '/home').appeared).toEqual([]);
  });

  it('a chat form whose test ids changed is known by the chat send button it shows while holding a draft', () => {
    const form = (button: string) => `<form><textarea placeholder="Message">draft</textarea>${button}</form>`;
    document.body.innerHTML = form('<button type="button" data-testid="dm-composer-send-button">Send</button>');
    expect(run(broad, '/home').appeared).toEqual([]);
    document.body.innerHTML = form('<button type="button">Send</button>');
    expect(run(broad, '/home').names()).toEqual(['any-text-box']);
  });
});

describe('detectComposers on LinkedIn', () => {
  it('finds the share dialog in the light DOM but not comments or messaging', () => {
    document.body.innerHTML = `
      <div class="comments-comment-box">${quillEditor()}</div>
      <div role="dialog"><div class="comments-comment-box">${quillEditor()}</div></div>
      <form class="msg-form">${quillEditor()}</form>
      <div role="dialog" id="share"><div class="share-creation-state__text-editor">${quillEditor()}</div></div>`;
    const d = run(linkedinProfile, '/feed/');
    expect(d.names()).toEqual(['linkedin-share-dialog']);
    expect(d.appeared[0]!.editor.closest('#share')).not.toBeNull();
  });

  it('an editor outside any dialog or share box is not a post composer', () => {
    document.body.innerHTML = `<div>${quillEditor()}</div>`;
    expect(run(linkedinProfile, '/feed/').appeared).toEqual([]);
  });

  /** LinkedIn's host for the share box's shadow root, added to the page. */
  const interopOutlet = () => {
    const host = document.createElement('div');
    host.id = 'interop-outlet';
    document.body.append(host);
    return host;
  };

  it('finds the share dialog inside the open shadow root of #interop-outlet, also when it mounts later', async () => {
    const d = run(linkedinProfile, '/feed/');
    const host = interopOutlet();
    const shadow = host.attachShadow({ mode: 'open' });
    await d.flush();
    expect(d.appeared).toEqual([]);
    shadow.innerHTML = `<div role="dialog"><div class="share-creation-state__text-editor">${quillEditor()}</div></div>`;
    await d.flush();
    await d.flush();
    expect(d.names()).toEqual(['linkedin-share-dialog']);
    expect(d.appeared[0]!.editor.getRootNode()).toBe(shadow);
    // a comment box inside the same shadow root is still ignored, and removal is seen there too
    const comment = document.createElement('div');
    comment.innerHTML = `<div role="dialog"><div class="comments-comment-box">${quillEditor()}</div></div>`;
    shadow.append(comment);
    await d.flush();
    expect(d.names()).toEqual(['linkedin-share-dialog']);
    shadow.firstElementChild!.remove();
    await d.flush();
    expect(d.disappeared.map((c) => c.composer.name)).toEqual(['linkedin-share-dialog']);
  });

  it('finds the share dialog when the shadow root is attached long after its host (on the person’s click)', async () => {
    const host = interopOutlet();
    const d = run(linkedinProfile, '/feed/');
    await new Promise((r) => setTimeout(r, 300)); // the early retries find nothing
    const button = document.createElement('button');
    button.addEventListener('click', () => {
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div role="dialog"><div class="share-creation-state__text-editor">${quillEditor()}</div></div>`;
    });
    document.body.append(button);
    await d.flush();
    button.click();
    await new Promise((r) => setTimeout(r, 20));
    await d.flush();
    expect(d.names()).toEqual(['linkedin-share-dialog']);
  });

  /** The share box with LinkedIn's class names changed: only what `editor` carries marks it. */
  const renamedShareBox = (dialog: string, editor: string) =>
    `<div ${dialog}><div class="a1b2c3"><div class="d4e5f6" contenteditable="true" ${editor}><p><br></p></div></div><button class="g7h8">Post</button></div>`;

  it('finds a share box with renamed classes by its data-test hooks alone', () => {
    document.body.innerHTML = renamedShareBox(
      'data-test-modal-id="sharebox"',
      'data-test-ql-editor-contenteditable="true"',
    );
    expect(run(linkedinProfile, '/feed/').names()).toEqual(['linkedin-share-dialog']);
  });

  it('finds a share box with renamed classes by its Spanish aria-label alone', () => {
    document.body.innerHTML = renamedShareBox(
      'role="dialog"',
      'role="textbox" aria-label="Editor de texto para crear contenido"',
    );
    expect(run(linkedinProfile, '/feed/').names()).toEqual(['linkedin-share-dialog']);
  });

  it('finds a share box with renamed classes in the shadow root of #interop-outlet by its Russian aria-label', async () => {
    const d = run(linkedinProfile, '/feed/');
    const host = interopOutlet();
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = renamedShareBox(
      'data-test-modal-id="sharebox" role="dialog"',
      'role="textbox" aria-label="Текстовое поле для написания контента"',
    );
    await d.flush();
    await d.flush();
    expect(d.names()).toEqual(['linkedin-share-dialog']);
    expect(d.appeared[0]!.editor.getRootNode()).toBe(shadow);
  });

  it('stops when aborted', async () => {
    const d = run(linkedinProfile, '/feed/');
    controller.abort();
    document.body.innerHTML = `<div role="dialog">${quillEditor()}</div>`;
    await d.flush();
    expect(d.appeared).toEqual([]);
  });
});

describe('LinkedIn comments in TipTap (ProseMirror)', () => {
  const broad = withCatchAll(linkedinProfile);
  const post = (inner: string) =>
    `<div role="dialog"><article><p>A post opened in a dialog</p>${inner}<button>Comment</button></article></div>`;

  it('the catch-all composer does find a TipTap editor that is not a comment (a profile field)', () => {
    document.body.innerHTML = `<section>${tiptapEditor('Headline')}</section>`;
    expect(run(broad, '/in/someone/edit/intro/').names()).toEqual(['any-text-box']);
  });

  it('a comment box gets no composer, by its aria-label', () => {
    document.body.innerHTML = post(tiptapEditor('Text editor for creating comment', 'Great news'));
    expect(run(broad, '/feed/').appeared).toEqual([]);
  });

  it('a comment box in another language gets no composer, by its component key', () => {
    document.body.innerHTML = post(
      `<div componentkey="commentBox-urn:li:activity:7300000000000000000">${tiptapEditor('Editor de comentarios')}</div>`,
    );
    expect(run(broad, '/feed/').appeared).toEqual([]);
  });

  it('the same wrapper around the share box’s editor is still the share box', () => {
    document.body.innerHTML = `<div role="dialog">${tiptapEditor('Text editor for creating content')}<button>Post</button></div>`;
    expect(run(linkedinProfile, '/feed/').names()).toEqual(['linkedin-share-dialog']);
  });
});
