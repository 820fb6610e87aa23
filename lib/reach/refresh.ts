import { createApi, type FetchLike } from '../api/client';
import { describeError } from '../api/errors';
import type { CachedReach, Connection } from '../settings';

export interface RefreshReachDeps {
  getConnection: () => Promise<Connection | null>;
  /** Where the answer is kept (reachCacheItem in the extension). */
  save: (value: CachedReach) => Promise<void>;
  fetch?: FetchLike;
  now?: () => number;
}

export type RefreshReachResult = { ok: true; cached: CachedReach } | { ok: false; error: string };

/**
 * Ask GET /v1/me/reach for this month's figures and keep the answer with its time. A failure (offline,
 * 5xx, an answer that breaks the contract) leaves the cache as it was: the card shows it "as of" then.
 */
export async function refreshReach(deps: RefreshReachDeps): Promise<RefreshReachResult> {
  const connection = await deps.getConnection();
  if (!connection) return { ok: false, error: 'Not connected.' };
  try {
    const reach = await createApi({ ...connection, fetch: deps.fetch }).reach();
    const cached: CachedReach = { reach, fetchedAt: new Date((deps.now ?? Date.now)()).toISOString() };
    await deps.save(cached);
    return { ok: true, cached };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}
