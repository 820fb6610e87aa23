/** Copy plain text with the async clipboard API; false when the browser refused (no focus, no permission). */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `copyText`, else a hidden textarea and execCommand('copy'): a content script's page may lack focus or the
 * permission the async API needs.
 */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  if (await copyText(text, doc)) return true;
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
