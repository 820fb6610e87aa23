import type { EditorKind } from '../contract/site-profiles';
import { isEnabled } from './dom';

/*
 * Putting plain text into a site's editor STATE, at the caret, and checking that it took.
 * What works for each editor was measured with the real packages (see TESTING.md):
 * - Draft.js (X): a synthetic `paste` carrying a DataTransfer with text/plain (execCommand breaks it on newlines);
 * - Quill 1 (LinkedIn): `execCommand('insertText')` (a synthetic paste does nothing), one line at a time with
 *   `insertParagraph` between lines; Quill 2 takes either;
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

export type ResolvedKind = 'draft' | 'quill' | 'textarea' | 'contenteditable';

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

const isTextarea = (el: Element): el is HTMLTextAreaElement | HTMLInputElement =>
  el.localName === 'textarea' || el.localName === 'input';

export function resolveKind(editor: HTMLElement, kind: EditorKind): ResolvedKind {
  if (kind !== 'auto') return kind;
  if (isTextarea(editor)) return 'textarea';
  if (editor.closest('.DraftEditor-root') || editor.classList.contains('public-DraftEditor-content')) return 'draft';
  if (editor.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** The editor's text as the person sees it (line breaks between blocks), '' when only a placeholder shows. */
export function readEditorText(editor: HTMLElement): string {
  if (isTextarea(editor)) return editor.value;
  // innerText follows layout (blocks become lines); happy-dom and detached nodes fall back to textContent.
  const text = (editor.innerText ?? editor.textContent ?? '').replace(/\u00a0/g, ' ');
  return text.trim() === '' ? '' : text.replace(/\n$/, '');
}

/** Editors render line breaks as blocks, spaces as nbsp and so on: compare text with all whitespace removed. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * The person changed the post after Relay's insertion: the editor's text now differs (whitespace aside) from what
 * it held right after inserting. Typing their own words around the caption counts, as does changing the caption
 * or the link: "edited" is what Relay wants people to do (identical posts from many staff read as spam).
 */
export function isEdited(editorText: string, afterInsert: string): boolean {
  return squash(editorText) !== squash(afterInsert);
}

/* ------------------------------------------------------------------------------------------------ caret */

/**
 * Remembers where the caret was in one editor, so that pressing a button in Relay's panel (which may take
 * focus) inserts where the person was writing; and whether the editor ever had focus (if not: at the end).
 */
export interface CaretMemory {
  readonly hadFocus: boolean;
  readonly range: Range | null;
}

function selectionFor(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  // Chromium retargets document.getSelection() to the shadow host; ShadowRoot#getSelection gives the real nodes.
  if (root !== editor.ownerDocument && typeof root.getSelection === 'function') return root.getSelection();
  return editor.ownerDocument.getSelection();
}

export function rememberCaret(editor: HTMLElement, signal: AbortSignal): CaretMemory {
  const memory = { hadFocus: false, range: null as Range | null };
  if (editor.ownerDocument.activeElement === editor || editor.contains(editor.ownerDocument.activeElement)) {
    memory.hadFocus = true;
  }
  const save = () => {
    if (isTextarea(editor)) return; // a textarea keeps its own selection when it loses focus
    const sel = selectionFor(editor);
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (editor.contains(range.startContainer) && editor.contains(range.endContainer)) {
      memory.range = range.cloneRange();
      memory.hadFocus = true;
    }
  };
  // selectionchange alone misses the caret moving as the person types (Chromium does not always fire it then),
  // so the caret is also read after each edit and key (text from an IME or emoji picker comes with no key), and
  // as focus leaves for the panel.
  for (const type of ['focusin', 'focusout', 'keyup', 'input'] as const) {
    editor.addEventListener(type, () => {
      memory.hadFocus = true;
      save();
    }, { signal });
  }
  editor.ownerDocument.addEventListener('selectionchange', save, { signal });
  return memory;
}

/** A collapsed range at the end of the editor's last line (inside the last block, before a trailing <br>). */
function endRange(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  let node: Node = editor;
  while (node.lastChild && node.lastChild.nodeName !== 'BR') node = node.lastChild;
  if (node.nodeType === 3) range.setStart(node, (node as Text).length);
  else range.setStart(node, node.lastChild ? node.childNodes.length - 1 : 0);
  range.collapse(true);
  return range;
}

function waitForSelectionChange(doc: Document, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      // one more turn so the editor's own selectionchange listener (registered earlier) has run too
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, ms);
    doc.addEventListener('selectionchange', done);
  });
}

/** Focus the editor and put the DOM selection back where the person left it (or at the end). */
export async function placeCaret(editor: HTMLElement, memory: CaretMemory): Promise<void> {
  const saved = memory.range;
  const usable = memory.hadFocus && saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer);
  const range = usable ? saved.cloneRange() : endRange(editor);
  editor.focus({ preventScroll: true });
  const sel = selectionFor(editor) ?? editor.ownerDocument.getSelection();
  if (!sel) return;
  const current = sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  if (
    current &&
    current.startContainer === range.startContainer &&
    current.startOffset === range.startOffset &&
    current.endContainer === range.endContainer &&
    current.endOffset === range.endOffset
  ) {
    return;
  }
  sel.removeAllRanges();
  sel.addRange(range);
  // Draft.js and Quill read the DOM selection into their state on selectionchange; let them before inserting.
  await waitForSelectionChange(editor.ownerDocument, 60);
}

/** The text before the caret (for the separator choice of insertionText). */
export function textBeforeCaret(editor: HTMLElement, memory: CaretMemory): string {
  if (isTextarea(editor)) {
    return memory.hadFocus ? editor.value.slice(0, editor.selectionStart ?? editor.value.length) : editor.value;
  }
  const saved = memory.range;
  if (!memory.hadFocus || !saved || !editor.contains(saved.startContainer)) return readEditorText(editor);
  const before = editor.ownerDocument.createRange();
  before.selectNodeContents(editor);
  before.setEnd(saved.startContainer, saved.startOffset);
  return before.toString();
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
