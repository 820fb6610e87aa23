import { formatRelative, t } from '@/lib/i18n';

/* Small, pure facts a queue card shows: how long until it expires, whether it is new, where it links. */

/** "expires in 3 days" (in the language shown); null when the item never expires. */
export function expiresLabel(expiresAt: string | null, now = Date.now()): string | null {
  if (!expiresAt) return null;
  const ms = Date.parse(expiresAt) - now;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  let when: string;
  if (minutes < 60) when = formatRelative(minutes, 'minute');
  else if (minutes < 48 * 60) when = formatRelative(Math.round(minutes / 60), 'hour');
  else when = formatRelative(Math.round(minutes / 1440), 'day');
  return t('popup.queue.expires', { when });
}

/**
 * New since the previous popup open: published or changed (synced) after it. Before the first open
 * everything is new. `previousOpen` is read before the popup records its own open.
 */
export function isNew(item: { publishAt: string; updatedAt: string }, previousOpen: string | null): boolean {
  if (!previousOpen) return true;
  const seen = Date.parse(previousOpen);
  return Date.parse(item.publishAt) > seen || Date.parse(item.updatedAt) > seen;
}

/** "example.com" for https://www.example.com/a?b — the source people recognise. */
export function sourceDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
