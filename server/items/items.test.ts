import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminItem } from '../../lib/contract/items';
import { AdminItem as AdminItemSchema } from '../../lib/contract/items';
import { DAY, expectProblem, harness, type Harness } from '../test-support';
import { countRows } from '../test-rows';

let h: Harness;
beforeEach(async () => (h = await harness()));
afterEach(() => h.close());

const full = {
  url: 'https://example.org/report?lang=en',
  title: '  Impact report  ',
  summary: 'What we did',
  imageUrl: 'https://example.org/cover.png',
  topics: ['Sustainability', 'sustainability', 'events'],
  contentType: 'owned',
  campaign: 'Impact-2026',
  pinned: true,
  publishAt: '2026-11-18T10:00:00Z',
  expiresAt: '2026-12-18T10:00:00+01:00',
  captions: [
    { network: 'linkedin', text: 'Our report is out' },
    { network: 'x', text: 'Ja és aquí', language: 'ca' },
  ],
};

describe('POST /v1/admin/items', () => {
  it('creates an item with all fields and answers 201 with an AdminItem', async () => {
    const res = await h.admin('/v1/admin/items', { method: 'POST', json: full });
    expect(res.status).toBe(201);
    const item = AdminItemSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/v1/admin/items/${item.id}`);
    expect(item).toMatchObject({
      url: full.url,
      title: 'Impact report',
      summary: 'What we did',
      imageUrl: full.imageUrl,
      topics: ['sustainability', 'events'],
      contentType: 'owned',
      campaign: 'impact-2026',
      pinned: true,
      publishAt: '2026-11-18T10:00:00.000Z',
      expiresAt: '2026-12-18T09:00:00.000Z',
    });
    expect(item.captions.map(({ network, text, language }) => ({ network, text, language }))).toEqual([
      { network: 'linkedin', text: 'Our report is out', language: 'en' },
      { network: 'x', text: 'Ja és aquí', language: 'ca' },
    ]);
    expect(item.id).toMatch(/^[0-9a-f-]{14}7/); // UUIDv7
  });

  it('fills defaults: published now, curated, not pinned, no topics', async () => {
    const item = await h.createItem();
    expect(item).toMatchObject({
      publishAt: new Date(h.clock.now).toISOString(),
      expiresAt: null,
      contentType: 'curated',
      pinned: false,
      topics: [],
      summary: null,
      imageUrl: null,
      campaign: null,
    });
  });

  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a non-http scheme', { url: 'ftp://example.com/a' }, 'url'],
    ['a title of the wrong type', { title: 42 }, 'title'],
    ['no captions', { captions: [] }, 'captions'],
    ['a caption for an unknown network', { captions: [{ network: 'facebook', text: 'x' }] }, 'captions.0.network'],
    ['an empty caption', { captions: [{ network: 'x', text: '   ' }] }, 'captions.0.text'],
    ['a bad language tag', { captions: [{ network: 'x', text: 'a', language: 'english!' }] }, 'captions.0.language'],
    ['a bad date', { publishAt: 'tomorrow' }, 'publishAt'],
    [
      'expiry before publication',
      { publishAt: '2026-11-20T00:00:00Z', expiresAt: '2026-11-19T00:00:00Z' },
      'expiresAt',
    ],
    ['a campaign that is not a slug', { campaign: 'spring launch!' }, 'campaign'],
  ])('rejects %s with 422 naming the path', async (_, change, path) => {
    const res = await h.admin('/v1/admin/items', { method: 'POST', json: { ...full, ...change } });
    const body = await expectProblem(res, 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });
});

describe('GET /v1/admin/items', () => {
  it('lists live items, scheduled and expired included, deleted excluded', async () => {
    const now = await h.createItem({ title: 'now' });
    const later = await h.createItem({ title: 'later', publishAt: new Date(h.clock.now + DAY).toISOString() });
    const gone = await h.createItem({ title: 'gone' });
    await h.admin(`/v1/admin/items/${gone.id}`, { method: 'DELETE' });
    const res = await h.admin('/v1/admin/items');
    const { items } = (await res.json()) as { items: AdminItem[] };
    expect(items.map((i) => i.id)).toEqual([later.id, now.id]);
  });

  it('returns one item by id, 404 once deleted', async () => {
    const item = await h.createItem();
    expect(await (await h.admin(`/v1/admin/items/${item.id}`)).json()).toEqual(item);
    await h.admin(`/v1/admin/items/${item.id}`, { method: 'DELETE' });
    await expectProblem(await h.admin(`/v1/admin/items/${item.id}`), 404);
  });
});

describe('PATCH /v1/admin/items/:id', () => {
  it('changes only the fields sent, and bumps updatedAt', async () => {
    const item = await h.createItem({ summary: 'old', topics: ['product'] });
    h.clock.now += 1000;
    const res = await h.admin(`/v1/admin/items/${item.id}`, {
      method: 'PATCH',
      json: { title: 'New title', summary: null },
    });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as AdminItem;
    expect(patched).toMatchObject({
      id: item.id,
      title: 'New title',
      summary: null,
      topics: ['product'],
      url: item.url,
    });
    expect(Date.parse(patched.updatedAt)).toBe(h.clock.now);
    expect(patched.createdAt).toBe(item.createdAt);
  });

  it('replaces the whole caption set, keeping ids of captions sent again unchanged', async () => {
    const item = await h.createItem({
      captions: [
        { network: 'linkedin', text: 'keep me' },
        { network: 'x', text: 'drop me' },
      ],
    });
    const kept = item.captions[0]!;
    const res = await h.admin(`/v1/admin/items/${item.id}`, {
      method: 'PATCH',
      json: {
        captions: [
          { network: 'x', text: 'new one', language: 'es' },
          { network: 'linkedin', text: 'keep me' },
        ],
      },
    });
    const patched = (await res.json()) as AdminItem;
    expect(patched.captions.map((c) => c.text)).toEqual(['new one', 'keep me']);
    expect(patched.captions[1]!.id).toBe(kept.id);
    expect(patched.captions.map((c) => c.id)).not.toContain(item.captions[1]!.id);
    expect(await countRows(h.database.db, 'captions')).toBe(2);
  });

  it('checks date order against stored values too', async () => {
    const item = await h.createItem({ publishAt: '2026-11-20T00:00:00Z' });
    const res = await h.admin(`/v1/admin/items/${item.id}`, {
      method: 'PATCH',
      json: { expiresAt: '2026-11-19T00:00:00Z' },
    });
    const body = await expectProblem(res, 422);
    expect(body.errors?.[0]?.path).toBe('expiresAt');
  });

  it('publishAt: null publishes now', async () => {
    const item = await h.createItem({ publishAt: '2027-01-01T00:00:00Z' });
    const res = await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { publishAt: null } });
    expect(((await res.json()) as AdminItem).publishAt).toBe(new Date(h.clock.now).toISOString());
  });

  it('rejects an empty patch with 422', async () => {
    const item = await h.createItem();
    await expectProblem(await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: {} }), 422);
  });

  it('answers 404 for unknown, malformed and deleted ids', async () => {
    const json = { title: 'x' };
    await expectProblem(
      await h.admin('/v1/admin/items/01a20000-0000-7000-8000-000000000000', { method: 'PATCH', json }),
      404,
    );
    await expectProblem(await h.admin('/v1/admin/items/not-an-id', { method: 'PATCH', json }), 404);
    const item = await h.createItem();
    await h.admin(`/v1/admin/items/${item.id}`, { method: 'DELETE' });
    await expectProblem(await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json }), 404);
  });
});

describe('DELETE /v1/admin/items/:id', () => {
  it('soft-deletes: 204, the row stays with deleted_at set, a second delete is 404', async () => {
    const item = await h.createItem();
    const res = await h.admin(`/v1/admin/items/${item.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const row = await h.database.db
      .selectFrom('items')
      .select('deleted_at')
      .where('id', '=', item.id)
      .executeTakeFirst();
    expect(row).toEqual({ deleted_at: h.clock.now });
    await expectProblem(await h.admin(`/v1/admin/items/${item.id}`, { method: 'DELETE' }), 404);
  });

  it('answers 404 for an unknown id', async () => {
    await expectProblem(
      await h.admin('/v1/admin/items/01a20000-0000-7000-8000-000000000000', { method: 'DELETE' }),
      404,
    );
  });
});

describe('item addresses', () => {
  const create = (url: string) =>
    h.admin('/v1/admin/items', {
      method: 'POST',
      json: { url, title: 'A post', captions: [{ network: 'linkedin', text: 'Read this' }] },
    });

  it('stores the normalised address (what the tracked links then redirect to)', async () => {
    const res = await create('  HTTPS://Example.COM:443/a/../news/Ünïcode path?q=a b#top ');
    expect(res.status).toBe(201);
    const item = (await res.json()) as AdminItem;
    expect(item.url).toBe('https://example.com/news/%C3%9Cn%C3%AFcode%20path?q=a%20b#top');
    const stored = await h.database.db
      .selectFrom('items')
      .select('url')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stored.url).toBe(item.url);
    const patched = await h.admin(`/v1/admin/items/${item.id}`, {
      method: 'PATCH',
      json: { url: 'https://EXAMPLE.com', imageUrl: 'http://cdn.example.com:80/i.png' },
    });
    expect(await patched.json()).toMatchObject({
      url: 'https://example.com/',
      imageUrl: 'http://cdn.example.com/i.png',
    });
  });

  it.each([
    ['https://exa\tmple.com/', 'control characters'],
    ['https://example.com/a\nb', 'control characters'],
    ['https://example.com/\u0000', 'control characters'],
    ['javascript:alert(1)', 'http:// or https://'],
    ['ftp://example.com/file', 'http:// or https://'],
    ['data:text/html,<script>', 'http:// or https://'],
    ['example.com/news', 'http:// or https://'],
  ])('refuses %j with 422 naming what is wrong', async (url, words) => {
    const body = await expectProblem(await create(url), 422);
    expect(body.errors).toEqual([{ path: 'url', message: expect.stringContaining(words) }]);
    expect(await countRows(h.database.db, 'items')).toBe(0);
  });
});
