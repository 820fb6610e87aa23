/**
 * An invitation as one thing to paste: server and invite code as `https://relay.example.com/join#invite=ABCD-…`.
 * The code is in the fragment, which never reaches the server's logs or a proxy.
 */
export const JOIN_PATH = '/join';

export function invitationLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${JOIN_PATH}#invite=${encodeURIComponent(code)}`;
}

/**
 * The server and code of a pasted invitation link, or null when the text is not one (a bare code, an address).
 * The server keeps any path prefix before /join (a server behind a proxy at /relay).
 */
export function parseInvitation(text: string): { serverUrl: string; code: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const code = new URLSearchParams(url.hash.slice(1)).get('invite')?.trim();
  const path = url.pathname.replace(/\/+$/, '');
  if (!code || !path.endsWith(JOIN_PATH)) return null;
  return { serverUrl: `${url.origin}${path.slice(0, -JOIN_PATH.length)}`, code };
}
