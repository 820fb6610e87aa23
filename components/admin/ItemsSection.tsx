import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { AdminItem } from '@/lib/contract/items';
import { contentMix, describeMix, isLive, MIX_TARGET, mixParts } from '@/lib/admin/content-mix';
import {
  draftFromItem,
  draftFromUnfurl,
  draftToCreate,
  draftToPatch,
  emptyDraft,
  type ItemDraft,
} from '@/lib/admin/item-draft';
import { Notice } from '@/components/Notice';
import { formatNumber, t } from '@/lib/i18n';
import { DataTable } from './DataTable';
import { dateTime } from './date-time';
import { knownLists, useItemChoices } from './item-choices';
import { ItemEditor } from './ItemEditor';
import { TaxonomyEditor } from './TaxonomyEditor';
import { useAction, useLoad } from './use-load';

/** The item editor open for a new item or an existing one. */
interface Editing {
  key: string;
  heading: string;
  initial: ItemDraft;
  submitLabel: string;
  save: (draft: ItemDraft) => Promise<void>;
}

const when = (iso: string | null) => (iso ? dateTime(iso) : '—');

function itemState(item: AdminItem, now: number): string {
  if (isLive(item, now)) return t('admin.items.state.live');
  return Date.parse(item.publishAt) > now ? t('admin.items.state.scheduled') : t('admin.items.state.expired');
}

export function ItemsSection({ api }: { api: AdminApi }) {
  const items = useLoad(() => api.listItems(), [api]);
  const list = items.data ?? [];
  const { policy, taxonomy, choices } = useItemChoices(api, list);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [url, setUrl] = useState('');
  const [news, setNews] = useState<string | null>(null);
  const unfurl = useAction();
  const action = useAction();
  const now = Date.now();
  const mix = contentMix(list, now);

  const done = (message: string) => {
    setEditing(null);
    setNews(message);
    items.reload();
  };

  const startNew = (draft: ItemDraft) =>
    setEditing({
      key: `new-${draft.url}`,
      heading: t('admin.items.newItem'),
      initial: draft,
      submitLabel: t('admin.items.addToQueue'),
      save: async (d) => {
        const item = await api.createItem(draftToCreate(d));
        done(t('admin.items.added', { title: item.title }));
      },
    });

  const startEdit = (item: AdminItem) =>
    setEditing({
      key: item.id,
      heading: t('admin.items.editItem', { title: item.title }),
      initial: draftFromItem(item),
      submitLabel: t('admin.items.saveChanges'),
      save: async (d) => {
        const saved = await api.patchItem(item.id, draftToPatch(d));
        done(t('admin.items.saved', { title: saved.title }));
      },
    });

  const fetchDetails = async (e: Event) => {
    e.preventDefault();
    setNews(null);
    const found = await unfurl.run(() => api.unfurl(url.trim()));
    if (found) startNew(draftFromUnfurl(found));
  };

  const togglePin = (item: AdminItem) =>
    action.run(async () => {
      await api.patchItem(item.id, { pinned: !item.pinned });
      done(t(item.pinned ? 'admin.items.unpinned' : 'admin.items.pinned', { title: item.title }));
    });

  const archive = (item: AdminItem) => {
    if (!confirm(t('admin.items.confirmRemove', { title: item.title }))) return;
    void action.run(async () => {
      await api.archiveItem(item.id);
      done(t('admin.items.removed', { title: item.title }));
    });
  };

  return (
    <>
      <p class={`mix mix-${mix.verdict}`} role="status">
        <strong>{t('admin.mix.label')}</strong> {describeMix(mix)}
        <span class="muted"> {t('admin.mix.rule', { parts: mixParts(MIX_TARGET) })}</span>
      </p>

      <TaxonomyEditor api={api} lists={taxonomy.data} inUse={knownLists(list)} onSaved={() => taxonomy.reload()} />

      <form class="inline-form" onSubmit={fetchDetails} aria-label={t('admin.items.newFromPage')}>
        <div class="field grow">
          <label for="new-item-url">{t('admin.items.pageAddress')}</label>
          <input
            id="new-item-url"
            type="url"
            required
            value={url}
            placeholder="https://…"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={unfurl.busy}>
          {unfurl.busy ? t('admin.items.fetching') : t('admin.items.fetch')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => startNew({ ...emptyDraft(), url: url.trim() || 'https://' })}
        >
          {t('admin.items.byHand')}
        </button>
      </form>
      <Notice role="alert" tone="error">
        {unfurl.error ? t('admin.items.unusable', { reason: unfurl.error }) : null}
      </Notice>
      <Notice role="status" tone="success">
        {news}
      </Notice>

      {editing && (
        <ItemEditor
          key={editing.key}
          heading={editing.heading}
          initial={editing.initial}
          choices={choices}
          submitLabel={editing.submitLabel}
          onSave={editing.save}
          onCancel={() => setEditing(null)}
        />
      )}

      <Notice role="alert" tone="error">
        {items.error ?? action.error ?? (policy.error ? t('admin.items.policyFailed', { reason: policy.error }) : null)}
      </Notice>
      {items.loading && !items.data ? (
        <p>{t('admin.items.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('admin.items.empty')}</p>
      ) : (
        <DataTable
          caption={t('admin.items.tableCaption')}
          columns={[
            t('admin.items.columns.title'),
            t('admin.items.columns.state'),
            t('admin.items.columns.type'),
            t('admin.items.columns.publish'),
            t('admin.items.columns.expires'),
            t('admin.items.columns.captions'),
            { label: t('admin.items.columns.actions'), hidden: true },
          ]}
        >
          {list.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <span dir="auto">{item.title}</span>
                {item.pinned && <span class="tag">{t('admin.items.tagPinned')}</span>}
                <br />
                <a class="muted small" href={item.url} target="_blank" rel="noopener noreferrer">
                  {item.url}
                </a>
              </th>
              <td>{itemState(item, now)}</td>
              <td>{t(`admin.items.type.${item.contentType}`)}</td>
              <td>{when(item.publishAt)}</td>
              <td>{when(item.expiresAt)}</td>
              <td>{formatNumber(item.captions.length)}</td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('admin.items.editLabel', { title: item.title })}
                  onClick={() => startEdit(item)}
                >
                  {t('admin.items.edit')}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t(item.pinned ? 'admin.items.unpinLabel' : 'admin.items.pinLabel', { title: item.title })}
                  disabled={action.busy}
                  onClick={() => void togglePin(item)}
                >
                  {item.pinned ? t('admin.items.unpin') : t('admin.items.pin')}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('admin.items.removeLabel', { title: item.title })}
                  disabled={action.busy}
                  onClick={() => archive(item)}
                >
                  {t('admin.items.remove')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
