// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeCaret, rememberCaret, textBeforeCaret } from './caret';
import { isEdited, readEditorText, squash } from './editor-text';
import { insertText } from './insert';
import { watchForShare } from './share-detect';

afterEach(() => {
  document.body.innerHTML = '';
});

function textarea(value = '') {
  document.body.innerHTML = `<div><textarea data-testid="tweetTextarea_0"></textarea><button data-testid="tweetButton" aria-disabled="true">Post</button></div>`;
  const el = document.querySelector('textarea')!;
  el.value = value;
  const button = document.querySelector('button')!;
  // like X: Post is enabled as soon as the box has text
  el.addEventListener('input', () => button.setAttribute('aria-disabled', el.value.trim() ? 'false' : 'true'));
  return { el, button };
}

describe('insertText into a textarea', () => {
  it('appends at the end when the box never had focus, fires input and leaves the caret after the text', async () => {
    const { el, button } = textarea('Hello');
    const signal = new AbortController().signal;
    const memory = rememberCaret(el, signal);
    const inputs: Event[] = [];
    el.addEventListener('input', (e) => inputs.push(e));
    const copy = vi.fn(async () => true);
    const result = await insertText(el, ' Read this\nhttps://relay.example/r/abc', {
      kind: 'textarea',
      memory,
      findPostButton: () => button,
      copy,
    });
    expect(result).toEqual({ ok: true });
    expect(el.value).toBe('Hello Read this\nhttps://relay.example/r/abc');
    expect(inputs).toHaveLength(1);
    expect(el.selectionStart).toBe(el.value.length);
    expect(copy).not.toHaveBeenCalled();
  });

  it('inserts at the caret the person left, replacing a selection', async () => {
    const { el, button } = textarea('Start  end');
    const memory = rememberCaret(el, new AbortController().signal);
    el.focus();
    el.setSelectionRange(6, 6);
    el.blur(); // e.g. focus moved to Relay's panel
    expect(textBeforeCaret(el, memory)).toBe('Start ');
    await insertText(el, 'MIDDLE', { kind: 'auto', memory, findPostButton: () => button });
    expect(el.value).toBe('Start MIDDLE end');
    expect(el.selectionStart).toBe(12);
  });

  it('keeps markup as characters', async () => {
    const { el, button } = textarea();
    const memory = rememberCaret(el, new AbortController().signal);
    await insertText(el, '<img src=x onerror=alert(1)>', { kind: 'textarea', memory, findPostButton: () => button });
    expect(el.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('copies to the clipboard and says so when the Post button stays disabled', async () => {
    const { el, button } = textarea();
    const memory = rememberCaret(el, new AbortController().signal);
    el.addEventListener('input', () => button.setAttribute('aria-disabled', 'true'));
    const copy = vi.fn(async () => true);
    const result = await insertText(el, 'Caption', {
      kind: 'textarea',
      memory,
      findPostButton: () => button,
      copy,
      verifyMs: 60,
    });
    expect(result).toEqual({ ok: false, reason: 'not-accepted', copied: true });
    expect(copy).toHaveBeenCalledWith('Caption');
  });

  it('fails verification when the editor ignores the text (nothing new appears)', async () => {
    document.body.innerHTML = `<div contenteditable="true" role="textbox"><p>Old</p></div>`;
    const el = document.querySelector<HTMLElement>('[role=textbox]')!;
    const memory = rememberCaret(el, new AbortController().signal);
    const copy = vi.fn(async () => false);
    const driver = { paste: () => {}, insertText: () => {} };
    const result = await insertText(el, 'New', {
      kind: 'draft',
      memory,
      findPostButton: () => null,
      driver,
      copy,
      verifyMs: 60,
    });
    expect(result).toEqual({ ok: false, reason: 'not-accepted', copied: false });
  });
});

describe('reading and comparing editor text', () => {
  it('treats whitespace the way editors render it', () => {
    expect(squash('Line 1\n\nLine 2\u00a0x')).toBe('Line1Line2x');
    // The editor's own rendering of the same text (blocks, nbsp) is not an edit.
    expect(isEdited('Line 1\n\nLine 2\u00a0https://r/x', 'Line 1\nLine 2 https://r/x')).toBe(false);
    // Changing the caption, or adding one's own words before or after it, is.
    expect(isEdited('Line 1 Line two https://r/x', 'Line 1\nLine 2 https://r/x')).toBe(true);
    expect(isEdited('Line 1\nLine 2 https://r/x so proud of this', 'Line 1\nLine 2 https://r/x')).toBe(true);
    expect(isEdited('Me: Line 1\nLine 2 https://r/x', 'Line 1\nLine 2 https://r/x')).toBe(true);
  });

  it('an editor showing only a placeholder line reads as empty', () => {
    document.body.innerHTML = `<div class="ql-editor"><p><br></p></div>`;
    expect(readEditorText(document.querySelector<HTMLElement>('.ql-editor')!)).toBe('');
  });
});

describe('watchForShare', () => {
  function setup(afterInsert = 'Caption https://r/x') {
    const { el, button } = textarea(afterInsert);
    button.setAttribute('aria-disabled', 'false');
    const onShare = vi.fn();
    const controller = new AbortController();
    watchForShare({ editor: el, afterInsert, findPostButton: () => button, onShare, signal: controller.signal });
    return { el, button, onShare, controller };
  }

  it('reports once when the person clicks the site’s Post button, unedited', () => {
    const { button, onShare } = setup();
    button.click();
    button.click();
    expect(onShare).toHaveBeenCalledTimes(1);
    expect(onShare).toHaveBeenCalledWith(false);
  });

  it('reports edited when the inserted text was changed, and ignores a disabled button', () => {
    const { el, button, onShare } = setup();
    el.value = 'My own words https://r/x';
    button.setAttribute('aria-disabled', 'true');
    button.click();
    expect(onShare).not.toHaveBeenCalled();
    button.setAttribute('aria-disabled', 'false');
    button.click();
    expect(onShare).toHaveBeenCalledWith(true);
  });

  it('reports on Ctrl+Enter in the editor, and not after being stopped', () => {
    const a = setup();
    a.el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    expect(a.onShare).toHaveBeenCalledTimes(1);
    const b = setup();
    b.controller.abort();
    b.button.click();
    expect(b.onShare).not.toHaveBeenCalled();
  });
});

describe('the caret, remembered for going back to the editor', () => {
  // A caret moved with no selectionchange (Chromium skips it for some typing): a keyup or focus leaving reads it.
  it.each(['keyup', 'input', 'focusout'])(
    'is read on %s, and placeCaret puts it back after focus went elsewhere',
    async (type) => {
      document.body.innerHTML = '<div contenteditable="true">Before. After.</div><button>Insert</button>';
      const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
      const text = editor.firstChild!;
      const range = document.createRange();
      range.setStart(text, 'Before.'.length);
      range.collapse(true);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      await new Promise((r) => setTimeout(r, 0)); // any selectionchange for that has gone by
      const memory = rememberCaret(editor, new AbortController().signal);
      expect(memory.range).toBeNull();
      editor.dispatchEvent(new Event(type));
      expect(memory.range?.startOffset).toBe('Before.'.length);

      document.querySelector('button')!.focus();
      sel.removeAllRanges();
      await placeCaret(editor, memory);
      expect(document.activeElement).toBe(editor);
      expect(sel.getRangeAt(0).startContainer).toBe(text);
      expect(sel.getRangeAt(0).startOffset).toBe('Before.'.length);
    },
  );
});
