import { useEffect, useState } from 'preact/hooks';
import { ProblemError, type AdminApi } from '@/lib/api/admin';
import { networks, type Network } from '@/lib/contract/common';
import type { Policy, PolicyUpdate } from '@/lib/contract/policy';
import { Notice } from '@/components/Notice';
import { useAction, useLoad } from './use-load';

const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X' };

interface Form {
  banned: string;
  networks: Record<Network, { disclosure: string; maxLength: string; banned: string }>;
}

const lines = (text: string) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];

const toForm = (p: Policy): Form => ({
  banned: p.bannedTerms.join('\n'),
  networks: Object.fromEntries(
    networks.map((n) => [n, { disclosure: p.networks[n].disclosure ?? '', maxLength: p.networks[n].maxLength?.toString() ?? '', banned: p.networks[n].bannedTerms.join('\n') }]),
  ) as Form['networks'],
});

function toUpdate(f: Form): PolicyUpdate {
  const perNetwork = (n: Network) => {
    const v = f.networks[n];
    const max = v.maxLength.trim();
    return { disclosure: v.disclosure.trim() || null, maxLength: max ? Number(max) : null, bannedTerms: lines(v.banned) };
  };
  return { bannedTerms: lines(f.banned), networks: { linkedin: perNetwork('linkedin'), x: perNetwork('x') } };
}

export function PolicySection({ api }: { api: AdminApi }) {
  const policy = useLoad(() => api.policy(), [api]);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction();
  useEffect(() => {
    if (policy.data) setForm(toForm(policy.data));
  }, [policy.data]);

  if (!form) return <Notice role="alert" tone="error">{policy.error ?? null}</Notice>;
  const setNetwork = (n: Network, key: keyof Form['networks'][Network], value: string) =>
    setForm({ ...form, networks: { ...form.networks, [n]: { ...form.networks[n], [key]: value } } });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const result = await save.run(() => api.savePolicy(toUpdate(form)));
    if (result) {
      setForm(toForm(result));
      setSaved(`Policy saved (version ${result.version}). Employees get it at their next sync.`);
    }
  };
  const fieldErrors = save.failure instanceof ProblemError ? save.failure.errors : [];

  return (
    <form onSubmit={onSubmit} aria-label="Policy">
      <p class="muted">
        Relay checks every caption before it is shared or inserted: a caption with a banned term cannot be used until changed, and the
        disclosure is added when it is missing. Items whose captions contain a banned term are refused.
      </p>
      <div class="field">
        <label for="policy-banned">Banned on every network (one term or phrase a line)</label>
        <textarea id="policy-banned" dir="auto" rows={5} value={form.banned} onInput={(e) => setForm({ ...form, banned: e.currentTarget.value })} />
      </div>
      <div class="two-columns">
        {networks.map((n) => (
          <fieldset key={n}>
            <legend>{NETWORK_NAMES[n]}</legend>
            <div class="field">
              <label for={`policy-${n}-disclosure`}>Required disclosure</label>
              <input id={`policy-${n}-disclosure`} dir="auto" value={form.networks[n].disclosure} aria-describedby={`policy-${n}-disclosure-hint`} onInput={(e) => setNetwork(n, 'disclosure', e.currentTarget.value)} />
              <span id={`policy-${n}-disclosure-hint`} class="hint">e.g. #ad or #employee. Empty: none.</span>
            </div>
            <div class="field">
              <label for={`policy-${n}-max`}>Length limit (characters)</label>
              <input id={`policy-${n}-max`} inputMode="numeric" pattern="[0-9]*" value={form.networks[n].maxLength} aria-describedby={`policy-${n}-max-hint`} onInput={(e) => setNetwork(n, 'maxLength', e.currentTarget.value)} />
              <span id={`policy-${n}-max-hint`} class="hint">Empty: {n === 'x' ? 'X’s own 280 (weighted)' : 'LinkedIn’s own 3,000'}.</span>
            </div>
            <div class="field">
              <label for={`policy-${n}-banned`}>Also banned on {NETWORK_NAMES[n]}</label>
              <textarea id={`policy-${n}-banned`} dir="auto" rows={3} value={form.networks[n].banned} onInput={(e) => setNetwork(n, 'banned', e.currentTarget.value)} />
            </div>
          </fieldset>
        ))}
      </div>
      <div role="alert">
        {save.error && (
          <div class="notice error">
            <p>{save.error}</p>
            {fieldErrors.length > 0 && <ul>{fieldErrors.map((f) => <li key={f.path}>{f.path}: {f.message}</li>)}</ul>}
          </div>
        )}
      </div>
      <Notice role="status" tone="success">{saved}</Notice>
      <button type="submit" class="button" disabled={save.busy}>Save the policy</button>
      {policy.data && policy.data.version > 0 && (
        <p class="muted small">Version {policy.data.version}{policy.data.updatedAt ? `, set ${new Date(policy.data.updatedAt).toLocaleString()}` : ''}.</p>
      )}
    </form>
  );
}
