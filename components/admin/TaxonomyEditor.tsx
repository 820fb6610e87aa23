import { useEffect, useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import type { Taxonomy } from '@/lib/contract/taxonomy';
import { Notice } from '@/components/Notice';
import { plural, t } from '@/lib/i18n';
import { ProblemNotice, refusedFields } from './ProblemNotice';
import { useAction } from './use-load';

const lines = (text: string) => [
  ...new Set(
    text
      .split(/[\n,]/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  ),
];

interface Props {
  api: AdminApi;
  lists: Taxonomy | undefined;
  /** Topics and campaigns items use today, offered to start the lists from. */
  inUse: { topics: string[]; campaigns: string[] };
  onSaved: (lists: Taxonomy) => void;
}

/** The managed lists of topics and campaigns that the item editor offers as choices. */
export function TaxonomyEditor({ api, lists, inUse, onSaved }: Props) {
  const [topics, setTopics] = useState('');
  const [campaigns, setCampaigns] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction();
  useEffect(() => {
    if (!lists) return;
    setTopics(lists.topics.join('\n'));
    setCampaigns(lists.campaigns.join('\n'));
  }, [lists]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const result = await save.run(() => api.saveTaxonomy({ topics: lines(topics), campaigns: lines(campaigns) }));
    if (result) {
      setSaved(
        t('admin.taxonomy.saved', {
          topics: plural('admin.taxonomy.topicCount', result.topics.length),
          campaigns: plural('admin.taxonomy.campaignCount', result.campaigns.length),
        }),
      );
      onSaved(result);
    }
  };
  const addInUse = () => {
    setTopics([...new Set([...lines(topics), ...inUse.topics])].join('\n'));
    setCampaigns([...new Set([...lines(campaigns), ...inUse.campaigns])].join('\n'));
  };

  return (
    <details class="taxonomy">
      <summary>{t('admin.taxonomy.summary')}</summary>
      <form onSubmit={onSubmit} aria-label={t('admin.taxonomy.form')}>
        <div class="two-columns">
          <div class="field">
            <label for="taxonomy-topics">{t('admin.taxonomy.topics')}</label>
            <textarea
              id="taxonomy-topics"
              dir="auto"
              rows={6}
              value={topics}
              onInput={(e) => setTopics(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="taxonomy-campaigns">{t('admin.taxonomy.campaigns')}</label>
            <textarea
              id="taxonomy-campaigns"
              rows={6}
              aria-describedby="taxonomy-campaigns-hint"
              value={campaigns}
              onInput={(e) => setCampaigns(e.currentTarget.value)}
            />
            <span id="taxonomy-campaigns-hint" class="hint">
              {t('admin.editor.campaignHint')}
            </span>
          </div>
        </div>
        <ProblemNotice message={save.error} lines={refusedFields(save.failure)} />
        <Notice role="status" tone="success">
          {saved}
        </Notice>
        <div class="actions">
          <button type="submit" class="button" disabled={save.busy}>
            {t('admin.taxonomy.save')}
          </button>
          <button type="button" class="button secondary" onClick={addInUse}>
            {t('admin.taxonomy.addInUse')}
          </button>
        </div>
      </form>
    </details>
  );
}
