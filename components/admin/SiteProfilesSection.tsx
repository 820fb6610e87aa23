import { useMemo, useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import { checkProfileJson } from '@/lib/admin/profile-json';
import { networks, type Network } from '@/lib/contract/common';
import { bundledProfiles } from '@/lib/compose/profiles';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { DataTable } from './DataTable';
import { networkLabel } from '@/components/network-label';
import { PageCheck } from './PageCheck';
import { ProblemNotice } from './ProblemNotice';
import { useAction, useLoad } from './use-load';

export function SiteProfilesSection({ api }: { api: AdminApi }) {
  const published = useLoad(() => api.siteProfiles(), [api]);
  const [json, setJson] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [news, setNews] = useState<string | null>(null);
  const publish = useAction();
  const draft = useMemo(() => {
    if (!json.trim()) return null;
    const checked = checkProfileJson(json);
    return checked.ok ? checked.profile : null;
  }, [json]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setNews(null);
    // Said here rather than by checkProfileJson, whose sentence is English only; the parser's own reason stays as it is.
    try {
      JSON.parse(json);
    } catch (err) {
      setProblems([t('admin.profiles.notJson', { reason: (err as Error).message })]);
      return;
    }
    const checked = checkProfileJson(json);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const result = await publish.run(() => api.publishSiteProfile(checked.profile));
    if (result) {
      setNews(
        t('admin.profiles.published', { network: networkLabel[result.network], version: String(result.version) }),
      );
      published.reload();
    }
  };

  const current = (n: Network) => published.data?.find((p) => p.network === n);
  // The profile extensions use: the published one when it is newer than the one they were built with.
  const inUse = (n: Network) => {
    const p = current(n);
    return p && p.version > bundledProfiles[n].version
      ? { profile: p, published: true }
      : { profile: bundledProfiles[n], published: false };
  };
  return (
    <>
      <p class="muted">{t('admin.profiles.intro')}</p>
      <Notice role="alert" tone="error">
        {published.error}
      </Notice>
      <DataTable
        caption={t('admin.profiles.tableCaption')}
        columns={[
          t('admin.profiles.network'),
          t('admin.profiles.bundledVersion'),
          t('admin.profiles.publishedVersion'),
        ]}
      >
        {networks.map((n) => (
          <tr key={n}>
            <th scope="row">{networkLabel[n]}</th>
            <td>{bundledProfiles[n].version}</td>
            <td>{current(n)?.version ?? t('admin.profiles.none')}</td>
          </tr>
        ))}
      </DataTable>
      {networks.map((n) => (
        <details key={n}>
          <summary>
            {t(inUse(n).published ? 'admin.profiles.inUsePublished' : 'admin.profiles.inUseBundled', {
              network: networkLabel[n],
            })}
          </summary>
          <pre class="json">{JSON.stringify(inUse(n).profile, null, 2)}</pre>
          <button
            type="button"
            class="button secondary"
            onClick={() =>
              setJson(
                JSON.stringify(
                  {
                    ...bundledProfiles[n],
                    version: Math.max(bundledProfiles[n].version, current(n)?.version ?? 0) + 1,
                  },
                  null,
                  2,
                ),
              )
            }
          >
            {t('admin.profiles.startFrom', { network: networkLabel[n] })}
          </button>
        </details>
      ))}
      <form onSubmit={onSubmit} aria-label={t('admin.profiles.form')}>
        <h3>{t('admin.profiles.heading')}</h3>
        <div class="field">
          <label for="profile-json">{t('admin.profiles.json')}</label>
          <textarea
            id="profile-json"
            class="code"
            rows={14}
            spellcheck={false}
            value={json}
            aria-invalid={problems.length > 0}
            onInput={(e) => setJson(e.currentTarget.value)}
          />
        </div>
        <ProblemNotice
          message={problems.length > 0 ? t('admin.profiles.invalid') : null}
          lines={problems.map((p) => ({ key: p, text: p }))}
        />
        <Notice role="alert" tone="error">
          {publish.error}
        </Notice>
        <Notice role="status" tone="success">
          {news}
        </Notice>
        <button type="submit" class="button" disabled={publish.busy || !json.trim()}>
          {t('admin.profiles.publish')}
        </button>
      </form>
      <PageCheck networkNames={networkLabel} profileFor={inUse} draft={draft} />
    </>
  );
}
