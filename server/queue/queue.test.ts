import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueResponse } from '../../lib/contract/queue';
import {
  DAY,
  HOUR,
  PUBLIC_URL,
  expectProblem,
  harness,
  harnessWith,
  type Harness,
  type TestEmployee,
} from '../test-support';
import { encodeCursor } from './cursor';
import { etagMatches } from './queue-version';

let h: Harness;
let ana: TestEmployee;
beforeEach(async () => ([h, ana] = await harnessWith('Ana')));
afterEach(() => h.close());

const iso = (ms: number) => new Date(ms).toISOString();

async function etagNow(token = ana.token) {
  const { res } = await h.queue(token);
  expect(res.status).toBe(200);
  return res.headers.get('etag')!;
}

describe('GET /v1/queue', () => {
  it('lists visible items, pinned first then newest, with captions and valid contract shape', async () => {
    const old = await h.createItem({ title: 'old', publishAt: iso(h.clock.now - 2 * DAY) });
    const recent = await h.createItem({ title: 'recent', publishAt: iso(h.clock.now - HOUR) });
    const pinned = await h.createItem({ title: 'pinned', pinned: true, publishAt: iso(h.clock.now - 3 * DAY) });
    await h.createItem({ title: 'scheduled', publishAt: iso(h.clock.now + HOUR) });
    await h.createItem({ title: 'expired', publishAt: iso(h.clock.now - 2 * DAY), expiresAt: iso(h.clock.now - DAY) });
    const deleted = await h.createItem({ title: 'deleted' });
    await h.admin(`/v1/admin/items/${deleted.id}`, { method: 'DELETE' });

    const { res, body } = await h.queue(ana.token);
    expect(res.status).toBe(200);
    const parsed = QueueResponse.parse(body);
    expect(parsed.full).toBe(true);
    expect(parsed.removed).toEqual([]);
    expect(parsed.items.map((i) => i.id)).toEqual([pinned.id, recent.id, old.id]);
    expect(parsed.items[1]!.captions).toEqual(recent.captions);
    expect(res.headers.get('cache-control')).toMatch(/no-cache/);
  });

  it('gives each employee their own tracked links, one per network, stable across calls', async () => {
    const item = await h.createItem();
    const bea = await h.employee('Bea');
    const first = (await h.queue(ana.token)).body!.items[0]!.links;
    const again = (await h.queue(ana.token)).body!.items[0]!.links;
    const beas = (await h.queue(bea.token)).body!.items[0]!.links;
    expect(again).toEqual(first);
    expect(first.linkedin).toMatch(new RegExp(`^${PUBLIC_URL}/r/[0-9A-Za-z]{8,10}$`));
    expect(first.x).toMatch(new RegExp(`^${PUBLIC_URL}/r/[0-9A-Za-z]{8,10}$`));
    expect(new Set([first.linkedin, first.x, beas.linkedin, beas.x]).size).toBe(4);
    // Nothing personal in the code.
    for (const link of [first.linkedin, first.x]) {
      expect(link).not.toContain(ana.id);
      expect(link.toLowerCase()).not.toContain('ana');
    }
    const rows = await h.database.db
      .selectFrom('links')
      .select(['employee_id', 'item_id', 'network'])
      .orderBy('employee_id')
      .orderBy('network')
      .execute();
    expect(rows).toEqual([
      { employee_id: ana.id, item_id: item.id, network: 'linkedin' },
      { employee_id: ana.id, item_id: item.id, network: 'x' },
      { employee_id: bea.id, item_id: item.id, network: 'linkedin' },
      { employee_id: bea.id, item_id: item.id, network: 'x' },
    ]);
  });
});

// Served, a poll that finds nothing new is answered on node:http before the app (unchanged-queue.ts): the
// same cases must hold both ways.
describe.each([
  ['in the app', false],
  ['served on node:http', true],
])('ETag and 304, %s', (_, served) => {
  beforeEach(async () => {
    if (!served) return;
    await h.close();
    h = await harness({ served });
    ana = await h.employee('Ana');
  });

  it('answers 304 with no body when If-None-Match matches', async () => {
    await h.createItem();
    const etag = await etagNow();
    const { res } = await h.queue(ana.token, '', { 'If-None-Match': etag });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
  });

  it('answers 200 for a stale or foreign ETag', async () => {
    await h.createItem();
    const bea = await h.employee('Bea');
    const beasTag = await etagNow(bea.token);
    expect((await h.queue(ana.token, '', { 'If-None-Match': beasTag })).res.status).toBe(200);
    expect((await h.queue(ana.token, '', { 'If-None-Match': 'W/"nope"' })).res.status).toBe(200);
  });

  it('changes when an item is added, patched or deleted', async () => {
    const item = await h.createItem();
    const tags = [await etagNow()];
    await h.createItem({ title: 'second' });
    tags.push(await etagNow());
    await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { title: 'renamed' } });
    tags.push(await etagNow());
    await h.admin(`/v1/admin/items/${item.id}`, { method: 'DELETE' });
    tags.push(await etagNow());
    expect(new Set(tags).size).toBe(4);
    for (const old of tags.slice(0, 3))
      expect((await h.queue(ana.token, '', { 'If-None-Match': old })).res.status).toBe(200);
  });

  it('changes when a scheduled item becomes visible by the passage of time', async () => {
    const later = await h.createItem({ publishAt: iso(h.clock.now + HOUR) });
    const before = await etagNow();
    h.clock.now += HOUR - 1;
    expect((await h.queue(ana.token, '', { 'If-None-Match': before })).res.status).toBe(304);
    h.clock.now += 1;
    const { res, body } = await h.queue(ana.token, '', { 'If-None-Match': before });
    expect(res.status).toBe(200);
    expect(body!.items.map((i) => i.id)).toEqual([later.id]);
  });

  it('changes when an item expires by the passage of time', async () => {
    const item = await h.createItem({ expiresAt: iso(h.clock.now + DAY) });
    const before = await etagNow();
    h.clock.now += DAY;
    const { res, body } = await h.queue(ana.token, '', { 'If-None-Match': before });
    expect(res.status).toBe(200);
    expect(body!.items.map((i) => i.id)).not.toContain(item.id);
  });

  it('notices changes written by another process within a second', async () => {
    await h.createItem();
    const before = await etagNow();
    await h.database.db
      .updateTable('meta')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('key', '=', 'change_seq')
      .execute();
    // Without a change in this process the 304 path does not read the database…
    expect((await h.queue(ana.token, '', { 'If-None-Match': before })).res.status).toBe(304);
    // …but drops its snapshot once the shared sequence is seen to move (a timer polls it about once a second).
    await h.pollChanges();
    expect((await h.queue(ana.token, '', { 'If-None-Match': before })).res.status).toBe(200);
  });

  it('compares weakly and accepts lists and *', () => {
    const tag = 'W/"q1.a.b"';
    expect(etagMatches('"q1.a.b"', tag)).toBe(true);
    expect(etagMatches('W/"x", W/"q1.a.b"', tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
    expect(etagMatches('W/"q1.a.c"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
  });
});

describe('?since= deltas', () => {
  it('returns only changed or newly published items, and ids removed or expired since', async () => {
    const stays = await h.createItem({ title: 'unchanged' });
    const edited = await h.createItem({ title: 'will change' });
    const deleted = await h.createItem({ title: 'will go' });
    const expiring = await h.createItem({ title: 'will expire', expiresAt: iso(h.clock.now + 2 * HOUR) });
    const scheduled = await h.createItem({ title: 'will appear', publishAt: iso(h.clock.now + HOUR) });
    const first = (await h.queue(ana.token)).body!;
    expect(first.items.map((i) => i.id)).not.toContain(scheduled.id);

    h.clock.now += 3 * HOUR;
    await h.admin(`/v1/admin/items/${edited.id}`, { method: 'PATCH', json: { title: 'changed' } });
    await h.admin(`/v1/admin/items/${deleted.id}`, { method: 'DELETE' });
    const added = await h.createItem({ title: 'new' });

    const { res, body } = await h.queue(ana.token, `?since=${first.cursor}`);
    expect(res.status).toBe(200);
    const delta = QueueResponse.parse(body);
    expect(delta.full).toBe(false);
    expect(delta.items.map((i) => i.id).sort()).toEqual([edited.id, scheduled.id, added.id].sort());
    expect(delta.items.find((i) => i.id === edited.id)!.title).toBe('changed');
    expect(delta.removed.sort()).toEqual([deleted.id, expiring.id].sort());
    expect(delta.items.map((i) => i.id)).not.toContain(stays.id);

    // The next cursor starts from here: nothing new → empty delta.
    const next = (await h.queue(ana.token, `?since=${delta.cursor}`)).body!;
    expect(next).toMatchObject({ full: false, items: [], removed: [] });
  });

  it('lists an item moved back into the future as removed', async () => {
    const item = await h.createItem();
    const first = (await h.queue(ana.token)).body!;
    await h.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { publishAt: iso(h.clock.now + DAY) } });
    const delta = (await h.queue(ana.token, `?since=${first.cursor}`)).body!;
    expect(delta.items).toEqual([]);
    expect(delta.removed).toEqual([item.id]);
  });

  it.each([
    'garbage!',
    'e30',
    encodeURIComponent('{"s":1}'),
    Buffer.from('{"s":-1,"t":0}').toString('base64url'),
    'A'.repeat(300),
  ])('answers 400 for the malformed cursor %s', async (cursor) => {
    await expectProblem((await h.queue(ana.token, `?since=${cursor}`)).res, 400);
  });

  it('answers a cursor from the future (e.g. a reset database) with the full queue', async () => {
    await h.createItem();
    const { body } = await h.queue(ana.token, `?since=${encodeCursor({ seq: 999, at: h.clock.now })}`);
    expect(body!.full).toBe(true);
    expect(body!.items).toHaveLength(1);
  });
});
