import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteProfile } from '@/lib/contract/site-profiles';
import { type Composer, detectComposers } from '@/lib/compose/detect';
import { copyToClipboard } from '@/lib/compose/clipboard';
import type { EditorDriver } from '@/lib/compose/insert';
import { type ComposerSession, createSession } from '@/lib/compose/session';
import type { SuggestionsResult } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging';
import { isPanelShortcut } from './keys';
import { Panel, type PanelProps } from './Panel';
import { createShadowUi } from './shadow';

/*
 * Wiring for a content script: detect the profile's composers and put a panel next to each one, in its own
 * shadow root (the panel's CSS goes there, not into the page: see ./shadow.ts).
 * Panels go when their composer leaves the page, or when the content script is invalidated (ctx).
 */

/** The name of the panel's host element in the page (`<relay-captions>`), for tests and for people inspecting. */
export const PANEL_TAG = 'relay-captions';

/** Suggestions are asked once for all the composers opened within a short time. */
const SUGGESTIONS_TTL_MS = 15_000;

export interface ComposeUiOptions {
  driver?: EditorDriver;
  /** The network's length limit, if it has one worth counting (X). */
  length?: PanelProps['length'];
}

interface PanelEntry {
  session: ComposerSession;
  remove?: () => void;
}

export function startComposeUi(ctx: ContentScriptContext, profile: SiteProfile, options: ComposeUiOptions = {}): void {
  const network = profile.network;
  let cached: { at: number; promise: Promise<SuggestionsResult> } | null = null;
  const load = () => {
    if (!cached || Date.now() - cached.at > SUGGESTIONS_TTL_MS) {
      const promise = sendMessage('getSuggestions', { network });
      cached = { at: Date.now(), promise };
      promise.catch(() => (cached = null));
    }
    return cached.promise;
  };

  const panels = new Map<HTMLElement, PanelEntry>();

  const mount = (found: Composer) => {
    const session = createSession(found, {
      driver: options.driver,
      recordShare: (report) =>
        sendMessage('recordShare', report).catch((err: unknown) =>
          console.warn('[relay] recording the share failed', err),
        ),
    });
    const editor = found.editor;
    const entry: PanelEntry = { session };
    panels.set(editor, entry);
    const { element, position } = session.anchor();
    const ui = createShadowUi(editor.ownerDocument, PANEL_TAG);
    ui.host.setAttribute('data-relay-composer', found.composer.name);
    // Element#before/after also work at the top of a shadow root, where parentElement is null.
    if (position === 'before') element.before(ui.host);
    else if (position === 'after') element.after(ui.host);
    else if (position === 'first') element.prepend(ui.host);
    else element.append(ui.host);
    // The shortcut from the post box to the panel: a listener on the editor, nothing written into the site's markup.
    const toPanel = (e: KeyboardEvent) => {
      if (!isPanelShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation(); // the editor must not take it as typing
      ui.container.querySelector('button')?.focus();
    };
    editor.addEventListener('keydown', toPanel);
    entry.remove = () => {
      editor.removeEventListener('keydown', toPanel);
      render(null, ui.container);
      ui.remove();
    };
    render(
      <Panel
        composer={session}
        load={load}
        copy={(text) => copyToClipboard(text, editor.ownerDocument)}
        onHide={() => {
          // Hidden from the keyboard: focus would fall to the page's body; it goes back to the post instead.
          const hadFocus = !!ui.shadow.activeElement;
          entry.remove?.();
          if (hadFocus) void session.focusEditor();
        }}
        backToEditor={() => void session.focusEditor()}
        length={options.length}
        openRelay={() =>
          void sendMessage('openRelay').catch((err: unknown) => console.warn('[relay] could not open Relay', err))
        }
        watchEditor={(changed) => {
          let frame = 0;
          const soon = () => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(changed);
          };
          const events = ['input', 'keyup', 'paste', 'cut', 'drop'] as const;
          for (const e of events) editor.addEventListener(e, soon);
          // Editors such as Draft.js may render the text after the frame that followed the last event:
          // the DOM changing is what says the count is out of date.
          const edits = new MutationObserver(soon);
          edits.observe(editor, { subtree: true, childList: true, characterData: true });
          return () => {
            cancelAnimationFrame(frame);
            edits.disconnect();
            for (const e of events) editor.removeEventListener(e, soon);
          };
        }}
      />,
      ui.container,
    );
  };

  const forget = (editor: HTMLElement) => {
    const entry = panels.get(editor);
    if (!entry) return;
    panels.delete(editor);
    entry.session.dispose();
    entry.remove?.();
  };
  ctx.onInvalidated(() => {
    for (const editor of [...panels.keys()]) forget(editor);
  });

  detectComposers({
    profile,
    root: document,
    signal: ctx.signal,
    onAppear: (found) => {
      try {
        mount(found);
      } catch (err) {
        console.warn('[relay] could not show the panel', err);
      }
    },
    onDisappear: (found) => forget(found.editor),
  });
}
