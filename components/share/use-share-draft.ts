import { browser } from 'wxt/browser';
import { useMemo, useState } from 'preact/hooks';
import type { PostLength } from '@/lib/captions/post-length';
import { personalise, type PersonalTouch } from '@/lib/captions/personalise';
import type { Caption, Network } from '@/lib/contract';
import { shareUrl } from '@/lib/links/share-urls';
import type { RecordShareResult } from '@/lib/messaging';
import type { PolicyRules } from '@/lib/policy';
import { preparePost, type PreparedPost } from '@/lib/policy/prepare';
import { copyToClipboard } from '@/lib/compose/clipboard';
import { t } from '@/lib/i18n';
import { networkLabel } from '@/components/network-label';
import { usePostCounter } from './use-post-length';

/** What a share records: the variant started from, whether the words changed, the text as sent. */
export interface ShareRecord {
  captionId?: string;
  edited: boolean;
  text: string;
}

export interface ShareDraftInput {
  network: Network;
  /** The curators' variants, preselected one first (lib/captions/rotation). May be empty. */
  variants: Caption[];
  touch: PersonalTouch;
  /** The link that follows the caption: the employee's tracked link, or a UTM-tagged page URL. */
  link: string;
  /** The curators' policy in force: banned terms block sharing, the disclosure is added when missing. */
  policy: PolicyRules;
  /** Records the share; absent: nothing is recorded. */
  record?: (share: ShareRecord) => Promise<RecordShareResult>;
}

export type ShareStatus = { tone: 'ok' | 'error'; text: string } | null;

/** One network's post being prepared: the chosen variant, the words as the person has them, and the actions. */
export interface ShareDraft {
  network: Network;
  label: string;
  variants: Caption[];
  selected: Caption | null;
  /** The text in the editor (the chosen variant with the personal touches, or the person's own edit). */
  text: string;
  /** The text differs from the chosen variant as suggested. */
  edited: boolean;
  /** What goes out: policy applied, link appended. */
  prepared: PreparedPost;
  /** A banned term is in the text: sharing and copying are off. */
  blocked: boolean;
  /** Length of what goes out against the network's limit, or null while the counter loads. */
  length: PostLength | null;
  status: ShareStatus;
  busy: boolean;
  choose(caption: Caption): void;
  edit(text: string): void;
  share(): Promise<void>;
  copy(): Promise<void>;
}

/**
 * The state and actions of one network's post, apart from how it is shown: a queue card shows it folded
 * (the caption and the buttons) and unfolded (variants and an editor) without losing what was typed.
 */
export function useShareDraft({ network, variants, touch, link, policy, record }: ShareDraftInput): ShareDraft {
  const label = networkLabel[network];
  const [selectedId, setSelectedId] = useState<string | null>(variants[0]?.id ?? null);
  const selected = variants.find((v) => v.id === selectedId) ?? null;
  const suggested = useMemo(() => (selected ? personalise(selected.text, touch) : ''), [selected, touch]);
  // null: the person has not typed; the text follows the chosen variant (and the touches, which load later).
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? suggested;
  const [status, setStatus] = useState<ShareStatus>(null);
  const [busy, setBusy] = useState(false);
  const edited = text !== suggested;
  const counter = usePostCounter();
  const prepared = preparePost(text, link, policy, network, counter ? (t) => counter(network, t).used : undefined);
  const blocked = prepared.banned.length > 0;
  const length = counter ? counter(network, prepared.text) : null;

  async function share() {
    if (blocked) return;
    setBusy(true);
    setStatus(null);
    try {
      const target = shareUrl(network, prepared.caption, link);
      // LinkedIn's link-only page cannot take the words: they go to the clipboard first (while the popup
      // still has focus), so the person can paste them.
      const copied = target.linkOnly ? await copyToClipboard(target.text, document, true) : false;
      await browser.tabs.create({ url: target.url });
      let recorded = '';
      if (record) {
        const result = await record({ ...(selected ? { captionId: selected.id } : {}), edited, text: target.text });
        recorded = result.ok ? t('popup.share.saved') : t('popup.share.notSaved', { message: result.message });
      }
      const pasteHint = target.linkOnly ? t(copied ? 'popup.share.pasteCopied' : 'popup.share.pasteCopy') : '';
      // Whole sentences, one after another: no sentence is built from pieces.
      const text = [t('popup.share.opened', { network: label }), pasteHint, recorded].filter(Boolean).join(' ');
      setStatus({ tone: 'ok', text });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setStatus({ tone: 'error', text: t('popup.share.openFailed', { network: label, message }) });
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (blocked) return;
    const ok = await copyToClipboard(prepared.text, document, true);
    setStatus(
      ok
        ? { tone: 'ok', text: t('popup.share.copied', { network: label }) }
        : { tone: 'error', text: t('popup.share.copyFailed') },
    );
  }

  return {
    network,
    label,
    variants,
    selected,
    text,
    edited,
    prepared,
    blocked,
    length,
    status,
    busy,
    choose(caption) {
      setSelectedId(caption.id);
      setTyped(null);
      setStatus(null);
    },
    edit: setTyped,
    share,
    copy,
  };
}
