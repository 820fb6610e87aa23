import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteProfilesResponse, type SiteProfile } from '../../lib/contract/site-profiles';
import { harness, type Harness } from '../test-support';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

function profile(network: 'linkedin' | 'x', version: number, overrides: Partial<SiteProfile> = {}): SiteProfile {
  return {
    version,
    network,
    hosts: network === 'x' ? ['x.com', 'twitter.com'] : ['www.linkedin.com'],
    composers: [
      {
        name: `${network}-composer`,
        editor: ['[role="textbox"][contenteditable="true"]'],
        editorKind: 'auto',
        anchor: { position: 'after' },
        postButton: { selectors: ['[data-testid="tweetButtonInline"]'], texts: ['Post'] },
      },
    ],
    ignore: [{ reason: 'direct messages', paths: ['/messages/**'] }],
    ...overrides,
  };
}

const put = (network: string, body: unknown) =>
  h.admin(`/v1/admin/site-profiles/${network}`, { method: 'PUT', json: body });

describe('GET /v1/site-profiles', () => {
  it('needs a signed-in person', async () => {
    expect((await h.request('/v1/site-profiles')).status).toBe(401);
  });

  it('answers an empty list before anything is published, with an ETag', async () => {
    const { token } = await h.employee();
    const res = await h.as(token, '/v1/site-profiles');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ profiles: [] });
    expect(res.headers.get('ETag')).toBe('"sp-none"');
  });

  it('serves the newest published version of each network, valid per the contract', async () => {
    const { token } = await h.employee();
    expect((await put('x', profile('x', 1))).status).toBe(200);
    expect((await put('x', profile('x', 2, { hosts: ['x.com'] }))).status).toBe(200);
    expect((await put('linkedin', profile('linkedin', 5))).status).toBe(200);

    const res = await h.as(token, '/v1/site-profiles');
    const body = SiteProfilesResponse.parse(await res.json());
    expect(body.profiles.map((p) => [p.network, p.version])).toEqual([
      ['linkedin', 5],
      ['x', 2],
    ]);
    expect(body.profiles[1]!.hosts).toEqual(['x.com']);
    expect(res.headers.get('ETag')).toBe('"sp-linkedin.5-x.2"');
  });

  it('answers 304 to a matching If-None-Match, and 200 again once a newer profile is published', async () => {
    const { token } = await h.employee();
    await put('x', profile('x', 1));
    const first = await h.as(token, '/v1/site-profiles');
    const etag = first.headers.get('ETag')!;
    const again = await h.as(token, '/v1/site-profiles', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await put('x', profile('x', 2));
    const changed = await h.as(token, '/v1/site-profiles', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });
});

describe('PUT /v1/admin/site-profiles/:network', () => {
  it('is for admins only', async () => {
    const { token } = await h.employee();
    const res = await h.as(token, '/v1/admin/site-profiles/x', { method: 'PUT', json: profile('x', 1) });
    expect(res.status).toBe(403);
  });

  it('publishes a valid profile and answers it', async () => {
    const res = await put('x', profile('x', 3));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(profile('x', 3));
  });

  it('refuses a profile that does not match the schema, naming the path (422)', async () => {
    const bad: Array<[unknown, string]> = [
      [{ ...profile('x', 1), composers: [] }, 'composers'],
      [{ ...profile('x', 1), version: -1 }, 'version'],
      [{ ...profile('x', 1), hosts: ['X.COM'] }, 'hosts.0'],
      [
        { ...profile('x', 1), composers: [{ ...profile('x', 1).composers[0], editorKind: 'eval' }] },
        'composers.0.editorKind',
      ],
      [{ ...profile('x', 1), ignore: [{ reason: 'matches nothing' }] }, 'ignore.0'],
      [
        { ...profile('x', 1), composers: [{ ...profile('x', 1).composers[0], paths: ['home?x=1'] }] },
        'composers.0.paths.0',
      ],
    ];
    for (const [body, path] of bad) {
      const res = await put('x', body);
      expect(res.status, path).toBe(422);
      const problem = (await res.json()) as { errors: Array<{ path: string }> };
      expect(
        problem.errors.map((e) => e.path),
        path,
      ).toContain(path);
    }
    const { token } = await h.employee();
    expect(await (await h.as(token, '/v1/site-profiles')).json()).toEqual({ profiles: [] });
  });

  it('refuses a profile for another network than the URL says', async () => {
    const res = await put('linkedin', profile('x', 1));
    expect(res.status).toBe(422);
    expect((await put('facebook', profile('x', 1))).status).toBe(404);
  });

  it('only takes a newer version; the same one again is a no-op, other content under it a conflict', async () => {
    expect((await put('x', profile('x', 4))).status).toBe(200);
    expect((await put('x', profile('x', 4))).status).toBe(200);
    const conflict = await put('x', profile('x', 4, { hosts: ['x.com'] }));
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await put('x', profile('x', 3))).status).toBe(409);
    const { token } = await h.employee();
    const body = SiteProfilesResponse.parse(await (await h.as(token, '/v1/site-profiles')).json());
    expect(body.profiles[0]).toEqual(profile('x', 4));
  });

  it('needs JSON', async () => {
    const res = await h.admin('/v1/admin/site-profiles/x', { method: 'PUT', body: 'version=1' });
    expect(res.status).toBe(415);
  });
});
