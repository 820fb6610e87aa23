import { browser } from 'wxt/browser';
import type { RelayDb } from '../db';
import { plural, t, uiLocale } from '../i18n';
import { compactCount } from '../reach/compact';
import { getConnection, popupOpenedAtItem, reachCacheItem, type CachedReach } from '../settings';

/** Badge colours: Relay's blue normally; a warm orange, plus a "•", when new items wait. White text on both. */
export const BADGE_COLOUR = '#1D4ED8';
export const BADGE_NEW_COLOUR = '#C2410C';
export const NEW_MARK = '•';

export interface BadgeFacts {
  /** The cached GET /v1/me/reach answer, or null. */
  cached: CachedReach | null;
  /** Queue items published since the popup was last opened. */
  newItems: number;
  connected: boolean;
  now: number;
}

export interface BadgeView {
  text: string;
  colour: string;
  /** The action's tooltip: what the badge shows, in words (screen readers read this, not the badge). */
  title: string;
}

/**
 * The badge's figure ("1.2k"): at most four or so characters, so the units stay k, M and B in every language;
 * the decimal mark is the shown language's ("1,2k" in Catalan or Russian).
 */
export function badgeFigure(n: number): string {
  const compact = compactCount(n);
  const mark = new Intl.NumberFormat(uiLocale()).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return mark === '.' ? compact : compact.replace('.', mark);
}

/** This month's reach when the cache holds this month's figures (last month's are not "this month"). */
export function reachThisMonth(cached: CachedReach | null, now: number): number | null {
  if (!cached) return null;
  const from = Date.parse(cached.reach.from);
  const to = Date.parse(cached.reach.to);
  return now >= from && now < to ? cached.reach.reach : null;
}

/** What the toolbar shows. Pure, so every case is a unit test. */
export function badgeView(f: BadgeFacts): BadgeView {
  if (!f.connected) return { text: '', colour: BADGE_COLOUR, title: t('badge.notConnected') };
  const reach = reachThisMonth(f.cached, f.now);
  // No "0" on the toolbar: nothing to celebrate yet is not something to point at (reminders, not guilt).
  const figure = reach === null || reach === 0 ? '' : badgeFigure(reach);
  if (f.newItems > 0) {
    return {
      text: `${figure}${NEW_MARK}`,
      colour: BADGE_NEW_COLOUR,
      title:
        reach === null ? plural('badge.newItems', f.newItems) : plural('badge.newItemsReach', f.newItems, { reach }),
    };
  }
  return { text: figure, colour: BADGE_COLOUR, title: reach === null ? 'Relay' : t('badge.reach', { reach }) };
}

/** Items published after `since` (ISO; null: ever) up to now and not expired. Index range on publishMs. */
export async function countNewItems(db: RelayDb, since: string | null, now: number): Promise<number> {
  const from = since ? Date.parse(since) : -Infinity;
  if (!(from < now)) return 0;
  return db.queue
    .where('publishMs')
    .between(from, now, false, true)
    .filter((r) => !r.expiresAt || Date.parse(r.expiresAt) > now)
    .count();
}

/** The part of the action API the badge uses (Chrome MV3 `action`, Firefox MV2 `browserAction`). */
export type BadgeAction = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'> &
  Partial<Pick<typeof browser.action, 'setBadgeTextColor'>>;

export function toolbarAction(): BadgeAction {
  return browser.action ?? (browser as unknown as { browserAction: BadgeAction }).browserAction;
}

export interface BadgeDeps {
  db: () => RelayDb;
  action?: () => BadgeAction;
  now?: () => number;
}

/** Read the cached reach and the queue, then paint the badge. Safe to call at any time, any number of times. */
export async function refreshBadge(deps: BadgeDeps): Promise<BadgeView> {
  const now = (deps.now ?? Date.now)();
  const [cached, openedAt, connection] = await Promise.all([
    reachCacheItem.getValue(),
    popupOpenedAtItem.getValue(),
    getConnection(),
  ]);
  const newItems = connection ? await countNewItems(deps.db(), openedAt, now) : 0;
  const view = badgeView({ cached, newItems, connected: connection !== null, now });
  const action = (deps.action ?? toolbarAction)();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.colour }),
    action.setTitle({ title: view.title }),
    // Not in every browser (Chrome 110+, Firefox 63+); the default text colour is readable on both colours.
    action.setBadgeTextColor?.({ color: '#FFFFFF' }),
  ]);
  return view;
}
