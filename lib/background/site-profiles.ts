import { storage } from 'wxt/utils/storage';
import { createApi, type FetchLike } from '../api/client';
import { SiteProfile } from '../contract/site-profiles';
import { siteProfilesEtagItem, siteProfilesItem, type Connection, type StoredSiteProfiles } from '../settings';

export interface ProfileSyncDeps {
  getConnection: () => Promise<Connection | null>;
  getStored: () => Promise<StoredSiteProfiles>;
  getEtag: () => Promise<string | null>;
  /** Writes the profiles and the ETag together (or the ETag null when some profile was refused). */
  save: (profiles: StoredSiteProfiles, etag: string | null) => Promise<void>;
  fetch?: FetchLike;
}

export type ProfileSyncResult =
  | { outcome: 'not-connected' | 'not-modified' | 'unavailable' }
  | { outcome: 'updated' | 'unchanged'; updated: string[]; refused: number };

/**
 * Fetch the published site profiles and keep, per network, the newest VALID one. A profile that fails the
 * schema, or is not newer than the one stored, changes nothing: a bad push on the server can never take a
 * working profile away from the extension (and the content scripts still fall back to the bundled one).
 * Networks the answer leaves out keep what they had. Errors are swallowed into `unavailable`: the queue
 * sync is what reports connectivity.
 */
export async function syncSiteProfiles(deps: ProfileSyncDeps): Promise<ProfileSyncResult> {
  const connection = await deps.getConnection();
  if (!connection) return { outcome: 'not-connected' };
  let answer;
  try {
    answer = await createApi({ ...connection, fetch: deps.fetch }).siteProfiles({ etag: await deps.getEtag() });
  } catch {
    // A backend without the endpoint (404), offline, 5xx, an answer of the wrong shape: keep what we have.
    return { outcome: 'unavailable' };
  }
  if (answer.status === 'not-modified') return { outcome: 'not-modified' };

  const stored = await deps.getStored();
  const next: StoredSiteProfiles = { ...stored };
  const updated: string[] = [];
  let refused = 0;
  for (const candidate of answer.profiles) {
    const parsed = SiteProfile.safeParse(candidate);
    if (!parsed.success) {
      refused += 1;
      continue;
    }
    const profile = parsed.data;
    const current = next[profile.network];
    if (current && current.version >= profile.version) continue;
    next[profile.network] = profile;
    updated.push(profile.network);
  }
  // With a refused profile, forget the ETag: the next sync asks again rather than trusting a 304.
  await deps.save(next, refused ? null : answer.etag);
  return { outcome: updated.length ? 'updated' : 'unchanged', updated, refused };
}

let inFlight: Promise<ProfileSyncResult> | undefined;

/** syncSiteProfiles against the extension's storage, one fetch at a time. */
export function syncStoredSiteProfiles(opts: {
  getConnection: () => Promise<Connection | null>;
  fetch?: FetchLike;
}): Promise<ProfileSyncResult> {
  return (inFlight ??= syncSiteProfiles({
    getConnection: opts.getConnection,
    getStored: () => siteProfilesItem.getValue(),
    getEtag: () => siteProfilesEtagItem.getValue(),
    save: (profiles, etag) =>
      storage.setItems([
        { item: siteProfilesItem, value: profiles },
        { item: siteProfilesEtagItem, value: etag },
      ]),
    fetch: opts.fetch,
  }).finally(() => (inFlight = undefined)));
}
