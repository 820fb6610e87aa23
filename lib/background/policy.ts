import { createApi, type FetchLike } from '../api/client';
import { Policy } from '../contract/policy';
import type { PolicyRules } from '../policy';
import { policyInForce } from '../policy/in-force';
import { policyCacheItem, type CachedPolicy, type Connection } from '../settings';

export interface PolicySyncDeps {
  getConnection: () => Promise<Connection | null>;
  getCached: () => Promise<CachedPolicy | null>;
  /** Writes the policy and its ETag together. */
  save: (value: CachedPolicy) => Promise<void>;
  fetch?: FetchLike;
  now?: () => number;
}

export type PolicySyncResult =
  | { outcome: 'not-connected' | 'not-modified' | 'unavailable' | 'stale' }
  | { outcome: 'updated'; version: number };

/**
 * Ask GET /v1/policy whether the curators changed the policy, sending back the ETag of the one kept, and
 * keep a valid new one. Anything else (offline, 5xx, a backend without the endpoint, an answer that breaks
 * the contract) leaves the kept policy in force: a broken answer must never lift a ban. Errors are
 * swallowed into `unavailable`, as the queue sync is what reports connectivity.
 */
export async function syncPolicy(deps: PolicySyncDeps): Promise<PolicySyncResult> {
  const connection = await deps.getConnection();
  if (!connection) return { outcome: 'not-connected' };
  const cached = await deps.getCached();
  // A kept policy this code cannot read (written by an older version) must not be confirmed by a 304.
  const etag = cached && Policy.safeParse(cached.policy).success ? cached.etag : null;
  let answer;
  try {
    answer = await createApi({ ...connection, fetch: deps.fetch }).policy({ etag });
  } catch {
    return { outcome: 'unavailable' };
  }
  if (answer.status === 'not-modified') return { outcome: 'not-modified' };
  // The person disconnected or switched accounts while the answer travelled: it is not theirs to keep.
  const still = await deps.getConnection();
  if (!still || still.token !== connection.token || still.serverUrl !== connection.serverUrl)
    return { outcome: 'stale' };
  await deps.save({
    policy: answer.policy,
    etag: answer.etag,
    fetchedAt: new Date((deps.now ?? Date.now)()).toISOString(),
  });
  return { outcome: 'updated', version: answer.policy.version };
}

/** syncPolicy against the extension's storage (lib/background/after-sync.ts runs it after each good sync). */
export function syncStoredPolicy(opts: {
  getConnection: () => Promise<Connection | null>;
  fetch?: FetchLike;
}): Promise<PolicySyncResult> {
  return syncPolicy({
    getConnection: opts.getConnection,
    getCached: () => policyCacheItem.getValue(),
    save: (value) => policyCacheItem.setValue(value),
    fetch: opts.fetch,
  });
}

/** The rules in force now, read from storage (for the background's own checks; pages use policyInForce). */
export async function readPolicy(): Promise<PolicyRules> {
  return policyInForce(await policyCacheItem.getValue());
}
