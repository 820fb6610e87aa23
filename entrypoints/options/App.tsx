import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useLiveQuery, useStorageItem } from '@/components/hooks';
import { plural, t, timeAgo } from '@/lib/i18n';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { employeeItem, lastSyncItem, serverUrlItem, sessionEndedItem } from '@/lib/settings';
import { readInvitation, readManaged, watchManaged, type ManagedSettings } from '@/lib/settings/managed';
import { AudienceSection } from './AudienceSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { SsoSignIn } from './SsoSignIn';
import { VoiceSection } from './VoiceSection';
import { Welcome } from './Welcome';

/** The settings the company's policy presets, followed as they change; `undefined` until read. */
function useManaged(): ManagedSettings | undefined {
  const [managed, setManaged] = useState<ManagedSettings | undefined>(undefined);
  useEffect(() => {
    let active = true;
    const stop = watchManaged((m) => active && setManaged(m));
    void readManaged().then((m) => active && setManaged(m));
    return () => {
      active = false;
      stop();
    };
  }, []);
  return managed;
}

export function App() {
  const employee = useStorageItem(employeeItem);
  const savedServerUrl = useStorageItem(serverUrlItem);
  const sessionEnded = useStorageItem(sessionEndedItem);
  const managed = useManaged();
  const loading = employee === undefined || savedServerUrl === undefined || sessionEnded === undefined || managed === undefined;
  // The server no longer accepts the token: the person signs in again (cache, history and outbox stay).
  const signedOut = !!employee && !!sessionEnded;
  const connected = !loading && !!employee && !signedOut;

  // Opened at a section (a reminder's click leads to #reminders): the sections render after storage loads,
  // so the browser's own jump to the anchor came too early. Scroll there and put focus on it.
  // Some sections appear only after their own data loads, so wait for the target to be in the page.
  const jumped = useRef(false);
  useEffect(() => {
    if (loading || jumped.current || !location.hash) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const jump = (target: HTMLElement) => {
      jumped.current = true;
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    };
    const now = document.getElementById(id);
    if (now) return jump(now);
    const watch = new MutationObserver(() => {
      const target = document.getElementById(id);
      if (!target) return;
      watch.disconnect();
      jump(target);
    });
    watch.observe(document.body, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [loading]);

  return (
    <main class="page">
      <header class="page-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('options.title')}</h1>
      </header>
      {connected && (
        <nav aria-label={t('options.nav.label')} class="page-nav">
          <a href="#account">{t('options.nav.account')}</a>
          <a href="#voice">{t('options.nav.voice')}</a>
          <a href="#audience">{t('options.nav.audience')}</a>
          <a href="#reminders">{t('options.nav.reminders')}</a>
          <a href="#privacy">{t('options.nav.privacy')}</a>
        </nav>
      )}
      {loading ? null : employee && !signedOut ? (
        <Connected name={employee.name} serverUrl={savedServerUrl ?? ''} />
      ) : (
        <>
          {/* Someone setting Relay up (first run, or after disconnecting); a person signed out gets the notice instead. */}
          {!employee && <Welcome managed={managed!} />}
          {signedOut && (
            <Notice role="status" tone="error" class="signed-out">
              <h2>{t('signin.ended.heading')}</h2>
              <p>{t('signin.ended.body', { name: employee.name })}</p>
            </Notice>
          )}
          <ConnectForm
            initialServerUrl={savedServerUrl ?? ''}
            managedServerUrl={managed!.serverUrl}
            allowInviteCodes={!managed!.singleSignOnOnly}
            again={signedOut}
          />
        </>
      )}
      {connected && (
        <>
          <VoiceSection />
          <AudienceSection />
          <RemindersSection />
        </>
      )}
      {!loading && <PrivacySection />}
    </main>
  );
}

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
function ConnectForm({ initialServerUrl, managedServerUrl, allowInviteCodes, again }: ConnectFormProps) {
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

function Connected({ name, serverUrl }: { name: string; serverUrl: string }) {
  const items = useLiveQuery(() => getDb().queue.count());
  const lastSync = useStorageItem(lastSyncItem);
  const [busy, setBusy] = useState<'sync' | 'disconnect' | null>(null);
  const [error, setError] = useState('');

  async function run(kind: 'sync' | 'disconnect') {
    setBusy(kind);
    setError('');
    try {
      if (kind === 'sync') await sendMessage('syncNow');
      else await sendMessage('disconnect');
    } catch {
      setError(t('options.noBackground'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id="account" aria-labelledby="account-heading" class="panel" tabIndex={-1}>
      <h2 id="account-heading">{t('options.account.heading')}</h2>
      <div role="status" class="notice success">
        <p class="connected-as">{t('options.account.connectedAs', { name })}</p>
        {items !== undefined && <p class="items-synced">{plural('options.account.itemsSynced', items)}</p>}
      </div>
      <dl class="facts">
        <dt>{t('options.account.server')}</dt>
        <dd>{serverUrl}</dd>
        <dt>{t('options.account.lastSync')}</dt>
        <dd>
          {!lastSync
            ? t('options.account.notYet')
            : lastSync.ok
              ? t('options.account.succeeded', { when: timeAgo(lastSync.at) })
              : t('options.account.failed', { when: timeAgo(lastSync.at), error: lastSync.error ?? t('options.account.unknownError') })}
        </dd>
      </dl>
      <Notice role="alert" tone="error">
        {error}
      </Notice>
      <div class="actions">
        <button type="button" class="button" disabled={busy !== null} onClick={() => run('sync')}>
          {busy === 'sync' ? t('options.account.syncing') : t('options.account.syncNow')}
        </button>
        <button type="button" class="button secondary" disabled={busy !== null} onClick={() => run('disconnect')}>
          {busy === 'disconnect' ? t('options.account.disconnecting') : t('options.account.disconnect')}
        </button>
      </div>
    </section>
  );
}
