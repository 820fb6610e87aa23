import './ItemCard.css';
import { useState } from 'preact/hooks';
import type { PersonalTouch } from '@/lib/captions/personalise';
import { rotateCaptions } from '@/lib/captions/rotation';
import type { Network, QueueItem } from '@/lib/contract';
import type { RecordShareResult } from '@/lib/messaging';
import type { PolicyRules } from '@/lib/policy';
import { expiresLabel, sourceDomain } from './queue/when';
import { NetworkEditor, ShareButton, ShareStatusLine } from './share/NetworkShare';
import { useShareDraft, type ShareDraft, type ShareRecord } from './share/use-share-draft';
import { t } from '@/lib/i18n';

/** Only web links become clickable: a queue entry must never turn into a javascript: or data: link. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** What every card needs to know about the person (read once by the popup). */
export interface CardContext {
  employeeId: string;
  language: string | null;
  touches: Record<Network, PersonalTouch>;
  /** Records a share of `item` on `network` (the popup's recordPopupShare message). */
  record: (item: QueueItem, network: Network, share: ShareRecord) => Promise<RecordShareResult>;
  now: number;
  /** The curators' policy in force (lib/policy/in-force), enforced by every editor. */
  policy: PolicyRules;
}

/** The draft behind a network's part of a card: its variants in rotation order, the person's touches. */
function useCardDraft(item: QueueItem, network: Network, ctx: CardContext): ShareDraft {
  return useShareDraft({
    network,
    variants: rotateCaptions(item, network, { employeeId: ctx.employeeId, language: ctx.language }).variants,
    touch: ctx.touches[network],
    link: item.links[network],
    policy: ctx.policy,
    record: (share) => ctx.record(item, network, share),
  });
}

/**
 * One queue item, folded by default so a screenful holds the first card and its buttons: picture, title
 * (links to the page), source, expiry, marks, topics, the preselected caption of each network and "Share on
 * LinkedIn" / "Share on X" / "Copy". "Personalise" unfolds the summary, every variant and an editor per
 * network in place; what the person typed is kept when it folds again, and the folded buttons share it.
 */
export function ItemCard({ item, isNew, ctx }: { item: QueueItem; isNew: boolean; ctx: CardContext }) {
  const titleId = `item-${item.id}`;
  const bodyId = `${titleId}-body`;
  const href = safeHref(item.url);
  const domain = sourceDomain(item.url);
  const expires = expiresLabel(item.expiresAt, ctx.now);
  const [imageFailed, setImageFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const image = item.imageUrl && safeHref(item.imageUrl) && !imageFailed ? item.imageUrl : null;
  // Hooks in a fixed order: LinkedIn, then X.
  const drafts = [useCardDraft(item, 'linkedin', ctx), useCardDraft(item, 'x', ctx)];
  // The folded "Copy" copies the first post with words in it; the unfolded editors each have their own.
  const copyDraft = drafts.find((d) => d.text.trim() !== '') ?? drafts[0]!;
  const [acted, setActed] = useState<Network | null>(null);
  const actedDraft = drafts.find((d) => d.network === acted);
  const busy = drafts.some((d) => d.busy);
  return (
    <article class={open ? 'item-card open' : 'item-card'} aria-labelledby={titleId}>
      <div class="item-head">
        {image && (
          <img
            class="item-image"
            src={image}
            alt={t('popup.card.picture', { title: item.title })}
            loading="lazy"
            decoding="async"
            width={48}
            height={48}
            referrerpolicy="no-referrer"
            onError={() => setImageFailed(true)}
          />
        )}
        <div class="item-heading">
          <h3 id={titleId} class="item-title" dir="auto" elementtiming="queue-card">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {item.title}
              </a>
            ) : (
              item.title
            )}
          </h3>
          <div class="item-meta">
            {isNew && <span class="mark new">{t('popup.card.new')}</span>}
            {item.pinned && <span class="mark pinned">{t('popup.card.pinned')}</span>}
            {domain && <span class="domain">{domain}</span>}
            {expires && <span class="expires">{expires}</span>}
            <button
              type="button"
              class="link-button personalise"
              aria-expanded={open}
              aria-controls={bodyId}
              onClick={() => setOpen(!open)}
            >
              {t('popup.card.personalise')}
            </button>
          </div>
        </div>
      </div>
      {item.topics.length > 0 && (
        <ul class="chips" aria-label={t('popup.card.topics')}>
          {item.topics.map((t) => (
            <li class="chip" key={t} dir="auto">
              {t}
            </li>
          ))}
        </ul>
      )}
      <div id={bodyId} class="item-body">
        {open ? (
          <>
            {item.summary && (
              <p class="item-summary" dir="auto">
                {item.summary}
              </p>
            )}
            {drafts.map((d) => (
              <NetworkEditor key={d.network} draft={d} idBase={titleId} />
            ))}
          </>
        ) : (
          <>
            {drafts.map((d) => (
              <CaptionPreview key={d.network} draft={d} idBase={titleId} />
            ))}
            <div class="share-actions">
              {drafts.map((d) => (
                <ShareButton
                  key={d.network}
                  draft={d}
                  busy={busy}
                  describedBy={d.blocked ? `${titleId}-${d.network}-blocked` : undefined}
                  onShare={() => setActed(d.network)}
                />
              ))}
              <button
                type="button"
                class="button secondary"
                title={t('popup.card.copyTitle', { network: copyDraft.label })}
                aria-disabled={copyDraft.blocked || undefined}
                aria-describedby={copyDraft.blocked ? `${titleId}-${copyDraft.network}-blocked` : undefined}
                onClick={() => {
                  setActed(copyDraft.network);
                  void copyDraft.copy();
                }}
              >
                {t('popup.share.copy')}
              </button>
            </div>
            <ShareStatusLine status={actedDraft?.status ?? null} />
          </>
        )}
      </div>
    </article>
  );
}

/** A network's caption as it will be posted (two lines of it), named by the network. */
function CaptionPreview({ draft, idBase }: { draft: ShareDraft; idBase: string }) {
  return (
    <section class="caption-preview" aria-label={draft.label}>
      <span class="network-tag" aria-hidden="true">
        {draft.label}
      </span>
      {draft.text.trim() ? (
        <p class="caption-text" dir="auto" lang={draft.selected?.language}>
          {draft.text}
        </p>
      ) : (
        <p class="caption-text muted">{t('popup.card.noCaption')}</p>
      )}
      {draft.blocked && (
        <p id={`${idBase}-${draft.network}-blocked`} class="policy-note banned">
          {t('popup.card.blocked')}
        </p>
      )}
    </section>
  );
}
