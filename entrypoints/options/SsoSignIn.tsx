import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { createApi } from '@/lib/api/client';
import { normaliseServerUrl } from '@/lib/api/url';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';

/** Wait this long after the last keystroke in the server address before asking the server what it offers. */
const ASK_AFTER_MS = 400;

/**
 * "Sign in with single sign-on", offered once the server at `serverUrl` (typed, or set by the company) says it
 * has single sign-on (GET /v1/auth/methods). The sign-in itself runs in the background, which opens the
 * provider's window and keeps the PKCE verifier; the page only waits for the answer.
 */
export function SsoSignIn({ serverUrl }: { serverUrl: string }) {
  const [offered, setOffered] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasBusy = useRef(false);

  useEffect(() => {
    const url = normaliseServerUrl(serverUrl);
    if (!url.ok) {
      setOffered(false);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      createApi({ serverUrl: url.url, timeoutMs: 5000 })
        .authMethods()
        .then((methods) => current && setOffered(methods.singleSignOn))
        // An older server, or none at that address yet: the invite code form is still there.
        .catch(() => current && setOffered(false));
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [serverUrl]);

  // A disabled button loses focus; give it back when the attempt ends so keyboard users stay in place.
  useEffect(() => {
    if (wasBusy.current && !busy && document.activeElement === document.body) buttonRef.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  async function signIn() {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const result = await sendMessage('signInWithSso', { serverUrl });
      // On success the employee item changes and the page shows the connected view.
      if (!result.ok) setError(result.message);
    } catch {
      setError(t('options.noBackground'));
    } finally {
      setBusy(false);
    }
  }

  if (!offered) return null;
  return (
    <div class="sso" aria-busy={busy}>
      <p class="muted">{t('sso.offered')}</p>
      <Notice role="alert" tone="error">
        {error}
      </Notice>
      <button ref={buttonRef} type="button" class="button" disabled={busy} onClick={signIn}>
        {busy ? t('sso.signingIn') : t('sso.signIn')}
      </button>
    </div>
  );
}
