import type { SavedPageProblem } from '@/lib/admin/saved-page';
import { t } from '@/lib/i18n';

/** The parsing and the detection code load only when a file is chosen, outside admin.html's byte budget. */
export const loadTools = () => Promise.all([import('@/lib/admin/saved-page'), import('@/lib/compose/page-check')]);

function problemText(p: SavedPageProblem): string {
  switch (p.kind) {
    case 'empty':
      return t('pageCheck.problem.empty');
    case 'tooLarge':
      // Rounded up, so a file just over the limit never reads as the limit itself.
      return t('pageCheck.problem.tooLarge', { size: Math.ceil((p.bytes / 1024 / 1024) * 10) / 10 });
    case 'mhtml':
      return t('pageCheck.problem.mhtml');
    case 'notHtml':
      return t('pageCheck.problem.notHtml');
  }
}

/**
 * The chosen file as a parsed page and the address it was saved from, or what is wrong with it. The file is read
 * in the console's own page and never sent anywhere.
 */
export async function readSavedPage(file: File): Promise<{ doc: Document; address: URL | null } | string> {
  const [tools] = await loadTools();
  const before = tools.checkSavedFile(file);
  if (before) return problemText(before);
  let html: string;
  try {
    html = await file.text();
  } catch (err) {
    return t('pageCheck.problem.unreadable', { reason: (err as Error).message });
  }
  const after = tools.checkSavedText(html);
  if (after) return problemText(after);
  const doc = tools.parseSavedPage(html);
  return { doc, address: tools.savedPageAddress(html, doc)?.url ?? null };
}
