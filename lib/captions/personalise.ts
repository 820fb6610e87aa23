/** The employee's own words for a network, saved in settings (lib/settings). Empty strings mean "none". */
export interface PersonalTouch {
  openingLine?: string | null;
  signature?: string | null;
}

/**
 * Wrap a caption in the employee's personal touches: opening line, blank line, caption, blank line,
 * signature. Parts that are empty are skipped, and a touch the caption already contains is not added
 * again, so applying this twice (or to a caption the person already edited) never doubles anything.
 */
export function personalise(caption: string, touch: PersonalTouch = {}): string {
  const body = caption.replace(/\r\n?/g, '\n').trim();
  const opening = touch.openingLine?.trim() ?? '';
  const signature = touch.signature?.trim() ?? '';
  const parts: string[] = [];
  if (opening && !body.includes(opening)) parts.push(opening);
  if (body) parts.push(body);
  if (signature && !body.includes(signature)) parts.push(signature);
  return parts.join('\n\n');
}
