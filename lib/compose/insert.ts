import type { EditorKind } from '../contract/site-profiles';
import { type CaretMemory, placeCaret } from './caret';
import { isEnabled } from './dom';
import { isTextarea, occurrences, readEditorText, squash } from './editor-text';

/*
 * Putting plain text into a site's editor STATE, at the caret, and checking that it took.
 * What works for each editor was measured with the real packages (see TESTING.md):
 * - Draft.js (X): a synthetic `paste` carrying a DataTransfer with text/plain (execCommand breaks it on newlines);
 * - Quill 1 (LinkedIn): `execCommand('insertText')` (a synthetic paste does nothing), one line at a time with
 *   `insertParagraph` between lines; Quill 2 takes either;
 * - ProseMirror (prosemirror-view 1.44, bare and as TipTap 3): takes either, in Chromium (from the content script
 *   too) and in Firefox ESR 153 (in the page); but its paste handler splits text/plain on runs of line breaks, so
 *   the blank line between two paragraphs of a caption is lost, while `insertText` line by line (its DOM observer
 *   turns each change into a transaction) keeps it. So `insertText`, as for Quill;
 * - <textarea>: the native value setter (so React notices) at the selection, then an `input` event.
 * Never innerHTML: a caption is characters, whatever it contains.
 *
 * The text reaches the editor through an `EditorDriver` (swappable, e.g. for a site that needs something else).
 * The default one runs in the content script, in Chromium and in Firefox alike. Firefox's synthetic paste looked
 * like it needed the page's world, but measured in Firefox ESR 153 (tests/firefox/): Firefox ignores the
 * `clipboardData` member of ClipboardEventInit, for the page's own scripts too, and instead fills the event's
 * DataTransfer from its non-standard `dataType` + `data` members, which work from a content script. So the paste
 * carries both: Chromium reads `clipboardData` and ignores the other two, Firefox the reverse. No page-world
 * script is needed, so there is no channel a page could use to make Relay insert anything.
 */

export type ResolvedKind = 'draft' | 'quill' | 'prosemirror' | 'textarea' | 'contenteditable';

export interface EditorDriver {
  /** Dispatch a paste of `text` at the editor's current selection. */
  paste(editor: HTMLElement, text: string): void | Promise<void>;
  /** Insert `text` at the current selection as typing would (execCommand insertText). */
  insertText(editor: HTMLElement, text: string): void | Promise<void>;
}

/** Firefox's own ClipboardEventInit members (Gecko's ClipboardEvent.webidl): the event's data, one type. */
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
    // Line by line, a paragraph between lines (as Enter would): Firefox's insertText drops the line breaks
    // inside the text (measured with Quill 1 and 2 in Firefox ESR 153); Chromium splits them into paragraphs
    // itself, so both end up with the same blocks.
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

/* ----------------------------------------------------------------------------------------------- insert */

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
      // As measured (see above): Draft.js takes a paste; Quill, ProseMirror and the rest take insertText.
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

/* -------------------------------------------------------------------------------------------- clipboard */

/** Copy plain text: the async clipboard API, else a hidden textarea and execCommand('copy'). */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // not focused, no permission, or no API: the old way below
  }
  const active = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none';
  (doc.body ?? doc.documentElement).append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.({ preventScroll: true });
  }
}
