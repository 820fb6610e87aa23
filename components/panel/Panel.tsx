import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Network } from '@/lib/contract/common';
import type { InsertResult } from '@/lib/compose/insert';
import type { Suggestion, SuggestionsResult } from '@/lib/messaging/protocol';
import { PANEL_SHORTCUT } from './keys';
import { copyLabel, insertLabel } from './label';
import { plural, t } from '@/lib/i18n';

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

export const copiedFallback = () => t('panel.copiedFallback');
const networkName: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };

/** Why some captions are missing: the background left out those with a banned term (lib/background/service). */
export function withheldNote(count: number, network: Network): string {
  return plural('panel.withheld', count, { network: networkName[network] });
}

/** Keep the caret in the editor: a mouse press on the panel must not take focus from it. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'done'; result: SuggestionsResult };

export function Panel({
  composer,
  load,
  copy,
  onHide,
  watchEditor,
  limit = 5,
  length,
  openRelay,
  backToEditor,
}: PanelProps) {
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
      announce(t('panel.tooLong', { network: networkName[composer.network], over }));
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      const result = await composer.insert(s);
      bump();
      if (result.ok) announce(t('panel.inserted'));
      else if (result.copied) announce(copiedFallback());
      else announce(t('panel.failedBoth'));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const onCopy = async (s: Suggestion) => {
    const ok = await copy(composer.preview(s).text.trim());
    announce(t(ok ? 'panel.copied' : 'panel.copyFailed'));
  };

  const body = () => {
    const l = loaded;
    if (l.state === 'loading') return <p class="note">{t('panel.loading')}</p>;
    if (l.state === 'failed') {
      return <p class="note">{t('panel.loadFailed')}</p>;
    }
    // Nothing to offer: say why, and open Relay's popup from here rather than show an empty list.
    const openButton = openRelay && (
      <div class="actions">
        <button type="button" class="primary" onMouseDown={keepFocus} onClick={openRelay}>
          {t('panel.openRelay')}
        </button>
      </div>
    );
    if (!l.result.connected) {
      return (
        <>
          <p class="note">{t('panel.notConnected')}</p>
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
              : t('panel.noneCached', { network: networkName[composer.network] })}
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
                  {s.pinned && <span class="tag">{t('panel.pinned')}</span>}
                  {s.shared && <span class="tag">{t('panel.sharedBefore')}</span>}
                  {s.title}
                </p>
                <p class="caption" dir="auto" lang={s.language}>
                  {s.text}
                </p>
                {length && (
                  <p id={countId} class={over ? 'count over' : 'count'}>
                    {over
                      ? t('panel.over', { over, network: networkName[composer.network], max: length.max })
                      : t('panel.left', { count: remaining })}
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
                    {t('panel.insert')}
                  </button>
                  <button
                    type="button"
                    aria-label={copyLabel(s.text)}
                    onMouseDown={keepFocus}
                    onClick={() => void onCopy(s)}
                  >
                    {t('panel.copy')}
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
    <section class="relay-panel" role="region" aria-label={t('panel.region')} onKeyDown={onKeyDown}>
      {/* Read by screen readers at the start of the panel; shown to everyone while focus is in the panel. */}
      <p class="visually-hidden keys">{t('panel.keys')}</p>
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
          {t('panel.toggle')}
        </button>
        <button
          type="button"
          class="hide"
          aria-label={t('panel.hide')}
          title={t('panel.hide')}
          onMouseDown={keepFocus}
          onClick={onHide}
        >
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
