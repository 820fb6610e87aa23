/*
 * What an editor shows, as text: read the same way for every kind of editor, so that insertion can check what
 * took and share detection can tell whether the person changed the post.
 */

export const isTextarea = (el: Element): el is HTMLTextAreaElement | HTMLInputElement =>
  el.localName === 'textarea' || el.localName === 'input';

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

/** How many times `needle` occurs in `haystack`, without overlaps. */
export function occurrences(haystack: string, needle: string): number {
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
