/*
 * The panel's keyboard contract: from the post box, Alt+Shift+R (Option+Shift+R on a Mac) moves focus to the
 * panel's first control; Escape inside the panel puts focus back in the post box, caret where it was.
 * Matched on the physical key (`code`), since Alt/Option changes `key` on many layouts.
 */

/** As aria-keyshortcuts spells it. */
export const PANEL_SHORTCUT = 'Alt+Shift+R';

export function isPanelShortcut(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR';
}
