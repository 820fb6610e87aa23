import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_AUDIENCE } from '@/lib/contract/reach';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { audienceItem } from '@/lib/settings';
import { Field, focusFirstInvalid } from './Field';
import { checkAudience } from './validate';

/** Followers per network, used to estimate reach; saved here and sent to the server (PATCH /v1/me). */
export function AudienceSection() {
  const [values, setValues] = useState<{ linkedin: string; x: string } | null>(null);
  const [errors, setErrors] = useState<{ linkedin?: string; x?: string }>({});
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void audienceItem.getValue().then((a) => setValues({ linkedin: a.linkedin?.toString() ?? '', x: a.x?.toString() ?? '' }));
  }, []);
  if (!values) return null;

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const linkedin = checkAudience(values!.linkedin, 'linkedin');
    const x = checkAudience(values!.x, 'x');
    setErrors({ linkedin: linkedin.ok ? undefined : linkedin.error, x: x.ok ? undefined : x.error });
    if (!linkedin.ok || !x.ok) {
      setStatus({ tone: 'error', text: t('options.notSaved') });
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const result = await sendMessage('updateAudience', { linkedin: linkedin.value, x: x.value });
      setValues({ linkedin: linkedin.value?.toString() ?? '', x: x.value?.toString() ?? '' });
      setStatus(result.sent ? { tone: 'ok', text: t('options.audience.saved') } : { tone: 'error', text: result.message });
    } catch {
      setStatus({ tone: 'error', text: t('options.noBackground') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="audience" aria-labelledby="audience-heading" class="panel" tabIndex={-1}>
      <h2 id="audience-heading">{t('options.audience.heading')}</h2>
      <p class="muted">{t('options.audience.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={busy}>
        <fieldset class="fieldset">
          <legend>{t('options.audience.legend')}</legend>
          <Field
            id="audience-linkedin"
            label={t('options.audience.linkedin')}
            hint={t('options.audience.linkedinHint', { count: DEFAULT_AUDIENCE.linkedin })}
            placeholder={String(DEFAULT_AUDIENCE.linkedin)}
            inputMode="numeric"
            value={values.linkedin}
            onInput={(v) => (setValues({ ...values, linkedin: v }), setStatus(null))}
            error={errors.linkedin}
          />
          <Field
            id="audience-x"
            label={t('options.audience.x')}
            hint={t('options.audience.xHint', { count: DEFAULT_AUDIENCE.x })}
            placeholder={String(DEFAULT_AUDIENCE.x)}
            inputMode="numeric"
            value={values.x}
            onInput={(v) => (setValues({ ...values, x: v }), setStatus(null))}
            error={errors.x}
          />
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('options.audience.saving') : t('options.audience.save')}
          </button>
        </div>
        <p role="status" class={`save-status${status?.tone === 'error' ? ' error-text' : ''}`}>
          {status?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
