// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShareReport, Suggestion } from '../messaging/protocol';
import type { SiteProfile } from '../contract/site-profiles';
import { detectComposers, type Composer } from './detect';
import { linkedinProfile, xProfile } from './profiles';
import { createSession } from './session';

/*
 * A share is recorded when the person clicks the site's Post button, also on a page in another language whose
 * Post button the profile knows only by its words (its test ids or classes renamed).
 */

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

const suggestion: Suggestion = {
  itemId: '8d0f2c1e-5b7a-4c39-9e61-2a4b6c8d0e1f',
  captionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  network: 'x',
  title: 'Our new office',
  text: 'We opened an office in Valencia',
  link: 'https://relay.example/r/abc123',
  language: 'es',
  pinned: false,
  shared: false,
};

/** The one composer the profile finds on the page as it is now. */
function findComposer(profile: SiteProfile, path: string): Composer {
  controller = new AbortController();
  const found: Composer[] = [];
  detectComposers({
    profile,
    root: document,
    signal: controller.signal,
    getPath: () => path,
    onAppear: (c) => found.push(c),
    onDisappear: () => {},
  });
  expect(found.map((c) => c.composer.name)).toHaveLength(1);
  return found[0]!;
}

// X's Post button is a div with role=button and the word in nested spans; test ids renamed.
const xPage = (word: string) => `
  <main><div><textarea data-testid="tweetTextarea_0"></textarea></div>
  <div><div role="button" tabindex="0"><span><span>Borrador</span></span></div>
  <div role="button" tabindex="0" id="post"><span><span>${word}</span></span></div></div></main>`;
// LinkedIn's Quill share box in its dialog; the button's classes renamed.
const linkedinPage = (word: string) => `
  <div role="dialog"><div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox"><p><br></p></div></div>
  <div><button type="button" class="x9">Programar</button><button type="button" class="x9" id="post"><span>${word}</span></button></div></div>`;

/** Quill shows the inserted text as a paragraph (what execCommand does in a browser; happy-dom has no execCommand). */
const quillLike = {
  paste: () => {},
  insertText: (editor: HTMLElement, text: string) => void (editor.querySelector('p')!.textContent = text),
};

describe.each([
  { network: 'x', lang: 'es', word: 'Postear', profile: xProfile, path: '/home', page: xPage },
  { network: 'x', lang: 'ru', word: 'Опубликовать', profile: xProfile, path: '/home', page: xPage },
  { network: 'linkedin', lang: 'es', word: 'Publicar', profile: linkedinProfile, path: '/feed/', page: linkedinPage },
  {
    network: 'linkedin',
    lang: 'ru',
    word: 'Опубликовать',
    profile: linkedinProfile,
    path: '/feed/',
    page: linkedinPage,
  },
] as const)('$network in $lang: the Post button is “$word”', ({ network, word, profile, path, page }) => {
  it('clicking it records the share, and clicking the button next to it does not', async () => {
    document.body.innerHTML = page(word);
    const recorded: ShareReport[] = [];
    const session = createSession(findComposer(profile, path), {
      recordShare: (r) => recorded.push(r),
      driver: quillLike,
    });
    const postButton = document.getElementById('post')!;
    expect(session.findPostButton()).toBe(postButton);

    expect(await session.insert({ ...suggestion, network })).toEqual({ ok: true });
    expect(session.editorText()).toContain(suggestion.link);
    postButton.previousElementSibling!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(recorded).toEqual([]);
    postButton.querySelector('span')!.click();
    expect(recorded).toEqual([expect.objectContaining({ itemId: suggestion.itemId, network, edited: false })]);
    session.dispose();
  });
});

it('a word of one network is not the other network’s Post button', () => {
  document.body.innerHTML = xPage('Publicar');
  const session = createSession(findComposer(xProfile, '/home'), { recordShare: vi.fn() });
  expect(session.findPostButton()).toBeNull();
});
