import { networks, type Network } from '@/lib/contract/common';
import type { PolicyRules } from '@/lib/policy';
import { applyDisclosure, checkCaption } from '@/lib/policy';
import { postLength } from '@/lib/captions/post-length';
import { xWeightedLength } from '@/lib/captions/x-length';
import { t } from '@/lib/i18n';
import { networkLabel } from '@/components/network-label';
import { rich } from './rich';

export interface CaptionDraft {
  /** Local key for the list (not sent). */
  key: string;
  network: Network;
  language: string;
  text: string;
}

interface Props {
  index: number;
  caption: CaptionDraft;
  policy: PolicyRules | null;
  /** What the server said about this caption on the last save (e.g. a banned term), if anything. */
  serverError?: string;
  onChange: (caption: CaptionDraft) => void;
  onRemove: (() => void) | null;
}

/**
 * One suggested caption: network, language, the text with the same length counter employees see
 * (X weighted, LinkedIn 3,000), and a live policy check: banned terms flagged, the disclosure shown as it
 * will be added when an employee shares.
 */
export function CaptionEditor({ index, caption, policy, serverError, onChange, onRemove }: Props) {
  const id = `caption-${caption.key}`;
  const length = postLength(caption.network, caption.text);
  const check = policy
    ? checkCaption(caption.text, policy, caption.network, caption.network === 'x' ? xWeightedLength : undefined)
    : null;
  const withDisclosure =
    policy && check?.missingDisclosure ? applyDisclosure(caption.text, policy, caption.network) : null;
  const over = length.left < 0 || Boolean(check?.tooLong);
  const describedBy = [
    `${id}-count`,
    check?.bannedTerms.length ? `${id}-banned` : null,
    serverError ? `${id}-server` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset class="caption-editor">
      <legend>{t('admin.caption.legend', { number: index + 1 })}</legend>
      <div class="caption-meta">
        <div class="field">
          <label for={`${id}-network`}>{t('admin.caption.network')}</label>
          <select
            id={`${id}-network`}
            value={caption.network}
            onChange={(e) => onChange({ ...caption, network: e.currentTarget.value as Network })}
          >
            {networks.map((n) => (
              <option key={n} value={n}>
                {networkLabel[n]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-lang`}>{t('admin.caption.language')}</label>
          <input
            id={`${id}-lang`}
            value={caption.language}
            size={8}
            aria-describedby={`${id}-lang-hint`}
            onInput={(e) => onChange({ ...caption, language: e.currentTarget.value.trim() })}
          />
          <span id={`${id}-lang-hint`} class="hint">
            {t('admin.caption.languageHint')}
          </span>
        </div>
        {onRemove && (
          <button type="button" class="button secondary" onClick={onRemove}>
            {t('admin.caption.remove', { number: index + 1 })}
          </button>
        )}
      </div>
      <div class="field">
        <label for={`${id}-text`}>{t('admin.caption.text')}</label>
        <textarea
          id={`${id}-text`}
          dir="auto"
          lang={caption.language || undefined}
          rows={4}
          value={caption.text}
          aria-invalid={over || Boolean(check?.bannedTerms.length) || Boolean(serverError)}
          aria-describedby={describedBy}
          onInput={(e) => onChange({ ...caption, text: e.currentTarget.value })}
        />
      </div>
      <p id={`${id}-count`} class={over ? 'counter over' : 'counter'} aria-live="polite">
        {/* The same plain figures as the employees' counter ("280 / 280"). */}
        {t('admin.caption.counter', {
          used: String(length.used),
          max: String(check?.tooLong ? check.tooLong.limit : length.max),
        })}
        {caption.network === 'x' ? ` ${t('admin.caption.xCounting')}` : ''}
        {over ? ` ${t('admin.caption.tooLong')}` : ''}
      </p>
      {check && check.bannedTerms.length > 0 && (
        <p id={`${id}-banned`} class="policy-flag" role="alert">
          {rich(t('admin.caption.banned'), {
            terms: check.bannedTerms.map((term, i) => (
              <span key={term}>
                {i > 0 ? ', ' : ''}
                <mark dir="auto">{term}</mark>
              </span>
            )),
          })}
        </p>
      )}
      {withDisclosure !== null && (
        <div class="policy-preview">
          <p class="muted">
            {rich(t('admin.caption.disclosure'), { disclosure: <span dir="auto">{check!.missingDisclosure}</span> })}
          </p>
          <p class="preview" dir="auto" lang={caption.language || undefined}>
            {withDisclosure}
          </p>
        </div>
      )}
      {serverError && (
        <p id={`${id}-server`} class="field-error">
          {serverError}
        </p>
      )}
    </fieldset>
  );
}
