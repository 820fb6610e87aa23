import { isTextarea, readEditorText } from './editor-text';

/*
 * Where the person was writing: remembered while Relay's panel has focus, and put back before inserting.
 */

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
    editor.addEventListener(
      type,
      () => {
        memory.hadFocus = true;
        save();
      },
      { signal },
    );
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
  const usable =
    memory.hadFocus && saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer);
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
  // Draft.js, Quill and ProseMirror read the DOM selection into their state on selectionchange: let them first.
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
