import './share.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Network } from '@/lib/contract';
import { bannedTermsMessage } from '@/lib/policy/prepare';
import { networkLabel } from '@/components/network-label';
import { useShareDraft, type ShareDraft, type ShareDraftInput } from './use-share-draft';
import { formatNumber, t } from '@/lib/i18n';

export type { ShareRecord } from './use-share-draft';

export interface NetworkShareProps extends ShareDraftInput {
  /** Unique prefix for element ids. */
  idBase: string;
}

/** How long typing must pause before the remaining count is read out (every keystroke would be noise). */
const ANNOUNCE_AFTER_MS = 900;

function lengthText(network: Network, left: number, max: number): string {
  if (left >= 0) return t('popup.share.left', { left, max });
  return t('popup.share.over', { over: -left, network: networkLabel[network] });
}

/** A network's editor with its own draft (Share this page, where nothing is folded). */
export function NetworkShare({ idBase, ...input }: NetworkShareProps) {
  return <NetworkEditor draft={useShareDraft(input)} idBase={idBase} />;
}

/**
 * One network's post, unfolded: the variants, an editor with the chosen one and the personal touches, a
 * length counter, "Share on …" and "Copy". The nudge to add a personal sentence is advice only; a banned
 * term keeps Share and Copy off (saying why), and a missing disclosure is added, shown and counted.
 */
export function NetworkEditor({ draft, idBase }: { draft: ShareDraft; idBase: string }) {
  const { network, label, variants, selected, text, edited, prepared, blocked, length, status, busy } = draft;

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
          <legend class="visually-hidden">{t('popup.share.variants', { network: label })}</legend>
          {variants.map((v) => (
            <label key={v.id} class="variant">
              <input
                type="radio"
                name={`${idBase}-${network}-variant`}
                checked={v.id === selected?.id}
                onChange={() => draft.choose(v)}
              />
              <span lang={v.language} dir="auto">
                {v.text}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <label for={editorId} class="editor-label">
        {t('popup.share.yourPost', { network: label })}
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
          draft.edit(e.currentTarget.value);
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
              {formatNumber(length.used)} / {formatNumber(length.max)}
              <span class="visually-hidden">
                {t(prepared.disclosureAdded ? 'popup.share.countSuffixDisclosure' : 'popup.share.countSuffix')}
              </span>
            </>
          )}
        </span>
        {!edited && (
          <span id={nudgeId} class="nudge">
            {t('popup.share.nudge')}
          </span>
        )}
      </p>
      {prepared.disclosureAdded && (
        <p id={disclosureId} class="policy-note disclosure">
          {t('popup.share.disclosure', { disclosure: prepared.disclosureAdded, network: label })}
        </p>
      )}
      {prepared.overLimit && (
        <p id={limitId} class="policy-note limit">
          {t('popup.share.limit', {
            limit: prepared.overLimit.limit,
            network: label,
            length: prepared.overLimit.length,
          })}
        </p>
      )}
      <span class="visually-hidden" aria-live="polite">
        {spoken}
      </span>
      <div class="share-actions">
        <ShareButton draft={draft} busy={busy} describedBy={blocked ? bannedId : undefined} />
        {/* aria-disabled, not disabled: the button stays focusable, so the reason is read out when it is reached. */}
        <button
          type="button"
          class="button secondary"
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? bannedId : undefined}
          onClick={() => void draft.copy()}
        >
          {t('popup.share.copy')}
        </button>
      </div>
      <ShareStatusLine status={status} />
    </section>
  );
}

/** "Share on LinkedIn" / "Share on X" for a draft; off (but focusable, so its reason is read) while blocked. */
export function ShareButton({
  draft,
  busy,
  describedBy,
  onShare,
}: {
  draft: ShareDraft;
  busy: boolean;
  describedBy?: string | undefined;
  onShare?: () => void;
}) {
  return (
    <button
      type="button"
      class="button"
      disabled={busy}
      aria-disabled={draft.blocked || undefined}
      aria-describedby={describedBy}
      onClick={() => {
        onShare?.();
        void draft.share();
      }}
    >
      {t('popup.share.shareOn', { network: draft.label })}
    </button>
  );
}

/** The outcome of the last share or copy, announced politely. */
export function ShareStatusLine({ status }: { status: ShareDraft['status'] }) {
  return (
    <p role="status" class={status ? `share-status ${status.tone}` : 'share-status'}>
      {status?.text}
    </p>
  );
}
