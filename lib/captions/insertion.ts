/*
 * The exact plain text Relay puts into a composer: the caption, then the tracked link, each exactly once.
 * Pure string work (no DOM), shared by the in-page panel and the popup.
 */

/** Unix line breaks only: editors and share URLs treat "\r\n" inconsistently. */
function unixLines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * `caption`, a separator, then `link`:
 * - the separator is a space after a one-line caption and a line break after a multi-line one (a link
 *   glued to the last line of a paragraph reads badly);
 * - the link is left out when the caption, or the text already in the editor, contains it;
 * - trailing whitespace is trimmed, line breaks inside the caption are kept;
 * - when the editor already holds text that does not end in whitespace, the result starts with a space
 *   (one-line caption) or a line break (multi-line), so the two do not run together.
 * Plain text: markup in a caption stays characters; inserting it is the editor code's job.
 */
export function insertionText(caption: string, link: string, existingText = ''): string {
  const text = unixLines(caption).replace(/\s+$/, '');
  const existing = unixLines(existingText);
  const url = link.trim();
  const multiLine = text.includes('\n');

  let result = text;
  if (url && !text.includes(url) && !existing.includes(url)) {
    result = text ? `${text}${multiLine ? '\n' : ' '}${url}` : url;
  }
  if (existing && !/\s$/.test(existing) && result) {
    result = `${multiLine ? '\n' : ' '}${result}`;
  }
  return result;
}
