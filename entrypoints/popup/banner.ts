import type { LastSync } from '@/lib/settings';

/**
 * The popup's quiet banner: why the list may be stale, or '' when all is well (the list always comes from
 * the cache). Signing out has its own alert with a way to reconnect, so it is not repeated here.
 */
export function bannerText(lastSync: LastSync | null | undefined, online: boolean): string {
  if (!online) return 'Offline — showing saved items';
  if (!lastSync || lastSync.ok) return '';
  switch (lastSync.reason) {
    case 'unreachable':
      return 'Can’t reach the server — showing saved items';
    case 'signed-out':
      return '';
    case 'invalid-response':
      return 'The server’s answer was not understood — showing saved items';
    default:
      return 'The server had a problem — showing saved items';
  }
}
