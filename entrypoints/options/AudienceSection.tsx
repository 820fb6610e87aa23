import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_AUDIENCE } from '@/lib/contract/reach';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { audienceItem, type AudienceSettings } from '@/lib/settings';
import { Field, focusFirstInvalid } from './Field';
import { useSaveStatus } from './save-status';
import { checkAudience } from './validate';

type Network = 'linkedin' | 'x';
const NETWORKS: ReadonlyArray<{ network: Network; label: MessageKey; hint: MessageKey }> = [
  { network: 'linkedin', label: 'options.audience.linkedin', hint: 'options.audience.linkedinHint' },
  { network: 'x', label: 'options.audience.x', hint: 'options.audience.xHint' },
];

/** The figures as the fields show them: empty for the benchmark default. */
const asText = (a: AudienceSettings): Record<Network, string> => ({
  linkedin: a.linkedin?.toString() ?? '',
  x: a.x?.toString() ?? '',
});

/** Followers per network, used to estimate reach; saved here and sent to the server (PATCH /v1/me). */
export function AudienceSection() {
  const figures = useSignal<Record<Network, string> | null>(null);
  const errors = useSignal<Partial<Record<Network, string>>>({});
  const busy = useSignal(false);
  const { status, say } = useSaveStatus(figures);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void audienceItem.getValue().then((a) => (figures.value = asText(a)));
  }, []);
  const shown = figures.value;
  if (!shown) return null;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy.value) return;
    const linkedin = checkAudience(shown.linkedin, 'linkedin');
    const x = checkAudience(shown.x, 'x');
    errors.value = { linkedin: linkedin.ok ? undefined : linkedin.error, x: x.ok ? undefined : x.error };
    if (!linkedin.ok || !x.ok) {
      say({ text: t('options.notSaved'), error: true });
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    busy.value = true;
    say(null);
    try {
      const result = await sendMessage('updateAudience', { linkedin: linkedin.value, x: x.value });
      figures.value = asText({ linkedin: linkedin.value, x: x.value });
      say(result.sent ? { text: t('options.audience.saved') } : { text: result.message, error: true });
    } catch {
      say({ text: t('options.noBackground'), error: true });
    } finally {
      busy.value = false;
    }
  };

  return (
    <section id="audience" aria-labelledby="audience-heading" class="panel" tabIndex={-1}>
      <h2 id="audience-heading">{t('options.audience.heading')}</h2>
      <p class="muted">{t('options.audience.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={busy.value}>
        <fieldset class="fieldset">
          <legend>{t('options.audience.legend')}</legend>
          {NETWORKS.map(({ network, label, hint }) => (
            <Field
              key={network}
              id={`audience-${network}`}
              label={t(label)}
              hint={t(hint, { count: DEFAULT_AUDIENCE[network] })}
              placeholder={String(DEFAULT_AUDIENCE[network])}
              inputMode="numeric"
              value={shown[network]}
              onInput={(v) => (figures.value = { ...shown, [network]: v })}
              error={errors.value[network]}
            />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" disabled={busy.value}>
            {busy.value ? t('options.audience.saving') : t('options.audience.save')}
          </button>
        </div>
        <p role="status" class={`save-status${status.value?.error ? ' error-text' : ''}`}>
          {status.value?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
