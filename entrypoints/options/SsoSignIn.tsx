import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { createApi } from '@/lib/api/client';
import { normaliseServerUrl } from '@/lib/api/url';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { useRequest } from './request';

/** Wait this long after the last keystroke in the server address before asking the server what it offers. */
const ASK_AFTER_MS = 400;

/**
 * "Sign in with single sign-on", offered once the server at `serverUrl` (typed, or set by the company) says it
 * has single sign-on (GET /v1/auth/methods). The sign-in itself runs in the background, which opens the
 * provider's window and keeps the PKCE verifier; the page only waits for the answer.
 */
export function SsoSignIn({ serverUrl }: { serverUrl: string }) {
  const offered = useSignal(false);
  const { busy, error, button, send } = useRequest();

  useEffect(() => {
    const url = normaliseServerUrl(serverUrl);
    if (!url.ok) {
      offered.value = false;
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      createApi({ serverUrl: url.url, timeoutMs: 5000 })
        .authMethods()
        .then((methods) => current && (offered.value = methods.singleSignOn))
        // An older server, or none at that address yet: the invite code form is still there.
        .catch(() => current && (offered.value = false));
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [serverUrl]);

  if (!offered.value) return null;
  return (
    <div class="sso" aria-busy={busy.value}>
      <p class="muted">{t('sso.offered')}</p>
      <Notice role="alert" tone="error">
        {error.value}
      </Notice>
      {/* On success the employee item changes and the page shows the connected view. */}
      <button
        ref={button}
        type="button"
        class="button"
        disabled={busy.value}
        onClick={() => send(() => sendMessage('signInWithSso', { serverUrl }))}
      >
        {busy.value ? t('sso.signingIn') : t('sso.signIn')}
      </button>
    </div>
  );
}
