import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { personalise, type PersonalTouch } from '@/lib/captions/personalise';
import type { Caption, Network } from '@/lib/contract';
import { postText, shareUrl } from '@/lib/links/share-urls';
import type { RecordShareResult } from '@/lib/messaging';
import { copyText } from './clipboard';
import { usePostLength } from './use-post-length';

export const networkLabel: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };

/** What a share records: the variant started from, whether the words changed, the text as sent. */
export interface ShareRecord {
  captionId?: string;
  edited: boolean;
  text: string;
}

export interface NetworkShareProps {
  network: Network;
  /** The curators' variants, preselected one first (lib/captions/rotation). May be empty. */
  variants: Caption[];
  touch: PersonalTouch;
  /** The link that follows the caption: the employee's tracked link, or a UTM-tagged page URL. */
  link: string;
  /** Unique prefix for element ids. */
  idBase: string;
  /** Records the share; absent: nothing is recorded (say why where it is used). */
  record?: (share: ShareRecord) => Promise<RecordShareResult>;
}

type Status = { tone: 'ok' | 'error'; text: string } | null;

const NUDGE = 'Add a sentence of your own — personal posts get more engagement';

/** How long typing must pause before the remaining count is read out (every keystroke would be noise). */
const ANNOUNCE_AFTER_MS = 900;

function lengthText(network: Network, left: number, max: number): string {
  if (left >= 0) return `${left.toLocaleString()} of ${max.toLocaleString()} characters left`;
  return `${(-left).toLocaleString()} characters over ${networkLabel[network]}’s limit`;
}

/**
 * One network's part of a card: the suggested variants, an editor holding the chosen one with the
 * employee's personal touches, a live length counter, and "Share on …" / "Copy". The nudge to add a
 * personal sentence is advice only: nothing is ever disabled because of it.
 */
export function NetworkShare({ network, variants, touch, link, idBase, record }: NetworkShareProps) {
  const label = networkLabel[network];
  const [selectedId, setSelectedId] = useState<string | null>(variants[0]?.id ?? null);
  const selected = variants.find((v) => v.id === selectedId) ?? null;
  const suggested = useMemo(() => (selected ? personalise(selected.text, touch) : ''), [selected, touch]);
  const [text, setText] = useState(suggested);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const edited = text !== suggested;
  const post = postText(text, link);
  const length = usePostLength(network, post);

  // A live region that speaks the count once typing pauses.
  const [spoken, setSpoken] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typed = useRef(false);
  useEffect(() => {
    // Only once the person types: a list of cards must not read out every count on opening.
    if (!typed.current || !length) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSpoken(lengthText(network, length.left, length.max)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer.current);
  }, [length?.left]);

  function choose(caption: Caption) {
    setSelectedId(caption.id);
    setText(personalise(caption.text, touch));
    setStatus(null);
  }

  async function share() {
    setBusy(true);
    setStatus(null);
    try {
      const target = shareUrl(network, text, link);
      // LinkedIn's link-only page cannot take the words: they go to the clipboard first (while the popup
      // still has focus), so the person can paste them.
      const copied = target.linkOnly ? await copyText(target.text) : false;
      await browser.tabs.create({ url: target.url });
      let recorded = '';
      if (record) {
        const result = await record({ ...(selected ? { captionId: selected.id } : {}), edited, text: target.text });
        recorded = result.ok ? ' Saved in your history.' : ` It could not be saved in your history: ${result.message}`;
      }
      const pasteHint = target.linkOnly
        ? copied
          ? ' The caption is too long for LinkedIn’s share link, so it is copied: paste it into the post.'
          : ' The caption is too long for LinkedIn’s share link: copy it with “Copy” and paste it into the post.'
        : '';
      setStatus({ tone: 'ok', text: `Opened ${label} in a new tab.${pasteHint}${recorded}` });
    } catch (err) {
      setStatus({ tone: 'error', text: `Could not open ${label}: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    const ok = await copyText(post);
    setStatus(
      ok
        ? { tone: 'ok', text: 'Copied the caption and link. Paste them wherever you like.' }
        : { tone: 'error', text: 'The browser did not allow copying. Select the text and copy it yourself.' },
    );
  }

  const editorId = `${idBase}-${network}-text`;
  const countId = `${idBase}-${network}-count`;
  const nudgeId = `${idBase}-${network}-nudge`;
  return (
    <section class="network-share" aria-labelledby={`${idBase}-${network}-h`}>
      <h4 id={`${idBase}-${network}-h`} class="network">
        {label}
      </h4>
      {variants.length > 0 && (
        <fieldset class="variants">
          <legend class="visually-hidden">Suggested captions for {label}</legend>
          {variants.map((v) => (
            <label key={v.id} class="variant">
              <input
                type="radio"
                name={`${idBase}-${network}-variant`}
                checked={v.id === selectedId}
                onChange={() => choose(v)}
              />
              <span lang={v.language} dir="auto">
                {v.text}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <label for={editorId} class="editor-label">
        Your {label} post
      </label>
      <textarea
        id={editorId}
        class="editor"
        rows={3}
        dir="auto"
        lang={selected?.language}
        value={text}
        aria-describedby={`${countId}${edited ? '' : ` ${nudgeId}`}`}
        onInput={(e) => {
          typed.current = true;
          setText(e.currentTarget.value);
        }}
      />
      <p class="editor-meta">
        <span id={countId} class={length && length.left < 0 ? 'count over' : 'count'}>
          {length && (
            <>
              {length.used.toLocaleString()} / {length.max.toLocaleString()}
              <span class="visually-hidden"> characters, including the link</span>
            </>
          )}
        </span>
        {!edited && (
          <span id={nudgeId} class="nudge">
            {NUDGE}
          </span>
        )}
      </p>
      <span class="visually-hidden" aria-live="polite">
        {spoken}
      </span>
      <div class="share-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void share()}>
          Share on {label}
        </button>
        <button type="button" class="button secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" class={status ? `share-status ${status.tone}` : 'share-status'}>
        {status?.text}
      </p>
    </section>
  );
}
