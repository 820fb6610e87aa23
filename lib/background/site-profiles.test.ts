import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteProfile } from '../contract/site-profiles';
import { saveConnection, siteProfilesEtagItem, siteProfilesItem, type StoredSiteProfiles } from '../settings';
import { fakeFetch, freshDb, json, problem, queueBody } from '../test-support';
import { createRelayService } from './service';
import { syncSiteProfiles, type ProfileSyncDeps } from './site-profiles';

const employee = { id: crypto.randomUUID(), name: 'Marta Rossi', role: 'employee' as const };

function profile(network: 'linkedin' | 'x', version: number, overrides: Partial<SiteProfile> = {}): SiteProfile {
  return {
    version,
    network,
    hosts: network === 'x' ? ['x.com', 'twitter.com'] : ['www.linkedin.com'],
    composers: [
      {
        name: `${network}-composer`,
        editor: ['[role="textbox"]'],
        editorKind: 'auto',
        anchor: { position: 'after' },
        postButton: { selectors: ['button[type="submit"]'] },
      },
    ],
    ignore: [],
    ...overrides,
  };
}

/** In-memory storage for the profiles, as the service wires it to extension storage. */
function memory(initial: StoredSiteProfiles = {}, etag: string | null = null) {
  const state = { profiles: initial, etag };
  const deps = (fetch: ReturnType<typeof fakeFetch>): ProfileSyncDeps => ({
    getConnection: async () => ({ serverUrl: 'http://127.0.0.1:8787', token: 'tok' }),
    getStored: async () => state.profiles,
    getEtag: async () => state.etag,
    save: async (profiles, e) => {
      state.profiles = profiles;
      state.etag = e;
    },
    fetch,
  });
  return { state, deps };
}

describe('syncSiteProfiles', () => {
  it('stores valid profiles by network with the ETag, and sends it back next time', async () => {
    const { state, deps } = memory();
    const fetch = fakeFetch(
      json({ profiles: [profile('linkedin', 2), profile('x', 3)] }, { headers: { ETag: '"sp-linkedin.2-x.3"' } }),
      new Response(null, { status: 304 }),
    );
    expect(await syncSiteProfiles(deps(fetch))).toEqual({ outcome: 'updated', updated: ['linkedin', 'x'], refused: 0 });
    expect(state.profiles).toEqual({ linkedin: profile('linkedin', 2), x: profile('x', 3) });
    expect(state.etag).toBe('"sp-linkedin.2-x.3"');
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/site-profiles');
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');

    expect(await syncSiteProfiles(deps(fetch))).toEqual({ outcome: 'not-modified' });
    expect(fetch.requests[1]!.headers.get('If-None-Match')).toBe('"sp-linkedin.2-x.3"');
    expect(state.profiles.x).toEqual(profile('x', 3));
  });

  it('never replaces a good profile with one that fails the schema, and forgets the ETag', async () => {
    const good = profile('x', 3);
    const { state, deps } = memory({ x: good }, '"old"');
    const broken = { ...profile('x', 9), composers: [{ name: 'Bad Name!', editor: [], editorKind: 'eval' }] };
    const fetch = fakeFetch(json({ profiles: [broken, profile('linkedin', 1)] }, { headers: { ETag: '"new"' } }));
    expect(await syncSiteProfiles(deps(fetch))).toEqual({ outcome: 'updated', updated: ['linkedin'], refused: 1 });
    expect(state.profiles.x).toEqual(good);
    expect(state.profiles.linkedin).toEqual(profile('linkedin', 1));
    expect(state.etag).toBeNull();
  });

  it('keeps a newer stored profile over an older or equal one from the server', async () => {
    const stored = profile('x', 5, { hosts: ['x.com'] });
    const { state, deps } = memory({ x: stored });
    const fetch = fakeFetch(json({ profiles: [profile('x', 5), profile('x', 4)] }));
    expect(await syncSiteProfiles(deps(fetch))).toMatchObject({ outcome: 'unchanged', updated: [] });
    expect(state.profiles.x).toEqual(stored);
  });

  it('keeps networks the answer leaves out', async () => {
    const { state, deps } = memory({ linkedin: profile('linkedin', 1) });
    await syncSiteProfiles(deps(fakeFetch(json({ profiles: [profile('x', 1)] }))));
    expect(Object.keys(state.profiles).sort()).toEqual(['linkedin', 'x']);
  });

  it('changes nothing when the server has no such endpoint, fails, or answers something else', async () => {
    for (const answer of [
      problem(404, 'Not found', 'There is no GET /v1/site-profiles endpoint'),
      problem(503, 'Unavailable', 'later'),
      new TypeError('Failed to fetch'),
      json({ profile: 'nope' }),
      json({ profiles: 'nope' }),
    ]) {
      const { state, deps } = memory({ x: profile('x', 1) }, '"e"');
      expect(await syncSiteProfiles(deps(fakeFetch(answer)))).toEqual({ outcome: 'unavailable' });
      expect(state).toEqual({ profiles: { x: profile('x', 1) }, etag: '"e"' });
    }
  });

  it('asks nothing when not connected', async () => {
    const fetch = fakeFetch(new Error('must not be called'));
    const result = await syncSiteProfiles({ ...memory().deps(fetch), getConnection: async () => null });
    expect(result).toEqual({ outcome: 'not-connected' });
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('in the background service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('syncs profiles after a good queue sync into local:siteProfiles, where content scripts read them', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const db = freshDb();
    const fetch = fakeFetch((req) =>
      req.url.endsWith('/v1/queue')
        ? json(queueBody([]))
        : json({ profiles: [profile('x', 7)] }, { headers: { ETag: '"sp-x.7"' } }),
    );
    await createRelayService({ db: () => db, fetch }).sync();
    expect(await fakeBrowser.storage.local.get('siteProfiles')).toEqual({ siteProfiles: { x: profile('x', 7) } });
    expect(await siteProfilesItem.getValue()).toEqual({ x: profile('x', 7) });
    expect(await siteProfilesEtagItem.getValue()).toBe('"sp-x.7"');
  });

  it('does not ask for profiles when the queue sync failed', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const db = freshDb();
    const fetch = fakeFetch(new TypeError('offline'));
    await createRelayService({ db: () => db, fetch }).sync();
    expect(fetch.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/queue']);
  });
});
