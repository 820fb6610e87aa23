import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/lib/i18n';
import type { ManagedSettings } from '@/lib/settings/managed';

/**
 * A message whose `{name}` placeholders are elements (a link, emphasis): the words around them stay one
 * sentence in the catalogue, in whatever order the language puts them.
 */
function withParts(key: MessageKey, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return t(key)
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece));
}

/**
 * What someone who has just installed Relay reads first (the background opens this page on install): what
 * Relay is for, that taking part is their choice, what they need to connect and what is recorded.
 */
export function Welcome({ managed }: { managed: ManagedSettings }) {
  const code = <strong>{t('options.welcome.inviteCode')}</strong>;
  // A server preset by the company's policy is not something the person needs to find out.
  const need = !managed.serverUrl
    ? withParts('options.welcome.need', { server: <strong>{t('options.welcome.serverAddress')}</strong>, code })
    : managed.singleSignOnOnly
      ? t('signin.welcomeNeedSso')
      : withParts('signin.welcomeNeedCode', { code });
  return (
    <section aria-labelledby="welcome-heading" class="panel welcome">
      <h2 id="welcome-heading">{t('options.welcome.heading')}</h2>
      <p>{t('options.welcome.what')}</p>
      <p>{t('options.welcome.choice')}</p>
      <p class="welcome-need">{need}</p>
      <p>{withParts('options.welcome.records', { link: <a href="#privacy">{t('options.welcome.recordsLink')}</a> })}</p>
    </section>
  );
}
