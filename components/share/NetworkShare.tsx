import './share.css';
import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { personalise, type PersonalTouch } from '@/lib/captions/personalise';
import type { Caption, Network } from '@/lib/contract';
import { shareUrl } from '@/lib/links/share-urls';
import type { RecordShareResult } from '@/lib/messaging';
import type { PolicyRules } from '@/lib/policy';
import { bannedTermsMessage, preparePost } from '@/lib/policy/prepare';
import { copyText } from './clipboard';
import { usePostCounter } from './use-post-length';

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
  /** The curators' policy in force: banned terms block sharing, the disclosure is added when missing. */
  policy: PolicyRules;
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
 * personal sentence is advice only: nothing is ever disabled because of it. The curators' policy is not:
 * while the text holds a banned term, Share and Copy stay off (and say why); the required disclosure is
 * added to what goes out when the text lacks it, shown under the editor and counted.
 */
export function NetworkShare({ network, variants, touch, link, policy, idBase, record }: NetworkShareProps) {
  const label = networkLabel[network];
  const [selectedId, setSelectedId] = useState<string | null>(variants[0]?.id ?? null);
  const selected = variants.find((v) => v.id === selectedId) ?? null;
  const suggested = useMemo(() => (selected ? personalise(selected.text, touch) : ''), [selected, touch]);
  const [text, setText] = useState(suggested);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const edited = text !== suggested;
  const counter = usePostCounter();
  const prepared = preparePost(text, link, policy, network, counter ? (t) => counter(network, t).used : undefined);
  const blocked = prepared.banned.length > 0;
  const length = counter ? counter(network, prepared.text) : null;

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
    if (blocked) return;
    setBusy(true);
    setStatus(null);
    try {
      const target = shareUrl(network, prepared.caption, link);
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
    if (blocked) return;
    const ok = await copyText(prepared.text);
    setStatus(
      ok
        ? { tone: 'ok', text: 'Copied the caption and link. Paste them wherever you like.' }
        : { tone: 'error', text: 'The browser did not allow copying. Select the text and copy it yourself.' },
    );
  }

  const editorId = `${idBase}-${network}-text`;
  const countId = `${idBase}-${network}-count`;
  const nudgeId = `${idBase}-${network}-nudge`;
  const bannedId = `${idBase}-${network}-banned`;
  const disclosureId = `${idBase}-${network}-disclosure`;
  const limitId = `${idBase}-${network}-limit`;
  const describedBy = [
    blocked && bannedId,
    countId,
    prepared.disclosureAdded && disclosureId,
    prepared.overLimit && limitId,
    !edited && nudgeId,
  ]
    .filter(Boolean)
    .join(' ');
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
        aria-invalid={blocked}
        aria-describedby={describedBy}
        onInput={(e) => {
          typed.current = true;
          setText(e.currentTarget.value);
        }}
      />
      {blocked && (
        <p id={bannedId} class="policy-note banned">
          {bannedTermsMessage(prepared.banned)}
        </p>
      )}
      <p class="editor-meta">
        <span id={countId} class={length && length.left < 0 ? 'count over' : 'count'}>
          {length && (
            <>
              {length.used.toLocaleString()} / {length.max.toLocaleString()}
              <span class="visually-hidden">
                {` characters, including the link${prepared.disclosureAdded ? ' and the disclosure' : ''}`}
              </span>
            </>
          )}
        </span>
        {!edited && (
          <span id={nudgeId} class="nudge">
            {NUDGE}
          </span>
        )}
      </p>
      {prepared.disclosureAdded && (
        <p id={disclosureId} class="policy-note disclosure">
          Your company asks for <span dir="auto">“{prepared.disclosureAdded}”</span> on {label}: it is added when you share
          or copy.
        </p>
      )}
      {prepared.overLimit && (
        <p id={limitId} class="policy-note limit">
          Your company asks for at most {prepared.overLimit.limit.toLocaleString()} characters on {label}; this has{' '}
          {prepared.overLimit.length.toLocaleString()}.
        </p>
      )}
      <span class="visually-hidden" aria-live="polite">
        {spoken}
      </span>
      <div class="share-actions">
        {/* aria-disabled, not disabled: the button stays focusable, so the reason is read out when it is reached. */}
        <button
          type="button"
          class="button"
          disabled={busy}
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? bannedId : undefined}
          onClick={() => void share()}
        >
          Share on {label}
        </button>
        <button
          type="button"
          class="button secondary"
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? bannedId : undefined}
          onClick={() => void copy()}
        >
          Copy
        </button>
      </div>
      <p role="status" class={status ? `share-status ${status.tone}` : 'share-status'}>
        {status?.text}
      </p>
    </section>
  );
}
