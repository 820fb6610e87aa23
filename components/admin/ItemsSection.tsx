import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { AdminItem } from '@/lib/contract/items';
import { contentMix, describeMix, isLive, MIX_TARGET, mixParts } from '@/lib/admin/content-mix';
import { draftFromItem, draftFromUnfurl, draftToCreate, draftToPatch, type ItemDraft } from '@/lib/admin/item-draft';
import { Notice } from '@/components/Notice';
import { formatDate, formatNumber, t } from '@/lib/i18n';
import type { Taxonomy } from '@/lib/contract/taxonomy';
import { ItemEditor } from './ItemEditor';
import { TaxonomyEditor } from './TaxonomyEditor';
import { useAction, useLoad } from './use-load';

type Editing = { kind: 'new'; draft: ItemDraft } | { kind: 'edit'; item: AdminItem } | null;

/** Date and time to the second, as toLocaleString() wrote them, in the shown language. */
export const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
const when = (iso: string | null) => (iso ? formatDate(iso, DATE_TIME) : '—');

function itemState(item: AdminItem, now: number): string {
  if (isLive(item, now)) return t('admin.items.state.live');
  return Date.parse(item.publishAt) > now ? t('admin.items.state.scheduled') : t('admin.items.state.expired');
}

/** The managed lists first, then what items already use: offered as choices so items use the same words. */
export function knownLists(items: readonly AdminItem[], managed?: Taxonomy) {
  const topics = new Set<string>(managed?.topics);
  const campaigns = new Set<string>(managed?.campaigns);
  for (const i of items) {
    i.topics.forEach((topic) => topics.add(topic));
    if (i.campaign) campaigns.add(i.campaign);
  }
  return { topics: [...topics].sort(), campaigns: [...campaigns].sort() };
}

export function ItemsSection({ api }: { api: AdminApi }) {
  const items = useLoad(() => api.listItems(), [api]);
  const policy = useLoad(() => api.policy(), [api]);
  const taxonomy = useLoad(() => api.taxonomy(), [api]);
  const [editing, setEditing] = useState<Editing>(null);
  const [url, setUrl] = useState('');
  const [news, setNews] = useState<string | null>(null);
  const unfurl = useAction();
  const action = useAction();
  const now = Date.now();
  const list = items.data ?? [];
  const mix = contentMix(list, now);
  const known = knownLists(list, taxonomy.data);
  const inUse = knownLists(list);

  const fetchDetails = async (e: Event) => {
    e.preventDefault();
    setNews(null);
    const found = await unfurl.run(() => api.unfurl(url.trim()));
    if (found) setEditing({ kind: 'new', draft: draftFromUnfurl(found) });
  };

  const done = (message: string) => {
    setEditing(null);
    setNews(message);
    items.reload();
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

      <TaxonomyEditor api={api} lists={taxonomy.data} inUse={inUse} onSaved={() => taxonomy.reload()} />

      <form class="inline-form" onSubmit={fetchDetails} aria-label={t('admin.items.newFromPage')}>
        <div class="field grow">
          <label for="new-item-url">{t('admin.items.pageAddress')}</label>
          <input id="new-item-url" type="url" required value={url} placeholder="https://…" onInput={(e) => setUrl(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={unfurl.busy}>{unfurl.busy ? t('admin.items.fetching') : t('admin.items.fetch')}</button>
        <button type="button" class="button secondary" onClick={() => setEditing({ kind: 'new', draft: { ...draftFromUnfurl({ url: url.trim() || 'https://', title: null, description: null, imageUrl: null }) } })}>
          {t('admin.items.byHand')}
        </button>
      </form>
      <Notice role="alert" tone="error">{unfurl.error ? t('admin.items.unusable', { reason: unfurl.error }) : null}</Notice>
      <Notice role="status" tone="success">{news}</Notice>

      {editing?.kind === 'new' && (
        <ItemEditor
          key={`new-${editing.draft.url}`}
          heading={t('admin.items.newItem')}
          initial={editing.draft}
          policy={policy.data ?? null}
          knownTopics={known.topics}
          knownCampaigns={known.campaigns}
            managed={taxonomy.data}
          submitLabel={t('admin.items.addToQueue')}
          onSave={async (d) => {
            const item = await api.createItem(draftToCreate(d));
            done(t('admin.items.added', { title: item.title }));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'edit' && (
        <ItemEditor
          key={editing.item.id}
          heading={t('admin.items.editItem', { title: editing.item.title })}
          initial={draftFromItem(editing.item)}
          policy={policy.data ?? null}
          knownTopics={known.topics}
          knownCampaigns={known.campaigns}
            managed={taxonomy.data}
          submitLabel={t('admin.items.saveChanges')}
          onSave={async (d) => {
            const item = await api.patchItem(editing.item.id, draftToPatch(d));
            done(t('admin.items.saved', { title: item.title }));
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      <Notice role="alert" tone="error">{items.error ?? action.error ?? (policy.error ? t('admin.items.policyFailed', { reason: policy.error }) : null)}</Notice>
      {items.loading && !items.data ? (
        <p>{t('admin.items.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('admin.items.empty')}</p>
      ) : (
        <table class="data">
          <caption class="visually-hidden">{t('admin.items.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.items.columns.title')}</th>
              <th scope="col">{t('admin.items.columns.state')}</th>
              <th scope="col">{t('admin.items.columns.type')}</th>
              <th scope="col">{t('admin.items.columns.publish')}</th>
              <th scope="col">{t('admin.items.columns.expires')}</th>
              <th scope="col">{t('admin.items.columns.captions')}</th>
              <th scope="col"><span class="visually-hidden">{t('admin.items.columns.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <span dir="auto">{item.title}</span>
                  {item.pinned && <span class="tag">{t('admin.items.tagPinned')}</span>}
                  <br />
                  <a class="muted small" href={item.url} target="_blank" rel="noopener noreferrer">{item.url}</a>
                </th>
                <td>{itemState(item, now)}</td>
                <td>{t(`admin.items.type.${item.contentType}`)}</td>
                <td>{when(item.publishAt)}</td>
                <td>{when(item.expiresAt)}</td>
                <td>{formatNumber(item.captions.length)}</td>
                <td class="row-actions">
                  <button type="button" class="button secondary" aria-label={t('admin.items.editLabel', { title: item.title })} onClick={() => setEditing({ kind: 'edit', item })}>{t('admin.items.edit')}</button>
                  <button type="button" class="button secondary" aria-label={t(item.pinned ? 'admin.items.unpinLabel' : 'admin.items.pinLabel', { title: item.title })} disabled={action.busy} onClick={() => void togglePin(item)}>
                    {item.pinned ? t('admin.items.unpin') : t('admin.items.pin')}
                  </button>
                  <button type="button" class="button secondary" aria-label={t('admin.items.removeLabel', { title: item.title })} disabled={action.busy} onClick={() => archive(item)}>
                    {t('admin.items.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
