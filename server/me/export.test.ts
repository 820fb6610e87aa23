import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MyExport } from '../../lib/contract/export';
import { DAY, PUBLIC_URL, expectProblem, harnessWith, type Harness, type TestEmployee } from '../test-support';

let h: Harness;
let ana: TestEmployee;
let bea: TestEmployee;
beforeEach(async () => ([h, ana, bea] = await harnessWith('Ana', 'Bea')));
afterEach(() => h.close());

const share = (token: string, itemId: string, network: 'linkedin' | 'x', sharedAt: string) =>
  h.as(token, '/v1/shares', {
    method: 'POST',
    json: { shares: [{ id: uuidv7(), itemId, network, sharedAt, edited: true }] },
  });

async function click(link: string, visitor: number) {
  await h.request(new URL(link).pathname, {
    headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/${100 + visitor}.0` },
  });
}

describe('GET /v1/me/export', () => {
  it('is everything recorded about me, as an attachment, and nothing about anyone else', async () => {
    const item = await h.createItem({ title: 'Informe anual', publishAt: '2026-11-01T00:00:00Z' });
    await h.as(ana.token, '/v1/me', { method: 'PATCH', json: { audience: { x: 1200 } } });
    await share(ana.token, item.id, 'x', '2026-11-17T09:00:00Z');
    await share(bea.token, item.id, 'linkedin', '2026-11-17T09:00:00Z');
    await h.as(ana.token, '/v1/suggestions', {
      method: 'POST',
      json: { url: 'https://example.org/idea', note: 'mine' },
    });
    await h.as(bea.token, '/v1/suggestions', { method: 'POST', json: { url: 'https://example.org/other' } });
    const anaLinks = (await h.queue(ana.token)).body!.items[0]!.links;
    const beaLinks = (await h.queue(bea.token)).body!.items[0]!.links;
    await click(anaLinks.x, 1);
    await click(anaLinks.x, 2);
    await click(beaLinks.x, 3);
    await h.flushClicks();
    h.clock.now += DAY; // the next day
    await click(anaLinks.x, 1);

    const res = await h.as(ana.token, '/v1/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="relay-my-data-2026-11-19.json"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = MyExport.parse(JSON.parse(text));

    expect(data.profile).toEqual({
      id: ana.id,
      name: 'Ana',
      role: 'employee',
      active: true,
      invitedAt: '2026-11-18T12:00:00.000Z',
      activatedAt: '2026-11-18T12:00:00.000Z',
      audience: { linkedin: null, x: 1200 },
      effectiveAudience: { linkedin: 459, x: 1200 },
      // Invited with a code: no e-mail or provider identity is recorded (single sign-on's are: server/auth).
      email: null,
      singleSignOn: null,
    });
    expect(data.invites).toEqual([
      {
        createdAt: '2026-11-18T12:00:00.000Z',
        expiresAt: '2026-12-02T12:00:00.000Z',
        redeemedAt: '2026-11-18T12:00:00.000Z',
      },
    ]);
    expect(data.signIns).toEqual([{ createdAt: '2026-11-18T12:00:00.000Z' }]);
    expect(data.shares).toEqual([
      expect.objectContaining({
        itemId: item.id,
        itemTitle: 'Informe anual',
        network: 'x',
        edited: true,
        sharedAt: '2026-11-17T09:00:00.000Z',
        audience: 1200,
      }),
    ]);
    expect(data.links.map((l) => [l.network, l.url]).sort()).toEqual([
      ['linkedin', anaLinks.linkedin],
      ['x', anaLinks.x],
    ]);
    expect(data.links.every((l) => l.url.startsWith(`${PUBLIC_URL}/r/`))).toBe(true);
    const xCode = new URL(anaLinks.x).pathname.split('/').pop();
    expect(data.clicks).toEqual([
      { code: xCode, day: '2026-11-18', clicks: 2 },
      { code: xCode, day: '2026-11-19', clicks: 1 },
    ]);
    expect(data.totals).toEqual({ reach: 1200, clicks: 3, shares: 1 });
    expect(data.suggestions.map((s) => [s.url, s.note])).toEqual([['https://example.org/idea', 'mine']]);

    // Nothing of Bea's, and no secrets or visitor data.
    expect(text).not.toContain(bea.id);
    expect(text).not.toContain(new URL(beaLinks.x).pathname.split('/').pop());
    expect(text).not.toContain('example.org/other');
    expect(text).not.toContain(ana.token.slice(4));
    expect(text).not.toMatch(/Firefox|user.?agent|\bip\b/i);
  });

  it('is an empty record for someone who has done nothing yet', async () => {
    const data = MyExport.parse(await (await h.as(bea.token, '/v1/me/export')).json());
    expect(data).toMatchObject({
      shares: [],
      links: [],
      clicks: [],
      suggestions: [],
      totals: { reach: 0, clicks: 0, shares: 0 },
    });
  });

  it('needs a person: 401 without a token, 403 for the bootstrap admin token', async () => {
    await expectProblem(await h.request('/v1/me/export'), 401);
    await expectProblem(await h.admin('/v1/me/export'), 403);
  });
});
