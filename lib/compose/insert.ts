import type { EditorKind } from '../contract/site-profiles';
import { type CaretMemory, placeCaret } from './caret';
import { copyToClipboard } from './clipboard';
import { isEnabled } from './dom';
import { isTextarea, occurrences, readEditorText, squash } from './editor-text';

/*
 * Plain text into a site's editor STATE at the caret, then a check that it took. Per editor, as the e2e
 * fixtures with the real packages show (composer-prosemirror.spec.ts measures the two ways in the page):
 * - Draft.js (X): a synthetic `paste` (execCommand breaks it on newlines);
 * - Quill, ProseMirror and plain contenteditable: `execCommand('insertText')` line by line (a paste does nothing
 *   in Quill 1, and ProseMirror's paste loses the blank line between paragraphs);
 * - <textarea>: the native value setter at the selection, then an `input` event (so React notices).
 * Never innerHTML: a caption is characters, whatever it contains. Everything runs in the content script, in
 * Firefox too (firefox-composer.spec.ts), so no page could ask Relay to insert anything.
 */

export type ResolvedKind = 'draft' | 'quill' | 'prosemirror' | 'textarea' | 'contenteditable';

export interface EditorDriver {
  /** Dispatch a paste of `text` at the editor's current selection. */
  paste(editor: HTMLElement, text: string): void | Promise<void>;
  /** Insert `text` at the current selection as typing would (execCommand insertText). */
  insertText(editor: HTMLElement, text: string): void | Promise<void>;
}

/** Firefox ignores `clipboardData` in ClipboardEventInit and fills the event from these; Chromium the reverse. */
interface FirefoxClipboardInit {
  dataType?: string;
  data?: string;
}

export const contentScriptDriver: EditorDriver = {
  paste(editor, text) {
    const win = editor.ownerDocument.defaultView!;
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    const init: ClipboardEventInit & FirefoxClipboardInit = {
      clipboardData: data,
      dataType: 'text/plain',
      data: text,
      bubbles: true,
      cancelable: true,
    };
    editor.dispatchEvent(new win.ClipboardEvent('paste', init));
  },
  insertText(editor, text) {
    // A paragraph between lines, as Enter would: Firefox's insertText drops line breaks inside the text.
    const doc = editor.ownerDocument;
    text.split('\n').forEach((line, i) => {
      if (i > 0) doc.execCommand('insertParagraph', false);
      if (line) doc.execCommand('insertText', false, line);
    });
  },
};

export function resolveKind(editor: HTMLElement, kind: EditorKind): ResolvedKind {
  if (kind !== 'auto') return kind;
  if (isTextarea(editor)) return 'textarea';
  if (editor.closest('.DraftEditor-root') || editor.classList.contains('public-DraftEditor-content')) return 'draft';
  if (editor.classList.contains('ql-editor')) return 'quill';
  // prosemirror-view marks its editable element so (TipTap adds `.tiptap` beside it).
  if (editor.classList.contains('ProseMirror')) return 'prosemirror';
  return 'contenteditable';
}

function insertIntoTextarea(el: HTMLTextAreaElement | HTMLInputElement, text: string, memory: CaretMemory): void {
  const value = el.value;
  const start = memory.hadFocus ? (el.selectionStart ?? value.length) : value.length;
  const end = memory.hadFocus ? (el.selectionEnd ?? start) : value.length;
  el.focus({ preventScroll: true });
  const proto = Object.getPrototypeOf(el) as object;
  // The native setter, not the element's own (React replaces it to track values and would miss the change).
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  const next = value.slice(0, start) + text + value.slice(end);
  if (setter) setter.call(el, next);
  else el.value = next;
  const caret = start + text.length;
  el.setSelectionRange(caret, caret);
  const win = el.ownerDocument.defaultView!;
  el.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export type InsertResult =
  | { ok: true }
  | { ok: false; reason: 'not-accepted' | 'error'; copied: boolean; detail?: string };

export interface InsertOptions {
  kind: EditorKind;
  memory: CaretMemory;
  /** The composer's Post button right now (null when the profile finds none: then only the text is checked). */
  findPostButton: () => Element | null;
  driver?: EditorDriver;
  /** How long to wait for the editor to show the text and enable Post. */
  verifyMs?: number;
  copy?: (text: string) => Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Insert `text` at the remembered caret (at the end when the editor never had focus), then verify: the text
 * is in the editor exactly once more than before, and the Post button is enabled. Otherwise the text goes to
 * the clipboard and the result says so.
 */
export async function insertText(editor: HTMLElement, text: string, options: InsertOptions): Promise<InsertResult> {
  const { memory, findPostButton, driver = contentScriptDriver, verifyMs = 1500, copy = copyToClipboard } = options;
  const kind = resolveKind(editor, options.kind);
  const needle = squash(text);
  const before = occurrences(squash(readEditorText(editor)), needle);
  try {
    if (kind === 'textarea' && isTextarea(editor)) insertIntoTextarea(editor, text, memory);
    else {
      await placeCaret(editor, memory);
      if (kind === 'draft') await driver.paste(editor, text);
      else await driver.insertText(editor, text);
    }
  } catch (err) {
    return { ok: false, reason: 'error', copied: await copy(text), detail: String(err) };
  }

  const accepted = () => {
    if (occurrences(squash(readEditorText(editor)), needle) !== before + 1) return false;
    const button = findPostButton();
    return !button || isEnabled(button);
  };
  for (const deadline = Date.now() + verifyMs; ; await sleep(50)) {
    if (accepted()) return { ok: true };
    if (Date.now() >= deadline) break;
  }
  return { ok: false, reason: 'not-accepted', copied: await copy(text) };
}
