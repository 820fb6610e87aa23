import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { AdminItem } from '@/lib/contract/items';
import { contentMix, describeMix, isLive } from '@/lib/admin/content-mix';
import { draftFromItem, draftFromUnfurl, draftToCreate, draftToPatch, type ItemDraft } from '@/lib/admin/item-draft';
import { Notice } from '@/components/Notice';
import type { Taxonomy } from '@/lib/contract/taxonomy';
import { ItemEditor } from './ItemEditor';
import { TaxonomyEditor } from './TaxonomyEditor';
import { useAction, useLoad } from './use-load';

type Editing = { kind: 'new'; draft: ItemDraft } | { kind: 'edit'; item: AdminItem } | null;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function itemState(item: AdminItem, now: number): string {
  if (isLive(item, now)) return 'Live';
  return Date.parse(item.publishAt) > now ? 'Scheduled' : 'Expired';
}

/** The managed lists first, then what items already use: offered as choices so items use the same words. */
export function knownLists(items: readonly AdminItem[], managed?: Taxonomy) {
  const topics = new Set<string>(managed?.topics);
  const campaigns = new Set<string>(managed?.campaigns);
  for (const i of items) {
    i.topics.forEach((t) => topics.add(t));
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
      done(item.pinned ? `Unpinned “${item.title}”.` : `Pinned “${item.title}”.`);
    });

  const archive = (item: AdminItem) => {
    if (!confirm(`Remove “${item.title}” from the queue? Employees will no longer see it; links already shared keep working.`)) return;
    void action.run(async () => {
      await api.archiveItem(item.id);
      done(`Removed “${item.title}” from the queue.`);
    });
  };

  return (
    <>
      <p class={`mix mix-${mix.verdict}`} role="status">
        <strong>Content mix of the live queue:</strong> {describeMix(mix)}
        <span class="muted"> (the 6-3-1 rule: 6 curated · 3 owned · 1 promotional in every 10)</span>
      </p>

      <TaxonomyEditor api={api} lists={taxonomy.data} inUse={inUse} onSaved={() => taxonomy.reload()} />

      <form class="inline-form" onSubmit={fetchDetails} aria-label="New item from a page">
        <div class="field grow">
          <label for="new-item-url">New item from a page address</label>
          <input id="new-item-url" type="url" required value={url} placeholder="https://…" onInput={(e) => setUrl(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={unfurl.busy}>{unfurl.busy ? 'Fetching…' : 'Fetch details'}</button>
        <button type="button" class="button secondary" onClick={() => setEditing({ kind: 'new', draft: { ...draftFromUnfurl({ url: url.trim() || 'https://', title: null, description: null, imageUrl: null }) } })}>
          Write it by hand
        </button>
      </form>
      <Notice role="alert" tone="error">{unfurl.error ? `The page could not be used: ${unfurl.error}` : null}</Notice>
      <Notice role="status" tone="success">{news}</Notice>

      {editing?.kind === 'new' && (
        <ItemEditor
          key={`new-${editing.draft.url}`}
          heading="New item"
          initial={editing.draft}
          policy={policy.data ?? null}
          knownTopics={known.topics}
          knownCampaigns={known.campaigns}
            managed={taxonomy.data}
          submitLabel="Add to the queue"
          onSave={async (d) => {
            const item = await api.createItem(draftToCreate(d));
            done(`Added “${item.title}”.`);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'edit' && (
        <ItemEditor
          key={editing.item.id}
          heading={`Edit “${editing.item.title}”`}
          initial={draftFromItem(editing.item)}
          policy={policy.data ?? null}
          knownTopics={known.topics}
          knownCampaigns={known.campaigns}
            managed={taxonomy.data}
          submitLabel="Save changes"
          onSave={async (d) => {
            const item = await api.patchItem(editing.item.id, draftToPatch(d));
            done(`Saved “${item.title}”.`);
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      <Notice role="alert" tone="error">{items.error ?? action.error ?? (policy.error ? `The policy could not be loaded: ${policy.error}` : null)}</Notice>
      {items.loading && !items.data ? (
        <p>Loading items…</p>
      ) : list.length === 0 ? (
        <p>No items yet. Add one from a page address above.</p>
      ) : (
        <table class="data">
          <caption class="visually-hidden">All items, including scheduled and expired ones</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">State</th>
              <th scope="col">Type</th>
              <th scope="col">Publish</th>
              <th scope="col">Expires</th>
              <th scope="col">Captions</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <span dir="auto">{item.title}</span>
                  {item.pinned && <span class="tag">Pinned</span>}
                  <br />
                  <a class="muted small" href={item.url} target="_blank" rel="noopener noreferrer">{item.url}</a>
                </th>
                <td>{itemState(item, now)}</td>
                <td>{item.contentType}</td>
                <td>{when(item.publishAt)}</td>
                <td>{when(item.expiresAt)}</td>
                <td>{item.captions.length}</td>
                <td class="row-actions">
                  <button type="button" class="button secondary" aria-label={`Edit “${item.title}”`} onClick={() => setEditing({ kind: 'edit', item })}>Edit</button>
                  <button type="button" class="button secondary" aria-label={`${item.pinned ? 'Unpin' : 'Pin'} “${item.title}”`} disabled={action.busy} onClick={() => void togglePin(item)}>
                    {item.pinned ? 'Unpin' : 'Pin'}
                  </button>
                  <button type="button" class="button secondary" aria-label={`Remove from queue: “${item.title}”`} disabled={action.busy} onClick={() => archive(item)}>
                    Remove from queue
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
