import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Network } from '@/lib/contract/common';
import type { InsertResult } from '@/lib/compose/insert';
import type { Suggestion, SuggestionsResult } from '@/lib/messaging/protocol';
import { PANEL_SHORTCUT } from './keys';
import { copyLabel, insertLabel } from './label';

/** What the panel needs from the composer it sits next to (lib/compose/session.ts provides it). */
export interface PanelComposer {
  network: Network;
  preview(s: Suggestion): { text: string; after: string };
  insert(s: Suggestion): Promise<InsertResult>;
}

export interface PanelProps {
  composer: PanelComposer;
  load: () => Promise<SuggestionsResult>;
  copy: (text: string) => Promise<boolean>;
  /** "Hide suggestions": remove the panel from this composer. */
  onHide: () => void;
  /** Calls back when the editor's text may have changed (to keep X's remaining count right). */
  watchEditor?: (changed: () => void) => () => void;
  /** How many suggestions to list at most. */
  limit?: number;
  /**
   * For networks with a length limit (X): what would remain of it with this editor text, and the limit.
   * Passed in by the content script that needs it, so other networks do not bundle the counter.
   */
  length?: { remaining: (text: string) => number; max: number };
  /** "Open Relay" when there is nothing to offer (not connected, nothing cached): opens the toolbar popup. */
  openRelay?: () => void;
  /** Escape inside the panel: back to the editor, caret where the person left it. */
  backToEditor?: () => void;
}

export const COPIED_FALLBACK = 'Couldn’t insert here — the caption is copied; paste it with Ctrl+V / ⌘V';
const networkName: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };

/** Why some captions are missing: the background left out those with a banned term (lib/background/service). */
export function withheldNote(count: number, network: Network): string {
  const captions = count === 1 ? '1 caption has' : `${count} captions have`;
  return `${captions} a term your company’s policy does not allow, so Relay doesn’t offer ${count === 1 ? 'it' : 'them'} on ${networkName[network]}. Open Relay to change the words.`;
}

/** Keep the caret in the editor: a mouse press on the panel must not take focus from it. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

type Load =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'done'; result: SuggestionsResult };

export function Panel({ composer, load, copy, onHide, watchEditor, limit = 5, length, openRelay, backToEditor }: PanelProps) {
  // Plain hooks rather than signals: the panel is small, and @preact/signals would cost ~2.5 KB of the
  // content script's 25 KB budget.
  const [open, setOpen] = useState(true);
  const [loaded, setLoaded] = useState<Load>({ state: 'loading' });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [, setRevision] = useState(0);
  const busyRef = useRef(false);
  const bump = () => setRevision((r) => r + 1);
  const bodyId = useId();
  const counted = !!length;

  useEffect(() => {
    let live = true;
    load().then(
      (result) => live && setLoaded({ state: 'done', result }),
      () => live && setLoaded({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => (counted && watchEditor ? watchEditor(bump) : undefined), []);

  const announce = (message: string) => {
    // Re-announce the same message: clear first so the live region changes.
    setStatus('');
    setTimeout(() => setStatus(message), 50);
  };

  const onInsert = async (s: Suggestion, over: number) => {
    if (busyRef.current) return;
    if (over > 0) {
      announce(`Too long for ${networkName[composer.network]} by ${over} characters, so it was not inserted. Use Copy, then shorten it.`);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      const result = await composer.insert(s);
      bump();
      if (result.ok) announce('Inserted. Make it yours: add a line in your own words.');
      else if (result.copied) announce(COPIED_FALLBACK);
      else announce('Couldn’t insert here, and copying failed too: select the caption above and copy it.');
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const onCopy = async (s: Suggestion) => {
    const ok = await copy(composer.preview(s).text.trim());
    announce(ok ? 'Copied; paste it with Ctrl+V / ⌘V.' : 'Copying failed: select the caption above and copy it.');
  };

  const body = () => {
    const l = loaded;
    if (l.state === 'loading') return <p class="note">Loading captions…</p>;
    if (l.state === 'failed') {
      return <p class="note">Relay couldn’t load captions. Open Relay from the browser toolbar to check it.</p>;
    }
    // Nothing to offer: say why, and open Relay's popup from here rather than show an empty list.
    const openButton = openRelay && (
      <div class="actions">
        <button type="button" class="primary" onMouseDown={keepFocus} onClick={openRelay}>
          Open Relay
        </button>
      </div>
    );
    if (!l.result.connected) {
      return (
        <>
          <p class="note">
            Relay isn’t connected yet, so there are no captions here. Open Relay from the browser toolbar (the Relay
            icon) to connect.
          </p>
          {openButton}
        </>
      );
    }
    const list = l.result.suggestions.filter((s) => s.network === composer.network).slice(0, limit);
    const withheld = l.result.withheld ?? 0;
    if (list.length === 0) {
      return (
        <>
          <p class="note">
            {withheld > 0
              ? withheldNote(withheld, composer.network)
              : `No captions for ${networkName[composer.network]} are cached yet. Open Relay from the browser toolbar to sync.`}
          </p>
          {openButton}
        </>
      );
    }
    return (
      <>
        <ul class="list">
          {list.map((s) => {
            const countId = `${bodyId}-${s.itemId}-${s.captionId}`;
            const remaining = length ? length.remaining(composer.preview(s).after) : 0;
            const over = remaining < 0 ? -remaining : 0;
            return (
              <li class="item" key={`${s.itemId}/${s.captionId}`}>
                <p class="title" dir="auto">
                  {s.pinned && <span class="tag">Pinned</span>}
                  {s.shared && <span class="tag">Shared before</span>}
                  {s.title}
                </p>
                <p class="caption" dir="auto" lang={s.language}>
                  {s.text}
                </p>
                {length && (
                  <p id={countId} class={over ? 'count over' : 'count'}>
                    {over
                      ? `${over} characters over ${networkName[composer.network]}’s ${length.max} limit: copy it and shorten it.`
                      : `${remaining} characters left after inserting`}
                  </p>
                )}
                <div class="actions">
                  <button
                    type="button"
                    class="primary"
                    aria-label={insertLabel(s.text)}
                    aria-describedby={length ? countId : undefined}
                    aria-disabled={over > 0 || busy ? 'true' : undefined}
                    onMouseDown={keepFocus}
                    onClick={() => void onInsert(s, over)}
                  >
                    Insert
                  </button>
                  <button type="button" aria-label={copyLabel(s.text)} onMouseDown={keepFocus} onClick={() => void onCopy(s)}>
                    Copy
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        {withheld > 0 && <p class="note">{withheldNote(withheld, composer.network)}</p>}
      </>
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !backToEditor) return;
    e.preventDefault();
    backToEditor();
  };

  return (
    <section class="relay-panel" role="region" aria-label="Suggested captions" onKeyDown={onKeyDown}>
      {/* Read by screen readers at the start of the panel; shown to everyone while focus is in the panel. */}
      <p class="keys">From your post, Alt + Shift + R (⌥ + Shift + R on a Mac) comes here; Escape goes back to your text.</p>
      <div class="bar">
        <button
          type="button"
          class="toggle"
          aria-keyshortcuts={PANEL_SHORTCUT}
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={bodyId}
          onMouseDown={keepFocus}
          onClick={() => setOpen(!open)}
        >
          <span class="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Relay captions
        </button>
        <button type="button" class="hide" aria-label="Hide suggestions" title="Hide suggestions" onMouseDown={keepFocus} onClick={onHide}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div id={bodyId} class="body" hidden={!open}>
        {body()}
      </div>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
