import { isEnabled } from './dom';
import { isEdited, readEditorText } from './editor-text';

/*
 * After Relay inserted a caption, notice the person posting it with the site's OWN Post button (click,
 * keyboard activation, or Ctrl/⌘+Enter in the editor) and report it once. Relay never presses Post itself.
 * Listeners are on the document in the capture phase, so the editor's text is read before the site clears it;
 * open shadow roots are seen through `composedPath()`.
 */

export interface ShareWatch {
  editor: HTMLElement;
  /** The editor's whole text right after Relay's insertion (to tell whether the person edited it since). */
  afterInsert: string;
  /** The composer's Post button as it is now (sites re-render it). */
  findPostButton: () => Element | null;
  /** Called once, when the person posts. */
  onShare: (edited: boolean) => void;
  /** Stops watching (the composer left the page, or a newer insertion replaces this one). */
  signal: AbortSignal;
}

export function watchForShare({ editor, afterInsert, findPostButton, onShare, signal }: ShareWatch): void {
  const doc = editor.ownerDocument;
  const stop = new AbortController();
  const stopAll = () => stop.abort();
  if (signal.aborted) return;
  signal.addEventListener('abort', stopAll, { once: true });

  const fire = () => {
    if (stop.signal.aborted) return;
    const edited = isEdited(readEditorText(editor), afterInsert);
    stopAll();
    signal.removeEventListener('abort', stopAll);
    onShare(edited);
  };

  /** The event happened on the composer's Post button, and that button can post. */
  const onPostButton = (event: Event): boolean => {
    const button = findPostButton();
    return !!button && event.composedPath().includes(button) && isEnabled(button);
  };

  doc.addEventListener(
    'click',
    (event) => {
      if (onPostButton(event)) fire();
    },
    { capture: true, signal: stop.signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.composedPath().includes(editor)) {
        const button = findPostButton();
        if (!button || isEnabled(button)) fire();
        return;
      }
      // A real <button> turns Enter/Space into a click (seen above); a div with role=button does not.
      if ((event.key === 'Enter' || event.key === ' ') && onPostButton(event)) {
        const button = findPostButton();
        if (button && button.localName !== 'button') fire();
      }
    },
    { capture: true, signal: stop.signal },
  );
}
