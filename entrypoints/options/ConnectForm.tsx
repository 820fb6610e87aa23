import { useSignal, type Signal } from '@preact/signals';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { readInvitation } from '@/lib/settings/managed';
import { Field } from './Field';
import { useRequest } from './request';
import { SsoSignIn } from './SsoSignIn';

interface ConnectFormProps {
  /** What the person used last (kept after disconnecting), when the company presets no server. */
  initialServerUrl: string;
  /** The company's server from its policy: shown as fixed text, the person only signs in. */
  managedServerUrl: string | null;
  /** False when the company signs people in with single sign-on only. */
  allowInviteCodes: boolean;
  /** The person's session ended: the same form, named for what it does now. */
  again: boolean;
}

/**
 * Signing in: to the company's server when its policy names one (then no address can be typed), else to the
 * server the person types; with an invite code here, or with single sign-on beside it.
 */
export function ConnectForm({ initialServerUrl, managedServerUrl, allowInviteCodes, again }: ConnectFormProps) {
  const serverUrl = useSignal(initialServerUrl);
  const code = useSignal('');
  const note = useSignal('');
  const { busy, error, button, send } = useRequest();

  /** An invitation link pasted or typed into either field fills both; false when the text is no invitation. */
  function takeInvitation(text: string): boolean {
    const invitation = readInvitation(text, managedServerUrl);
    if (!invitation) return false;
    if (invitation.ok) {
      serverUrl.value = invitation.serverUrl;
      code.value = invitation.code;
      error.value = '';
      note.value = t('signin.invitationRead');
    } else {
      note.value = '';
      code.value = '';
      error.value = invitation.message;
    }
    return true;
  }

  const onInputOf = (field: Signal<string>) => (text: string, input: HTMLInputElement) => {
    if (!takeInvitation(text)) field.value = text;
    // Preact skips an update when the field's value did not change; the field must still lose the link.
    else input.value = field.value;
  };

  function onSubmit(event: Event) {
    event.preventDefault();
    if (busy.value) return;
    note.value = '';
    // On success the employee item changes and App shows the connected view.
    void send(() => sendMessage('connect', { serverUrl: managedServerUrl ?? serverUrl.value, code: code.value }));
  }

  return (
    <section id="sign-in" aria-labelledby="connect-heading" class="panel" tabIndex={-1}>
      <h2 id="connect-heading">{again ? t('signin.signInAgain') : t('options.connect.heading')}</h2>
      {managedServerUrl ? (
        <>
          <dl class="facts company-server">
            <dt>{t('signin.companyServer')}</dt>
            <dd>{managedServerUrl}</dd>
          </dl>
          <p class="muted">{t('signin.managedServer')}</p>
        </>
      ) : (
        <p class="muted">{t('options.connect.intro')}</p>
      )}
      <SsoSignIn serverUrl={managedServerUrl ?? serverUrl.value} />
      {allowInviteCodes ? (
        <form onSubmit={onSubmit} aria-busy={busy.value} noValidate>
          {!managedServerUrl && (
            <Field
              id="server-url"
              name="serverUrl"
              label={t('options.connect.serverUrl')}
              hint={t('options.connect.serverUrlHint')}
              inputMode="url"
              autoComplete="url"
              spellcheck={false}
              placeholder="https://relay.example.com"
              value={serverUrl.value}
              onInput={onInputOf(serverUrl)}
            />
          )}
          <Field
            id="invite-code"
            name="code"
            label={t('options.connect.inviteCode')}
            spellcheck={false}
            value={code.value}
            onInput={onInputOf(code)}
          />
          <Notice role="status" class="invitation-read">
            {note.value}
          </Notice>
          <Notice role="alert" tone="error">
            {error.value}
          </Notice>
          <button ref={button} type="submit" class="button" disabled={busy.value}>
            {busy.value ? t('options.connect.connecting') : t('options.connect.connect')}
          </button>
        </form>
      ) : (
        <p class="sso-only">{t('signin.ssoOnly')}</p>
      )}
    </section>
  );
}
