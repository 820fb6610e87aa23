import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Policy, type PolicyUpdate } from '../../lib/contract/policy';
import { expectProblem, harnessWith, type Harness, type TestEmployee } from '../test-support';
import { countRows } from '../test-rows';
import { PolicyRepository } from './repository';

let h: Harness;
let ana: TestEmployee;
beforeEach(async () => ([h, ana] = await harnessWith('Ana')));
afterEach(() => h.close());

const update: PolicyUpdate = {
  bannedTerms: ['  garantía ', 'скидка', '保证'],
  networks: {
    linkedin: { disclosure: '#employee' },
    x: { disclosure: '#ad', maxLength: 240, bannedTerms: ['thread'] },
  },
};

const put = (json: unknown, token?: string) =>
  token
    ? h.as(token, '/v1/admin/policy', { method: 'PUT', json })
    : h.admin('/v1/admin/policy', { method: 'PUT', json });

async function setPolicy(json: unknown = update) {
  const res = await put(json);
  expect(res.status, await res.clone().text()).toBe(200);
  return Policy.parse(await res.json());
}

describe('GET /v1/policy', () => {
  it('is the empty policy, version 0, before a curator sets one', async () => {
    const res = await h.as(ana.token, '/v1/policy');
    expect(res.status).toBe(200);
    expect(Policy.parse(await res.json())).toEqual({
      bannedTerms: [],
      version: 0,
      updatedAt: null,
      networks: {
        linkedin: { disclosure: null, maxLength: null, bannedTerms: [] },
        x: { disclosure: null, maxLength: null, bannedTerms: [] },
      },
    });
    expect(res.headers.get('etag')).toBe('"policy-0"');
  });

  it('answers 304 while unchanged and the new policy once changed', async () => {
    const first = await h.as(ana.token, '/v1/policy');
    const etag = first.headers.get('etag')!;
    const same = await h.as(ana.token, '/v1/policy', { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await setPolicy();
    const changed = await h.as(ana.token, '/v1/policy', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"policy-1"');
    expect(Policy.parse(await changed.json()).bannedTerms).toEqual(['garantía', 'скидка', '保证']);
  });

  it('needs a token', async () => {
    await expectProblem(await h.request('/v1/policy'), 401);
  });
});

describe('PUT /v1/admin/policy', () => {
  it('replaces the whole policy, filling defaults, and counts versions', async () => {
    const p = await setPolicy();
    expect(p).toEqual({
      bannedTerms: ['garantía', 'скидка', '保证'],
      networks: {
        linkedin: { disclosure: '#employee', maxLength: null, bannedTerms: [] },
        x: { disclosure: '#ad', maxLength: 240, bannedTerms: ['thread'] },
      },
      version: 1,
      updatedAt: new Date(h.clock.now).toISOString(),
    });
    const second = await setPolicy({ bannedTerms: [], networks: { linkedin: {}, x: {} } });
    expect(second).toMatchObject({ version: 2, bannedTerms: [], networks: { x: { disclosure: null } } });
    expect(Policy.parse(await (await h.as(ana.token, '/v1/policy')).json())).toEqual(second);
    expect(await countRows(h.database.db, 'policies')).toBe(2);
  });

  it('is read back from the database by a fresh process (not only from memory)', async () => {
    const set = await setPolicy();
    expect(await new PolicyRepository(h.database.db, () => h.clock.now).current()).toEqual(set);
  });

  it.each([
    ['an empty banned term', { ...update, bannedTerms: ['  '] }, 'bannedTerms.0'],
    ['a missing network', { bannedTerms: [], networks: { linkedin: {} } }, 'networks.x'],
    ['a zero length limit', { ...update, networks: { linkedin: {}, x: { maxLength: 0 } } }, 'networks.x.maxLength'],
    [
      'a disclosure of the wrong type',
      { ...update, networks: { linkedin: { disclosure: 7 }, x: {} } },
      'networks.linkedin.disclosure',
    ],
  ])('rejects %s with 422 naming the path', async (_, json, path) => {
    const body = await expectProblem(await put(json), 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });

  it('is for admins only', async () => {
    await expectProblem(await put(update, ana.token), 403);
  });
});

describe('captions against the policy', () => {
  beforeEach(() => setPolicy());

  it('refuses a new item whose caption has a banned term, naming the term and the caption', async () => {
    const res = await h.admin('/v1/admin/items', {
      method: 'POST',
      json: {
        url: 'https://example.org/',
        title: 'T',
        captions: [
          { network: 'linkedin', text: 'Fine words' },
          { network: 'x', text: 'Rendimiento con GARANTÍA', language: 'es' },
        ],
      },
    });
    const body = await expectProblem(res, 422);
    expect(body.type).toBe('urn:relay:problem:policy-violation');
    expect(body.detail).toContain('Caption 2 (x)');
    expect(body.detail).toContain('"garantía"');
    expect(body.errors).toEqual([{ path: 'captions.1.text', message: 'contains the banned term "garantía"' }]);
    expect(await h.items.count()).toBe(0);
  });

  it('applies network-only terms to that network only', async () => {
    await h.createItem({ captions: [{ network: 'linkedin', text: 'A long thread of thoughts' }] });
    const body = await expectProblem(
      await h.admin('/v1/admin/items', {
        method: 'POST',
        json: { url: 'https://example.org/', title: 'T', captions: [{ network: 'x', text: 'A thread' }] },
      }),
      422,
    );
    expect(body.errors?.[0]?.message).toContain('"thread"');
  });

  it('refuses an edit that puts a banned term in, and allows edits that leave captions alone', async () => {
    const item = await h.createItem({ captions: [{ network: 'x', text: 'Новый отчёт' }] });
    const body = await expectProblem(
      await h.admin(`/v1/admin/items/${item.id}`, {
        method: 'PATCH',
        json: { captions: [{ network: 'x', text: 'Скидка 50%', language: 'ru' }] },
      }),
      422,
    );
    expect(body.detail).toContain('"скидка"');
    expect((await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { title: 'Renamed' } })).status).toBe(
      200,
    );
  });

  it("refuses a caption over the network's length limit, counted as X counts", async () => {
    // 240 allowed on X: 121 CJK characters weigh 242.
    const body = await expectProblem(
      await h.admin('/v1/admin/items', {
        method: 'POST',
        json: { url: 'https://example.org/', title: 'T', captions: [{ network: 'x', text: '好'.repeat(121) }] },
      }),
      422,
    );
    expect(body.errors).toEqual([
      { path: 'captions.0.text', message: 'is 242 characters long; the policy allows 240 on x' },
    ]);
    await h.createItem({
      captions: [
        { network: 'x', text: '好'.repeat(120) },
        { network: 'linkedin', text: '好'.repeat(2000) },
      ],
    });
  });

  it('refuses accepting a suggestion with a banned caption and keeps the suggestion open', async () => {
    const s = (await (
      await h.as(ana.token, '/v1/suggestions', { method: 'POST', json: { url: 'https://example.org/x' } })
    ).json()) as { id: string };
    const body = await expectProblem(
      await h.admin(`/v1/admin/suggestions/${s.id}/accept`, {
        method: 'POST',
        json: { title: 'T', captions: [{ network: 'linkedin', text: '我们保证收益' }] },
      }),
      422,
    );
    expect(body.detail).toContain('"保证"');
    const open = (await (await h.admin('/v1/admin/suggestions')).json()) as {
      suggestions: { id: string; status: string }[];
    };
    expect(open.suggestions).toEqual([expect.objectContaining({ id: s.id, status: 'open' })]);
    expect(await h.items.count()).toBe(0);
  });
});
