import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { Suggestion } from '@/lib/contract/suggestions';
import type { Unfurl } from '@/lib/contract/unfurl';
import { describeError } from '@/lib/api/errors';
import { draftFromUnfurl, draftToCreate, emptyDraft, type ItemDraft } from '@/lib/admin/item-draft';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { dateTime } from './date-time';
import { useItemChoices } from './item-choices';
import { ItemEditor } from './ItemEditor';
import { rich } from './rich';
import { useAction, useLoad } from './use-load';

export function SuggestionsSection({ api }: { api: AdminApi }) {
  const list = useLoad(() => api.suggestions({ status: 'open', limit: 200 }), [api]);
  const items = useLoad(() => api.listItems(), [api]);
  const { choices } = useItemChoices(api, items.data ?? []);
  const [accepting, setAccepting] = useState<{
    suggestion: Suggestion;
    draft: ItemDraft;
    unfurlError: string | null;
  } | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const action = useAction();

  const makeItem = async (s: Suggestion) => {
    setNews(null);
    // The page prefills the item; when it cannot be fetched the curator still writes it by hand.
    let found: Unfurl | null = null;
    let unfurlError: string | null = null;
    try {
      found = await api.unfurl(s.url);
    } catch (err) {
      unfurlError = describeError(err);
    }
    const draft = found ? draftFromUnfurl(found) : { ...emptyDraft(), url: s.url };
    setAccepting({ suggestion: s, draft, unfurlError });
  };

  const dismiss = (s: Suggestion) =>
    action.run(async () => {
      await api.dismissSuggestion(s.id);
      setNews(t('admin.suggestions.dismissed', { url: s.url }));
      list.reload();
    });

  const open = list.data?.suggestions ?? [];
  return (
    <>
      <p class="muted">{t('admin.suggestions.intro')}</p>
      <Notice role="status" tone="success">
        {news}
      </Notice>
      <Notice role="alert" tone="error">
        {list.error ?? (accepting ? null : action.error)}
      </Notice>
      {accepting && (
        <>
          {accepting.unfurlError && (
            <Notice role="alert" tone="error">
              {t('admin.suggestions.unfetchable', { reason: accepting.unfurlError })}
            </Notice>
          )}
          <ItemEditor
            key={accepting.suggestion.id}
            heading={t('admin.suggestions.fromSuggestion', { name: accepting.suggestion.suggestedBy.name })}
            initial={accepting.draft}
            choices={choices}
            submitLabel={t('admin.items.addToQueue')}
            onSave={async (d) => {
              const { item } = await api.acceptSuggestion(accepting.suggestion.id, draftToCreate(d));
              setAccepting(null);
              setNews(t('admin.suggestions.added', { title: item.title }));
              list.reload();
              items.reload();
            }}
            onCancel={() => setAccepting(null)}
          />
        </>
      )}
      {list.loading && !list.data ? (
        <p>{t('admin.suggestions.loading')}</p>
      ) : open.length === 0 ? (
        <p>{t('admin.suggestions.empty')}</p>
      ) : (
        <ul class="cards" aria-label={t('admin.suggestions.list')}>
          {open.map((s) => (
            <li key={s.id} class="card">
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.url}
              </a>
              {s.note && <p dir="auto">{s.note}</p>}
              <p class="muted small">
                {rich(t('admin.suggestions.suggestedBy', { date: dateTime(s.createdAt) }), {
                  name: <span dir="auto">{s.suggestedBy.name}</span>,
                })}
              </p>
              <div class="actions">
                <button type="button" class="button" disabled={action.busy} onClick={() => void makeItem(s)}>
                  {t('admin.suggestions.makeItem')}
                </button>
                <button type="button" class="button secondary" disabled={action.busy} onClick={() => void dismiss(s)}>
                  {t('admin.suggestions.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
