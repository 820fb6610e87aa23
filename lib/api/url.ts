import { t } from '../i18n';

export type NormalisedUrl = { ok: true; url: string } | { ok: false; message: string };

const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i;
const localHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?=$|[:/])/i;

/**
 * Turn what a person typed as the server address into the base URL the API client uses.
 * - keeps the scheme they typed; without one, `http://` for this machine (localhost, 127.x.x.x, [::1])
 *   and `https://` for anything else;
 * - keeps a path prefix (a server behind a reverse proxy at /relay), drops query, fragment and the
 *   trailing slash, so `${base}/v1/queue` is always right.
 */
export function normaliseServerUrl(input: string): NormalisedUrl {
  const typed = input.trim();
  if (!typed) return { ok: false, message: t('errors.url.empty') };
  const withScheme = hasScheme.test(typed) ? typed : `${localHost.test(typed) ? 'http' : 'https'}://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: t('errors.url.notAddress', { typed }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: t('errors.url.scheme', { scheme: url.protocol }) };
  }
  if (url.username || url.password) {
    return { ok: false, message: t('errors.url.credentials') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
