import { useEffect, useState } from 'preact/hooks';
import type { AdminApi } from '@/lib/api/admin';
import { networks, type Network } from '@/lib/contract/common';
import type { Policy, PolicyUpdate } from '@/lib/contract/policy';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { dateTime } from './date-time';
import { networkLabel } from '@/components/network-label';
import { ProblemNotice, refusedFields } from './ProblemNotice';
import { useAction, useLoad } from './use-load';

interface Form {
  banned: string;
  networks: Record<Network, { disclosure: string; maxLength: string; banned: string }>;
}

/** Each network's own limit when the policy sets none. */
const OWN_LIMIT: Record<Network, number> = { linkedin: 3000, x: 280 };

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

const toForm = (p: Policy): Form => ({
  banned: p.bannedTerms.join('\n'),
  networks: Object.fromEntries(
    networks.map((n) => [
      n,
      {
        disclosure: p.networks[n].disclosure ?? '',
        maxLength: p.networks[n].maxLength?.toString() ?? '',
        banned: p.networks[n].bannedTerms.join('\n'),
      },
    ]),
  ) as Form['networks'],
});

function toUpdate(f: Form): PolicyUpdate {
  const perNetwork = (n: Network) => {
    const v = f.networks[n];
    const max = v.maxLength.trim();
    return {
      disclosure: v.disclosure.trim() || null,
      maxLength: max ? Number(max) : null,
      bannedTerms: lines(v.banned),
    };
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

  if (!form)
    return (
      <Notice role="alert" tone="error">
        {policy.error ?? null}
      </Notice>
    );
  const setNetwork = (n: Network, key: keyof Form['networks'][Network], value: string) =>
    setForm({ ...form, networks: { ...form.networks, [n]: { ...form.networks[n], [key]: value } } });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const result = await save.run(() => api.savePolicy(toUpdate(form)));
    if (result) {
      setForm(toForm(result));
      setSaved(t('policy.saved', { version: result.version }));
    }
  };

  return (
    <form onSubmit={onSubmit} aria-label={t('policy.form')}>
      <p class="muted">{t('policy.intro')}</p>
      <div class="field">
        <label for="policy-banned">{t('policy.banned')}</label>
        <textarea
          id="policy-banned"
          dir="auto"
          rows={5}
          value={form.banned}
          onInput={(e) => setForm({ ...form, banned: e.currentTarget.value })}
        />
      </div>
      <div class="two-columns">
        {networks.map((n) => (
          <fieldset key={n}>
            <legend>{networkLabel[n]}</legend>
            <div class="field">
              <label for={`policy-${n}-disclosure`}>{t('policy.disclosure')}</label>
              <input
                id={`policy-${n}-disclosure`}
                dir="auto"
                value={form.networks[n].disclosure}
                aria-describedby={`policy-${n}-disclosure-hint`}
                onInput={(e) => setNetwork(n, 'disclosure', e.currentTarget.value)}
              />
              <span id={`policy-${n}-disclosure-hint`} class="hint">
                {t('policy.disclosureHint')}
              </span>
            </div>
            <div class="field">
              <label for={`policy-${n}-max`}>{t('policy.maxLength')}</label>
              <input
                id={`policy-${n}-max`}
                inputMode="numeric"
                pattern="[0-9]*"
                value={form.networks[n].maxLength}
                aria-describedby={`policy-${n}-max-hint`}
                onInput={(e) => setNetwork(n, 'maxLength', e.currentTarget.value)}
              />
              <span id={`policy-${n}-max-hint`} class="hint">
                {t(n === 'x' ? 'policy.maxLengthHintX' : 'policy.maxLengthHintLinkedIn', { limit: OWN_LIMIT[n] })}
              </span>
            </div>
            <div class="field">
              <label for={`policy-${n}-banned`}>{t('policy.alsoBanned', { network: networkLabel[n] })}</label>
              <textarea
                id={`policy-${n}-banned`}
                dir="auto"
                rows={3}
                value={form.networks[n].banned}
                onInput={(e) => setNetwork(n, 'banned', e.currentTarget.value)}
              />
            </div>
          </fieldset>
        ))}
      </div>
      <ProblemNotice message={save.error} lines={refusedFields(save.failure)} />
      <Notice role="status" tone="success">
        {saved}
      </Notice>
      <button type="submit" class="button" disabled={save.busy}>
        {t('policy.save')}
      </button>
      {policy.data && policy.data.version > 0 && (
        <p class="muted small">
          {policy.data.updatedAt
            ? t('policy.versionSet', { version: policy.data.version, date: dateTime(policy.data.updatedAt) })
            : t('policy.version', { version: policy.data.version })}
        </p>
      )}
    </form>
  );
}
