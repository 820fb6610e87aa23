/**
 * Copy plain text with the async clipboard API; false when the browser refused (no focus, no permission).
 * Unless `apiOnly`, a refusal is retried with a hidden textarea and execCommand('copy'): a content script's
 * page may lack the focus or the permission the API needs.
 */
export async function copyToClipboard(text: string, doc: Document = document, apiOnly?: boolean): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // refused: the old way below, unless only the API may be used
  }
  if (apiOnly) return false;
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
