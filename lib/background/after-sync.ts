import type { FetchLike } from '../api/client';
import { refreshReach } from '../reach/refresh';
import { reachCacheItem, type Connection } from '../settings';
import { syncStoredPolicy } from './policy';
import { syncStoredSiteProfiles } from './site-profiles';

export interface AfterSyncDeps {
  /** The service's connection and fetch: a 401 to any of these requests ends the session like one from the queue. */
  getConnection: () => Promise<Connection | null>;
  fetch: FetchLike;
  /** Repaints the toolbar badge (the background's; tests that do not look at it leave it out). */
  badge?: () => Promise<unknown>;
  /** Sends the reminders that are due (the background's, as the badge). */
  reminders?: () => Promise<unknown>;
}

/**
 * What runs after every queue sync that reached the server, in this order: the site profiles for the
 * composers, the curators' policy (enforced before sharing and inserting), this month's reach for the card
 * and the badge, the badge, then reminders. Not after a sync that failed: the server was unreachable or
 * signed the person out, and these would fail the same way. A step that fails does not stop the next.
 */
export async function runAfterSync(deps: AfterSyncDeps): Promise<void> {
  const steps: [name: string, run: () => Promise<unknown>][] = [
    ['site profiles', () => syncStoredSiteProfiles(deps)],
    ['policy', () => syncStoredPolicy(deps)],
    ['reach', () => refreshReach({ ...deps, save: (value) => reachCacheItem.setValue(value) })],
    ['badge', async () => deps.badge?.()],
    ['reminders', async () => deps.reminders?.()],
  ];
  for (const [name, run] of steps) await run().catch((err: unknown) => console.warn(`[relay] ${name}`, err));
}
