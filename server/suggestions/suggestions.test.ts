import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Suggestion, SuggestionAccepted, SuggestionList } from '../../lib/contract/suggestions';
import { expectProblem, harnessWith, type Harness, type TestEmployee } from '../test-support';
import { countRows } from '../test-rows';
import { SuggestionRepository } from './repository';

let h: Harness;
let ana: TestEmployee;
let bea: TestEmployee;
beforeEach(async () => ([h, ana, bea] = await harnessWith('Ana', 'Bea')));
afterEach(() => h.close());

const suggest = (token: string, json: unknown) => h.as(token, '/v1/suggestions', { method: 'POST', json });

async function suggested(token: string, json: unknown) {
  const res = await suggest(token, json);
  expect(res.status, await res.clone().text()).toBe(201);
  return Suggestion.parse(await res.json());
}

const list = async (query = '') => {
  const res = await h.admin(`/v1/admin/suggestions${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return SuggestionList.parse(await res.json());
};

describe('POST /v1/suggestions', () => {
  it('stores who suggested what and when, with the note trimmed', async () => {
    const s = await suggested(ana.token, { url: '  https://example.org/a?x=1 ', note: '  Worth a read — molt bo  ' });
    expect(s).toMatchObject({
      url: 'https://example.org/a?x=1',
      note: 'Worth a read — molt bo',
      status: 'open',
      suggestedBy: { id: ana.id, name: 'Ana' },
      createdAt: new Date(h.clock.now).toISOString(),
      decidedAt: null,
      itemId: null,
    });
    const row = await h.database.db
      .selectFrom('suggestions')
      .select(['employee_id', 'created_at'])
      .where('id', '=', s.id)
      .executeTakeFirst();
    expect(row).toEqual({ employee_id: ana.id, created_at: h.clock.now });
  });

  it('stores an empty note as null', async () => {
    expect((await suggested(ana.token, { url: 'https://example.org/a', note: '   ' })).note).toBeNull();
  });

  it('answers 200 with the open suggestion when the same person suggests the same page again', async () => {
    const first = await suggested(ana.token, { url: 'https://Example.org/a', note: 'first' });
    const again = await suggest(ana.token, { url: 'https://example.org/a', note: 'second' });
    expect(again.status).toBe(200);
    expect(Suggestion.parse(await again.json())).toEqual(first);
    expect(await countRows(h.database.db, 'suggestions')).toBe(1);
  });

  it('keeps separate suggestions for different people, and a new one once the old was decided', async () => {
    const a = await suggested(ana.token, { url: 'https://example.org/a' });
    const b = await suggested(bea.token, { url: 'https://example.org/a' });
    expect(b.id).not.toBe(a.id);
    await h.admin(`/v1/admin/suggestions/${a.id}/dismiss`, { method: 'POST' });
    const c = await suggested(ana.token, { url: 'https://example.org/a' });
    expect(c.id).not.toBe(a.id);
  });

  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a non-http scheme', { url: 'ftp://example.org/file' }, 'url'],
    ['no URL', { note: 'hi' }, 'url'],
    ['a URL over 2048 characters', { url: `https://example.org/${'a'.repeat(2048)}` }, 'url'],
    [
      'a URL that grows over 2048 characters when percent-encoded',
      { url: `https://example.org/${' '.repeat(1000)}x` },
      'url',
    ],
    ['a note over 1000 characters', { url: 'https://example.org/', note: 'n'.repeat(1001) }, 'note'],
  ])('rejects %s with 422 naming the field', async (_, json, path) => {
    const body = await expectProblem(await suggest(ana.token, json), 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });

  it('needs a person: 401 without a token, 403 for the bootstrap admin token', async () => {
    await expectProblem(await h.request('/v1/suggestions', { method: 'POST' }), 401);
    await expectProblem(
      await h.admin('/v1/suggestions', { method: 'POST', json: { url: 'https://example.org/' } }),
      403,
    );
  });
});

describe('GET /v1/admin/suggestions', () => {
  it('lists one status newest first, open by default, in pages', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await suggested(i % 2 ? bea.token : ana.token, { url: `https://example.org/${i}` }));
      h.clock.now += 1000;
    }
    await h.admin(`/v1/admin/suggestions/${made[0]!.id}/dismiss`, { method: 'POST' });
    const first = await list('?limit=2');
    expect(first.suggestions.map((s) => s.url)).toEqual(['https://example.org/4', 'https://example.org/3']);
    expect(first.next).not.toBeNull();
    const second = await list(`?limit=2&before=${first.next}`);
    expect(second.suggestions.map((s) => s.url)).toEqual(['https://example.org/2', 'https://example.org/1']);
    expect(second.next).toBeNull();
    expect((await list('?status=dismissed')).suggestions.map((s) => s.id)).toEqual([made[0]!.id]);
    expect((await list('?status=accepted')).suggestions).toEqual([]);
  });

  it('pages correctly through suggestions made in the same millisecond', async () => {
    for (let i = 0; i < 3; i++) await suggested(ana.token, { url: `https://example.org/${i}` });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: SuggestionList = await list(`?limit=1${next ? `&before=${next}` : ''}`);
      seen.push(...page.suggestions.map((s) => s.id));
      next = page.next;
    } while (next);
    expect(new Set(seen).size).toBe(3);
  });

  it.each([
    ['?status=closed', 'status'],
    ['?limit=0', 'limit'],
    ['?before=bm9wZQ', 'before'],
  ])('answers 400 for %s', async (query, path) => {
    const body = await expectProblem(await h.admin(`/v1/admin/suggestions${query}`), 400);
    expect(body.errors?.[0]?.path).toBe(path);
  });
});

describe('dismiss and accept', () => {
  it('dismisses once; a second decision is 409; unknown ids are 404', async () => {
    const s = await suggested(ana.token, { url: 'https://example.org/a' });
    h.clock.now += 5000;
    const res = await h.admin(`/v1/admin/suggestions/${s.id}/dismiss`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(Suggestion.parse(await res.json())).toMatchObject({
      status: 'dismissed',
      decidedAt: new Date(h.clock.now).toISOString(),
    });
    await expectProblem(await h.admin(`/v1/admin/suggestions/${s.id}/dismiss`, { method: 'POST' }), 409);
    await expectProblem(
      await h.admin('/v1/admin/suggestions/01a20000-0000-7000-8000-000000000000/dismiss', { method: 'POST' }),
      404,
    );
    await expectProblem(await h.admin('/v1/admin/suggestions/nope/dismiss', { method: 'POST' }), 404);
  });

  it('turns a suggestion into an item (URL defaulting to the suggested page) and marks it accepted', async () => {
    const s = await suggested(ana.token, { url: 'https://example.org/a', note: 'good' });
    const res = await h.admin(`/v1/admin/suggestions/${s.id}/accept`, {
      method: 'POST',
      json: { title: 'A good page', topics: ['Engineering'], captions: [{ network: 'x', text: 'Look at this' }] },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { item, suggestion } = SuggestionAccepted.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/v1/admin/items/${item.id}`);
    expect(item).toMatchObject({ url: 'https://example.org/a', title: 'A good page', topics: ['engineering'] });
    expect(suggestion).toMatchObject({ id: s.id, status: 'accepted', itemId: item.id });
    expect((await h.admin(`/v1/admin/items/${item.id}`)).status).toBe(200);
    const { body } = await h.queue(bea.token);
    expect(body!.items.map((i) => i.id)).toContain(item.id);
    await expectProblem(
      await h.admin(`/v1/admin/suggestions/${s.id}/accept`, {
        method: 'POST',
        json: { title: 'x', captions: [{ network: 'x', text: 'y' }] },
      }),
      409,
    );
    expect(await h.items.count()).toBe(1);
  });

  it('validates the item fields (422) and leaves the suggestion open', async () => {
    const s = await suggested(ana.token, { url: 'https://example.org/a' });
    const body = await expectProblem(
      await h.admin(`/v1/admin/suggestions/${s.id}/accept`, { method: 'POST', json: { title: 'x', captions: [] } }),
      422,
    );
    expect(body.errors?.map((e) => e.path)).toContain('captions');
    expect((await list()).suggestions.map((x) => x.id)).toEqual([s.id]);
  });

  it('is for admins only: an employee token gets 403 on every admin suggestion endpoint', async () => {
    const s = await suggested(ana.token, { url: 'https://example.org/a' });
    await expectProblem(await h.as(ana.token, '/v1/admin/suggestions'), 403);
    await expectProblem(await h.as(ana.token, `/v1/admin/suggestions/${s.id}/dismiss`, { method: 'POST' }), 403);
    await expectProblem(
      await h.as(ana.token, `/v1/admin/suggestions/${s.id}/accept`, {
        method: 'POST',
        json: { title: 'x', captions: [{ network: 'x', text: 'y' }] },
      }),
      403,
    );
  });
});

describe('SuggestionRepository.release', () => {
  it('reopens a claimed suggestion, or dismisses it when its author has suggested the page again meanwhile', async () => {
    const repo = new SuggestionRepository(h.database.db, () => h.clock.now);
    const s = await suggested(ana.token, { url: 'https://example.org/a' });
    expect((await repo.claim(s.id)).status).toBe('ok');
    await repo.release(s.id);
    expect(await repo.get(s.id)).toMatchObject({ status: 'open', decidedAt: null, itemId: null });

    expect((await repo.claim(s.id)).status).toBe('ok');
    const again = await suggested(ana.token, { url: 'https://example.org/a' });
    await repo.release(s.id);
    expect(await repo.get(s.id)).toMatchObject({ status: 'dismissed', itemId: null });
    expect(await repo.get(again.id)).toMatchObject({ status: 'open' });
  });
});
