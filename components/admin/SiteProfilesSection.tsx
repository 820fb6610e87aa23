import { useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import { checkProfileJson } from '@/lib/admin/profile-json';
import { networks, type Network } from '@/lib/contract/common';
import { bundledProfiles } from '@/lib/compose/profiles';
import { Notice } from '@/components/Notice';
import { useAction, useLoad } from './use-load';

const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };

export function SiteProfilesSection({ api }: { api: AdminApi }) {
  const published = useLoad(() => api.siteProfiles(), [api]);
  const [json, setJson] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [news, setNews] = useState<string | null>(null);
  const publish = useAction();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setNews(null);
    const checked = checkProfileJson(json);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const result = await publish.run(() => api.publishSiteProfile(checked.profile));
    if (result) {
      setNews(`Published the ${NETWORK_NAMES[result.network]} profile, version ${result.version}. Extensions pick it up at their next sync.`);
      published.reload();
    }
  };

  const current = (n: Network) => published.data?.find((p) => p.network === n);
  return (
    <>
      <p class="muted">
        How Relay finds the post composers on each network, as data. The extension uses a published profile when its version is newer
        than the one it was built with.
      </p>
      <Notice role="alert" tone="error">{published.error}</Notice>
      <table class="data">
        <caption class="visually-hidden">Site profile versions per network</caption>
        <thead>
          <tr><th scope="col">Network</th><th scope="col">Bundled version</th><th scope="col">Published version</th></tr>
        </thead>
        <tbody>
          {networks.map((n) => (
            <tr key={n}>
              <th scope="row">{NETWORK_NAMES[n]}</th>
              <td>{bundledProfiles[n].version}</td>
              <td>{current(n)?.version ?? 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {networks.map((n) => (
        <details key={n}>
          <summary>{NETWORK_NAMES[n]} profile in use ({current(n) && current(n)!.version > bundledProfiles[n].version ? 'published' : 'bundled'})</summary>
          <pre class="json">{JSON.stringify(current(n) && current(n)!.version > bundledProfiles[n].version ? current(n) : bundledProfiles[n], null, 2)}</pre>
          <button type="button" class="button secondary" onClick={() => setJson(JSON.stringify({ ...bundledProfiles[n], version: Math.max(bundledProfiles[n].version, current(n)?.version ?? 0) + 1 }, null, 2))}>
            Start a new {NETWORK_NAMES[n]} version from this
          </button>
        </details>
      ))}
      <form onSubmit={onSubmit} aria-label="Publish a site profile">
        <h3>Publish a profile</h3>
        <div class="field">
          <label for="profile-json">Profile (JSON)</label>
          <textarea id="profile-json" class="code" rows={14} spellcheck={false} value={json} aria-invalid={problems.length > 0} onInput={(e) => setJson(e.currentTarget.value)} />
        </div>
        <div role="alert">
          {problems.length > 0 && (
            <div class="notice error">
              <p>The profile is not valid, nothing was sent:</p>
              <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </div>
          )}
        </div>
        <Notice role="alert" tone="error">{publish.error}</Notice>
        <Notice role="status" tone="success">{news}</Notice>
        <button type="submit" class="button" disabled={publish.busy || !json.trim()}>Publish</button>
      </form>
    </>
  );
}
