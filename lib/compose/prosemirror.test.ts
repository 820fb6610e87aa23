// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteProfile } from '../contract/site-profiles';
import { rememberCaret } from './caret';
import { type EditorDriver, insertText, resolveKind } from './insert';
import { isSiteProfile } from './profile-check';
import { linkedinProfile } from './profiles';

/*
 * The `prosemirror` editor kind. The real editor is exercised in Chromium (tests/e2e/composer-prosemirror.spec.ts);
 * here: which kind 'auto' picks, which driver call each kind gets, and the check of what the editor then shows.
 */

afterEach(() => {
  document.body.innerHTML = '';
});

/** An empty editor as prosemirror-view renders it (TipTap adds `.tiptap` and the placeholder's classes). */
function prosemirrorBox(classes = 'ProseMirror') {
  document.body.innerHTML = `<div role="dialog"><div contenteditable="true" role="textbox" translate="no" class="${classes}"><p><br class="ProseMirror-trailingBreak"></p></div><button class="share-actions__primary-action" disabled>Post</button></div>`;
  const editor = document.querySelector<HTMLElement>('[role=textbox]')!;
  const button = document.querySelector('button')!;
  return { editor, button };
}

/** Does what ProseMirror does after execCommand: one paragraph per line, redrawn from the state, Post enabled. */
function acceptingDriver(editor: HTMLElement, button: HTMLButtonElement) {
  const calls: { how: 'paste' | 'insertText'; text: string }[] = [];
  const driver: EditorDriver = {
    paste: (_el, text) => void calls.push({ how: 'paste', text }),
    insertText(_el, text) {
      calls.push({ how: 'insertText', text });
      editor.replaceChildren(
        ...text.split('\n').map((line) => {
          const p = document.createElement('p');
          if (line) p.textContent = line;
          else p.append(Object.assign(document.createElement('br'), { className: 'ProseMirror-trailingBreak' }));
          return p;
        }),
      );
      button.disabled = false;
    },
  };
  return { driver, calls };
}

describe('resolveKind', () => {
  it.each([
    ['ProseMirror', 'prosemirror'],
    ['tiptap ProseMirror', 'prosemirror'],
    ['ql-editor', 'quill'],
    ['something-else', 'contenteditable'],
  ])("'auto' on a contenteditable with class %j is %s", (classes, kind) => {
    const { editor } = prosemirrorBox(classes);
    expect(resolveKind(editor, 'auto')).toBe(kind);
  });

  it('a profile that names the kind is followed, whatever the element looks like', () => {
    const { editor } = prosemirrorBox('ql-editor');
    expect(resolveKind(editor, 'prosemirror')).toBe('prosemirror');
  });
});

describe('insertText into a ProseMirror editor', () => {
  const caption = 'Our annual report is out.\n\nThree things stood out <b>x</b>';

  it.each(['prosemirror', 'auto'] as const)(
    'kind %s: typed in (insertText, not paste), verified in what the editor shows',
    async (kind) => {
      const { editor, button } = prosemirrorBox();
      const { driver, calls } = acceptingDriver(editor, button);
      const copy = vi.fn(async () => true);
      const memory = rememberCaret(editor, new AbortController().signal);
      const result = await insertText(editor, caption, {
        kind,
        memory,
        findPostButton: () => button,
        driver,
        copy,
        verifyMs: 200,
      });
      expect(result).toEqual({ ok: true });
      expect(calls).toEqual([{ how: 'insertText', text: caption }]);
      expect(copy).not.toHaveBeenCalled();
      expect(document.activeElement, 'the caret was put in the editor first').toBe(editor);
      expect(editor.querySelector('b'), 'markup stays characters').toBeNull();
    },
  );

  it('an editor that redraws its unchanged state: the text goes to the clipboard and the result says so', async () => {
    const { editor, button } = prosemirrorBox();
    const copy = vi.fn(async () => true);
    const driver: EditorDriver = { paste: () => {}, insertText: () => {} };
    const memory = rememberCaret(editor, new AbortController().signal);
    const result = await insertText(editor, caption, {
      kind: 'prosemirror',
      memory,
      findPostButton: () => button,
      driver,
      copy,
      verifyMs: 60,
    });
    expect(result).toEqual({ ok: false, reason: 'not-accepted', copied: true });
    expect(copy).toHaveBeenCalledWith(caption);
  });

  it('text that shows but leaves Post disabled is not accepted either', async () => {
    const { editor, button } = prosemirrorBox();
    const { driver } = acceptingDriver(editor, button);
    const memory = rememberCaret(editor, new AbortController().signal);
    const insertOnly: EditorDriver = {
      ...driver,
      insertText: async (el, text) => {
        await driver.insertText(el, text);
        button.disabled = true;
      },
    };
    const copy = vi.fn(async () => false);
    const result = await insertText(editor, caption, {
      kind: 'prosemirror',
      memory,
      findPostButton: () => button,
      driver: insertOnly,
      copy,
      verifyMs: 60,
    });
    expect(result).toEqual({ ok: false, reason: 'not-accepted', copied: false });
  });
});

describe('a profile that switches the share box to ProseMirror', () => {
  const [share] = linkedinProfile.composers;
  const switched = {
    ...linkedinProfile,
    version: linkedinProfile.version + 1,
    composers: [
      {
        ...share!,
        editor: ['.ProseMirror[contenteditable="true"][role="textbox"]', ...share!.editor],
        editorKind: 'prosemirror',
      },
    ],
  };

  it('passes the contract schema (the backend and background) and the content-script check', () => {
    expect(SiteProfile.safeParse(switched).success).toBe(true);
    expect(isSiteProfile(switched)).toBe(true);
  });

  it('an unknown kind is still refused by both', () => {
    const unknown = { ...switched, composers: [{ ...switched.composers[0], editorKind: 'prosemirror2' }] };
    expect(SiteProfile.safeParse(unknown).success).toBe(false);
    expect(isSiteProfile(unknown)).toBe(false);
  });
});
