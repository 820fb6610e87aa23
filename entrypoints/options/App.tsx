import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useStorageItem } from '@/components/hooks';
import { t } from '@/lib/i18n';
import { employeeItem, serverUrlItem, sessionEndedItem } from '@/lib/settings';
import { readManaged, watchManaged, type ManagedSettings } from '@/lib/settings/managed';
import { AccountSection } from './AccountSection';
import { AudienceSection } from './AudienceSection';
import { ConnectForm } from './ConnectForm';
import { useJumpToSection } from './jump-to-section';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
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
  const loading =
    employee === undefined || savedServerUrl === undefined || sessionEnded === undefined || managed === undefined;
  // The server no longer accepts the token: the person signs in again (cache, history and outbox stay).
  const signedOut = !!employee && !!sessionEnded;
  const connected = !loading && !!employee && !signedOut;

  useJumpToSection(!loading);

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
        <AccountSection name={employee.name} serverUrl={savedServerUrl ?? ''} />
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
