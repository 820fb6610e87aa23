import type { Network } from '../contract/common';
import { insertionText } from '../captions/insertion';
import { containsWord, foldForMatch } from '../policy/match';
import type { ShareReport, Suggestion } from '../messaging/protocol';
import type { Composer } from './detect';
import { closestComposed, nearest } from './dom';
import { placeCaret, rememberCaret, textBeforeCaret } from './caret';
import { readEditorText } from './editor-text';
import { type EditorDriver, type InsertResult, insertText } from './insert';
import { watchForShare } from './share-detect';

/*
 * Everything Relay does with one composer, without any UI: where the panel goes, what inserting a suggestion
 * would put in, inserting it, and reporting the share when the person posts. The panel (components/panel)
 * renders on top of this.
 */

export interface ComposerSession {
  readonly composer: Composer;
  readonly network: Network;
  /** The element the panel is placed next to, and how. */
  anchor(): { element: Element; position: 'before' | 'after' | 'first' | 'last' };
  /** The editor's text now. */
  editorText(): string;
  /** The exact text inserting `s` would add at the caret, and the editor's whole text afterwards. */
  preview(s: Suggestion): { text: string; after: string };
  insert(s: Suggestion): Promise<InsertResult>;
  findPostButton(): Element | null;
  /** Focus the editor again with the caret where the person left it (leaving the panel by keyboard). */
  focusEditor(): Promise<void>;
  /** Stop listening to the editor (the composer left the page). */
  dispose(): void;
}

export interface SessionDeps {
  /** Sends the share to the background (`recordShare`). */
  recordShare: (report: ShareReport) => unknown;
  driver?: EditorDriver;
  now?: () => Date;
}

export function createSession(found: Composer, deps: SessionDeps): ComposerSession {
  const { editor, composer, profile } = found;
  const life = new AbortController();
  const memory = rememberCaret(editor, life.signal);
  let pendingShare: AbortController | null = null;

  const findPostButton = () => nearest(editor, composer.postButton.selectors, composer.postButton.texts);

  const preview = (s: Suggestion) => {
    const before = textBeforeCaret(editor, memory);
    const current = readEditorText(editor);
    // The disclosure once in the post: not added again when the person already typed it.
    const typed = s.disclosure && containsWord(foldForMatch(current), foldForMatch(s.disclosure.added));
    const text = insertionText(typed ? s.disclosure!.without : s.text, s.link, before);
    // Where the caret is in the text as read (line breaks may differ between the two readings): for counting
    // length only, so when they disagree the inserted text is counted as if appended.
    const after = current.startsWith(before) ? before + text + current.slice(before.length) : current + text;
    return { text, after };
  };

  return {
    composer: found,
    network: profile.network,
    anchor() {
      const closest = composer.anchor.closest ? closestComposed(editor, composer.anchor.closest) : null;
      return { element: closest ?? editor, position: composer.anchor.position };
    },
    editorText: () => readEditorText(editor),
    preview,
    findPostButton,
    focusEditor: () => placeCaret(editor, memory),
    async insert(s) {
      const { text } = preview(s);
      const result = await insertText(editor, text, {
        kind: composer.editorKind,
        memory,
        findPostButton,
        driver: deps.driver,
      });
      if (!result.ok) return result;
      // One record per insertion; a newer insertion in the same composer replaces the older one.
      pendingShare?.abort();
      const pending = new AbortController();
      pendingShare = pending;
      life.signal.addEventListener('abort', () => pending.abort(), { once: true });
      watchForShare({
        editor,
        afterInsert: readEditorText(editor),
        findPostButton,
        signal: pending.signal,
        onShare: (edited) => {
          pendingShare = null;
          void deps.recordShare({
            itemId: s.itemId,
            captionId: s.captionId,
            network: profile.network,
            edited,
            sharedAt: (deps.now?.() ?? new Date()).toISOString(),
          });
        },
      });
      return result;
    },
    dispose: () => life.abort(),
  };
}
