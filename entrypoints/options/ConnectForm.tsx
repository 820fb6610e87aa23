import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { readInvitation } from '@/lib/settings/managed';
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
 * server the person types. Ways to sign in sit side by side in this form: the invite code here, single sign-on
 * beside it.
 */
export function ConnectForm({ initialServerUrl, managedServerUrl, allowInviteCodes, again }: ConnectFormProps) {
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const wasBusy = useRef(false);

  // A disabled button loses focus; give it back when the attempt ends so keyboard users stay in place.
  useEffect(() => {
    if (wasBusy.current && !busy && document.activeElement === document.body) submitRef.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  /**
   * An invitation link pasted or typed into either field fills both. Returns what the field it landed in
   * should now hold, or null when the text is no invitation.
   */
  function takeInvitation(text: string, field: 'server' | 'code'): string | null {
    const invitation = readInvitation(text, managedServerUrl);
    if (!invitation) return null;
    if (!invitation.ok) {
      setNote('');
      setCode('');
      setError(invitation.message);
      return '';
    }
    setServerUrl(invitation.serverUrl);
    setCode(invitation.code);
    setError('');
    setNote(t('signin.invitationRead'));
    return field === 'server' ? invitation.serverUrl : invitation.code;
  }

  /** Input handler for a field that also reads invitation links. */
  const onInputOf = (field: 'server' | 'code', set: (v: string) => void) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const now = takeInvitation(input.value, field);
    if (now === null) return set(input.value);
    // Preact skips an update when the state already held this value; the field must still lose the link.
    input.value = now;
  };

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    setNote('');
    try {
      const result = await sendMessage('connect', { serverUrl: managedServerUrl ?? serverUrl, code });
      // On success the employee item changes and App shows the connected view.
      if (!result.ok) setError(result.message);
    } catch {
      setError(t('options.noBackground'));
    } finally {
      setBusy(false);
    }
  }

  const heading = again ? t('signin.signInAgain') : t('options.connect.heading');
  return (
    <section id="sign-in" aria-labelledby="connect-heading" class="panel" tabIndex={-1}>
      <h2 id="connect-heading">{heading}</h2>
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
      <SsoSignIn serverUrl={managedServerUrl ?? serverUrl} />
      {allowInviteCodes ? (
        <form onSubmit={onSubmit} aria-busy={busy} noValidate>
          {!managedServerUrl && (
            <div class="field">
              <label for="server-url">{t('options.connect.serverUrl')}</label>
              <input
                id="server-url"
                name="serverUrl"
                type="text"
                inputMode="url"
                autoComplete="url"
                spellcheck={false}
                placeholder="https://relay.example.com"
                aria-describedby="server-url-hint"
                value={serverUrl}
                onInput={onInputOf('server', setServerUrl)}
              />
              <span id="server-url-hint" class="hint">
                {t('options.connect.serverUrlHint')}
              </span>
            </div>
          )}
          <div class="field">
            <label for="invite-code">{t('options.connect.inviteCode')}</label>
            <input
              id="invite-code"
              name="code"
              type="text"
              autoComplete="off"
              spellcheck={false}
              value={code}
              onInput={onInputOf('code', setCode)}
            />
          </div>
          <Notice role="status" class="invitation-read">
            {note}
          </Notice>
          <Notice role="alert" tone="error">
            {error}
          </Notice>
          <button ref={submitRef} type="submit" class="button" disabled={busy}>
            {busy ? t('options.connect.connecting') : t('options.connect.connect')}
          </button>
        </form>
      ) : (
        <p class="sso-only">{t('signin.ssoOnly')}</p>
      )}
    </section>
  );
}
