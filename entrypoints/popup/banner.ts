import { t } from '@/lib/i18n';
import type { LastSync } from '@/lib/settings';

/**
 * The popup's quiet banner: why the list may be stale, or '' when all is well (the list always comes from
 * the cache). Signing out has its own alert with a way to reconnect, so it is not repeated here.
 */
export function bannerText(lastSync: LastSync | null | undefined, online: boolean): string {
  if (!online) return t('popup.banner.offline');
  if (!lastSync || lastSync.ok) return '';
  switch (lastSync.reason) {
    case 'unreachable':
      return t('popup.banner.unreachable');
    case 'signed-out':
      return '';
    case 'invalid-response':
      return t('popup.banner.invalid');
    default:
      return t('popup.banner.failed');
  }
}
