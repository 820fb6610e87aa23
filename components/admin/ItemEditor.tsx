import { useState } from 'preact/hooks';
import { contentTypes, type ContentType } from '@/lib/contract/common';
import { newCaptionKey, splitTopics, type ItemDraft } from '@/lib/admin/item-draft';
import { ProblemError } from '@/lib/api/errors';
import { Notice } from '@/components/Notice';
import { t, type MessageKey } from '@/lib/i18n';
import { CaptionEditor } from './CaptionEditor';
import { Field } from './Field';
import type { ItemChoices } from './item-choices';
import { useAction } from './use-load';

const TYPE_LABELS: Record<ContentType, MessageKey> = {
  curated: 'admin.editor.type.curated',
  owned: 'admin.editor.type.owned',
  promotional: 'admin.editor.type.promotional',
};

interface Props {
  heading: string;
  initial: ItemDraft;
  choices: ItemChoices;
  submitLabel: string;
  /** Sends the draft; throws the server's refusal. */
  onSave: (draft: ItemDraft) => Promise<unknown>;
  onCancel: () => void;
}

/** Fields of the last refusal by path ("captions.0.text" → message), so each shows next to its input. */
function fieldErrors(failure: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (failure instanceof ProblemError) for (const e of failure.errors) map.set(e.path, e.message);
  return map;
}

/** A hint of one or two whole sentences. */
const sentences = (first: string, second: string | null) => (second ? `${first} ${second}` : first);

export function ItemEditor({ heading, initial, choices, submitLabel, onSave, onCancel }: Props) {
  const { policy, managed } = choices;
  const [draft, setDraft] = useState<ItemDraft>(initial);
  const save = useAction();
  const errors = fieldErrors(save.failure);
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (path: string) => errors.get(path);
  const outsideTopics = managed?.topics.length
    ? splitTopics(draft.topics).filter((topic) => !managed.topics.includes(topic))
    : [];
  const campaign = draft.campaign.trim().toLowerCase();
  const outsideCampaign =
    managed?.campaigns.length && campaign && !managed.campaigns.includes(campaign) ? campaign : null;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    await save.run(() => onSave(draft));
  };

  const text = (
    key: 'url' | 'title' | 'imageUrl' | 'campaign' | 'topics',
    label: string,
    extra: { type?: 'text' | 'url'; list?: string; hint?: string; dir?: 'auto' } = {},
  ) => {
    const id = `item-${key}`;
    const err = fieldError(key);
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type={extra.type ?? 'text'}
          list={extra.list}
          dir={extra.dir}
          value={draft[key]}
          aria-invalid={Boolean(err)}
          aria-describedby={
            [extra.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
          }
          onInput={(ev) => set(key, ev.currentTarget.value)}
        />
        {extra.hint && (
          <span id={`${id}-hint`} class="hint">
            {extra.hint}
          </span>
        )}
        {err && (
          <span id={`${id}-error`} class="field-error">
            {err}
          </span>
        )}
      </div>
    );
  };

  return (
    <form class="item-editor" onSubmit={onSubmit} aria-label={heading}>
      <h3>{heading}</h3>
      {text('url', t('admin.editor.url'), { type: 'url' })}
      {text('title', t('admin.editor.title'), { dir: 'auto' })}
      <Field id="item-summary" label={t('admin.editor.summary')}>
        <textarea
          id="item-summary"
          dir="auto"
          rows={3}
          value={draft.summary}
          onInput={(e) => set('summary', e.currentTarget.value)}
        />
      </Field>
      {text('imageUrl', t('admin.editor.image'), { type: 'url' })}
      <Field id="item-type" label={t('admin.editor.contentType')}>
        <select
          id="item-type"
          value={draft.contentType}
          onChange={(e) => set('contentType', e.currentTarget.value as ContentType)}
        >
          {contentTypes.map((type) => (
            <option key={type} value={type}>
              {t(TYPE_LABELS[type])}
            </option>
          ))}
        </select>
      </Field>
      {text('topics', t('admin.editor.topics'), {
        list: 'known-topics',
        hint: sentences(
          t('admin.editor.topicsHint'),
          outsideTopics.length ? t('admin.editor.notManaged', { list: outsideTopics.join(', ') }) : null,
        ),
      })}
      <datalist id="known-topics">
        {choices.topics.map((topic) => (
          <option key={topic} value={topic} />
        ))}
      </datalist>
      {text('campaign', t('admin.editor.campaign'), {
        list: 'known-campaigns',
        hint: sentences(
          t('admin.editor.campaignHint'),
          outsideCampaign ? t('admin.editor.notManaged', { list: outsideCampaign }) : null,
        ),
      })}
      <datalist id="known-campaigns">
        {choices.campaigns.map((campaign) => (
          <option key={campaign} value={campaign} />
        ))}
      </datalist>
      <div class="schedule">
        <Field id="item-publish" label={t('admin.editor.publishAt')} hint={t('admin.editor.publishHint')}>
          <input
            id="item-publish"
            type="datetime-local"
            value={draft.publishAt}
            aria-describedby="item-publish-hint"
            onInput={(e) => set('publishAt', e.currentTarget.value)}
          />
        </Field>
        <Field
          id="item-expires"
          label={t('admin.editor.expiresAt')}
          hint={fieldError('expiresAt') ?? t('admin.editor.expiresHint')}
        >
          <input
            id="item-expires"
            type="datetime-local"
            value={draft.expiresAt}
            aria-invalid={Boolean(fieldError('expiresAt'))}
            aria-describedby="item-expires-hint"
            onInput={(e) => set('expiresAt', e.currentTarget.value)}
          />
        </Field>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={draft.pinned} onChange={(e) => set('pinned', e.currentTarget.checked)} />{' '}
        {t('admin.editor.pinned')}
      </label>

      <h4>{t('admin.editor.captions')}</h4>
      {draft.captions.map((c, i) => (
        <CaptionEditor
          key={c.key}
          index={i}
          caption={c}
          policy={policy}
          serverError={fieldError(`captions.${i}.text`) ?? fieldError(`captions.${i}.language`)}
          onChange={(next) =>
            set(
              'captions',
              draft.captions.map((x) => (x.key === c.key ? next : x)),
            )
          }
          onRemove={
            draft.captions.length > 1
              ? () =>
                  set(
                    'captions',
                    draft.captions.filter((x) => x.key !== c.key),
                  )
              : null
          }
        />
      ))}
      <button
        type="button"
        class="button secondary"
        onClick={() =>
          set('captions', [
            ...draft.captions,
            { key: newCaptionKey(), network: 'x', language: draft.captions.at(-1)?.language ?? 'en', text: '' },
          ])
        }
      >
        {t('admin.editor.addCaption')}
      </button>

      <Notice role="alert" tone="error">
        {save.error}
      </Notice>
      <div class="actions">
        <button type="submit" class="button" disabled={save.busy}>
          {save.busy ? t('admin.editor.saving') : submitLabel}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t('admin.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
