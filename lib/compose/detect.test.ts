// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectComposers, type Composer } from './detect';
import { linkedinProfile, xProfile } from './profiles';
import type { SiteProfile } from '../contract/site-profiles';

const xEditor = (testid = 'tweetTextarea_0') =>
  `<div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="${testid}"></div></div></div>`;
const quillEditor = () =>
  `<div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div></div>`;

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

/** Runs detection with batches flushed synchronously on demand (`flush()`), recording what it reports. */
function run(profile: SiteProfile, path = '/home') {
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

  it('finds the share dialog inside the open shadow root of #interop-outlet, also when it mounts later', async () => {
    const d = run(linkedinProfile, '/feed/');
    const host = document.createElement('div');
    host.id = 'interop-outlet';
    document.body.append(host);
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
    const host = document.createElement('div');
    host.id = 'interop-outlet';
    document.body.append(host);
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

  it('stops when aborted', async () => {
    const d = run(linkedinProfile, '/feed/');
    controller.abort();
    document.body.innerHTML = `<div role="dialog">${quillEditor()}</div>`;
    await d.flush();
    expect(d.appeared).toEqual([]);
  });
});
