import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRelayService, SHARE_MAX_AGE_MS } from './service';
import { toQueueRow, type RelayDb } from '../db';
import { FLUSH_ALARM } from '../outbox';
import { employeeItem, personalTouchesItem, preferredLanguageItem, saveConnection, topicsItem } from '../settings';
import { fakeFetch, freshDb, json, makeItem, problem, queueBody, type RecordedRequest } from '../test-support';
import type { Caption } from '../contract/items';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const employee = { id: '0190a000-0000-7000-8000-0000000000aa', name: 'Marta Rossi', role: 'employee' as const };
let db: RelayDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
});

function service(fetch: ReturnType<typeof fakeFetch>, now = NOW) {
  return createRelayService({ db: () => db, fetch, now: () => now, random: () => 0.5 });
}

const sentIds = (req: RecordedRequest) =>
  (JSON.parse(req.body!) as { shares: Array<{ id: string }> }).shares.map((s) => s.id);
const accepting = (req: RecordedRequest) => json({ accepted: sentIds(req), duplicates: [] });
const caption = (network: 'linkedin' | 'x', text: string, language = 'en'): Caption => ({
  id: crypto.randomUUID(),
  network,
  text,
  language,
});

describe('getSuggestions', () => {
  it('ranks the cached captions for the network, personalised, with the tracked link', async () => {
    const older = makeItem({ title: 'older', publishAt: '2026-02-01T00:00:00Z' });
    const newer = makeItem({ title: 'newer', publishAt: '2026-02-10T00:00:00Z' });
    const pinned = makeItem({ title: 'pinned', pinned: true, publishAt: '2026-01-01T00:00:00Z' });
    await db.queue.bulkPut([older, newer, pinned].map(toQueueRow));
    await personalTouchesItem.setValue({
      linkedin: { openingLine: '', signature: '' },
      x: { openingLine: 'Hola!', signature: '#relay' },
    });

    const result = await service(fakeFetch(new Error('no network needed'))).getSuggestions({ network: 'x' });
    expect(result.connected).toBe(true);
    expect(result.suggestions.map((s) => s.title)).toEqual(['pinned', 'newer', 'older']);
    const first = result.suggestions[0]!;
    expect(first).toEqual({
      itemId: pinned.id,
      captionId: pinned.captions.find((c) => c.network === 'x')!.id,
      network: 'x',
      title: 'pinned',
      text: `Hola!\n\n${pinned.captions.find((c) => c.network === 'x')!.text}\n\n#relay`,
      link: pinned.links.x,
      language: 'en',
      pinned: true,
      shared: false,
    });
    const li = await service(fakeFetch(new Error('no'))).getSuggestions({ network: 'linkedin' });
    expect(li.suggestions[0]!.link).toBe(pinned.links.linkedin);
    expect(li.suggestions[0]!.text).toBe(pinned.captions.find((c) => c.network === 'linkedin')!.text);
  });

  it('puts the employee’s topics first, items already shared on this network last, and prefers their language', async () => {
    const hr = makeItem({
      title: 'hr',
      topics: ['hr'],
      publishAt: '2026-01-01T00:00:00Z',
      captions: [caption('x', 'English'), caption('x', 'Català', 'ca')],
    });
    const eng = makeItem({ title: 'eng', topics: ['engineering'], publishAt: '2026-02-01T00:00:00Z' });
    const done = makeItem({ title: 'done', topics: ['hr'], publishAt: '2026-02-15T00:00:00Z' });
    await db.queue.bulkPut([hr, eng, done].map(toQueueRow));
    await topicsItem.setValue(['hr']);
    await preferredLanguageItem.setValue('ca');
    const s = service(fakeFetch(accepting));
    await s.recordShare({ itemId: done.id, network: 'x', edited: false, sharedAt: new Date(NOW).toISOString() });

    const { suggestions } = await s.getSuggestions({ network: 'x' });
    expect(suggestions.map((x) => [x.title, x.shared])).toEqual([
      ['hr', false],
      ['eng', false],
      ['hr', false],
      ['done', true],
    ]);
    expect(suggestions[0]!.text).toBe('Català');
    // Shared on X does not count as shared on LinkedIn.
    expect((await s.getSuggestions({ network: 'linkedin' })).suggestions.every((x) => !x.shared)).toBe(true);
  });

  it('says when nobody is connected', async () => {
    await fakeBrowser.storage.local.remove('token');
    expect(await service(fakeFetch(new Error('no'))).getSuggestions({ network: 'x' })).toEqual({
      connected: false,
      suggestions: [],
    });
  });
});

describe('recordShare (from a content script)', () => {
  it('stores the share in history and outbox, and delivers it at once', async () => {
    const item = makeItem({ title: 'Our report' });
    await db.queue.put(toQueueRow(item));
    const fetch = fakeFetch(accepting);
    const captionId = item.captions[1]!.id;
    const result = await service(fetch).recordShare({
      itemId: item.id,
      captionId,
      network: 'x',
      edited: true,
      sharedAt: '2026-03-01T12:59:00+01:00',
    });
    expect(result).toMatchObject({ ok: true });
    const id = result.ok ? result.id : '';
    expect(await db.history.get(id)).toMatchObject({
      itemId: item.id,
      captionId,
      network: 'x',
      edited: true,
      title: 'Our report',
      employeeId: employee.id,
      sharedAt: '2026-03-01T11:59:00.000Z',
    });

    await vi.waitFor(async () => expect((await db.history.get(id))!.state).toBe('synced'));
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/shares');
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({
      shares: [{ id, itemId: item.id, captionId, network: 'x', edited: true, sharedAt: '2026-03-01T11:59:00.000Z' }],
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the share and sets the outbox alarm when the server is away', async () => {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const fetch = fakeFetch(problem(503, 'Unavailable', 'later'));
    const result = await service(fetch).recordShare({
      itemId: item.id,
      network: 'linkedin',
      edited: false,
      sharedAt: new Date(NOW).toISOString(),
    });
    expect(result.ok).toBe(true);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeDefined());
    const row = (await db.outbox.toArray())[0]!;
    expect((await fakeBrowser.alarms.get(FLUSH_ALARM))!.scheduledTime).toBe(row.nextAttemptAt);
    expect(row.nextAttemptAt).toBeGreaterThan(NOW);
  });

  it('accepts an item known only from the history (it left the queue since)', async () => {
    const item = makeItem({ title: 'Gone from the queue' });
    await db.queue.put(toQueueRow(item));
    const s = service(fakeFetch(accepting));
    await s.recordShare({ itemId: item.id, network: 'x', edited: false, sharedAt: new Date(NOW).toISOString() });
    await db.queue.clear();
    const again = await s.recordShare({
      itemId: item.id,
      network: 'linkedin',
      edited: false,
      sharedAt: new Date(NOW).toISOString(),
    });
    expect(again.ok).toBe(true);
    expect((await db.history.toArray()).map((r) => r.title)).toEqual(['Gone from the queue', 'Gone from the queue']);
  });

  it('refuses an unknown item or an implausible time, and stores nothing', async () => {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const fetch = fakeFetch(accepting);
    const s = service(fetch);
    const at = (ms: number) => new Date(ms).toISOString();
    expect(
      await s.recordShare({ itemId: crypto.randomUUID(), network: 'x', edited: false, sharedAt: at(NOW) }),
    ).toEqual({
      ok: false,
      message: 'Relay does not know this item.',
    });
    for (const when of [NOW - SHARE_MAX_AGE_MS - 1000, NOW + 60 * 60_000]) {
      expect(await s.recordShare({ itemId: item.id, network: 'x', edited: false, sharedAt: at(when) })).toMatchObject({
        ok: false,
      });
    }
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(fetch.requests).toHaveLength(0);
  });

  it('drops a caption id that is not one of the item’s captions for that network', async () => {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const linkedInCaption = item.captions.find((c) => c.network === 'linkedin')!.id;
    const result = await service(fakeFetch(accepting)).recordShare({
      itemId: item.id,
      captionId: linkedInCaption,
      network: 'x',
      edited: false,
      sharedAt: new Date(NOW).toISOString(),
    });
    expect(result.ok).toBe(true);
    expect((await db.history.toArray())[0]!.captionId).toBeUndefined();
  });
});

describe('flush triggers', () => {
  /** An X share of a new queue item, recorded now; returns its id. */
  async function shareNewItem(s: ReturnType<typeof service>): Promise<string> {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const r = await s.recordShare({
      itemId: item.id,
      network: 'x',
      edited: false,
      sharedAt: new Date(NOW).toISOString(),
    });
    return r.ok ? r.id : '';
  }

  async function pendingShare(s: ReturnType<typeof service>) {
    const id = await shareNewItem(s);
    await vi.waitFor(async () => expect((await db.outbox.toArray())[0]?.attempts).toBe(1));
    // That first flush is over once it let go of the lease; a flush asked for before would join it.
    await vi.waitFor(async () => expect(await db.getMeta('outboxLease')).toBeUndefined());
    return id;
  }

  it('syncNow (the popup opened) delivers waiting shares whatever their backoff', async () => {
    let answer: (req: RecordedRequest) => Response = () => problem(503, 'Unavailable', 'later');
    const fetch = fakeFetch((req) => answer(req));
    const s = service(fetch);
    const id = await pendingShare(s);
    answer = (req) => (req.url.endsWith('/v1/queue') ? json(queueBody([])) : accepting(req));
    await s.handlers.syncNow(undefined, {} as never);
    expect((await db.history.get(id))!.state).toBe('synced');
    expect(fetch.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/v1/shares',
      '/v1/queue',
      '/v1/site-profiles',
      '/v1/policy',
      '/v1/me/reach',
      '/v1/shares',
    ]);
  });

  it('the outbox alarm delivers what is due', async () => {
    let answer: (req: RecordedRequest) => Response = () => problem(503, 'Unavailable', 'later');
    const s = service(fakeFetch((req) => answer(req)));
    const id = await pendingShare(s);
    answer = accepting;
    // Not due yet at NOW…
    expect(await s.flush()).toEqual({ outcome: 'idle', sent: 0 });
    // …due when the alarm fires.
    const later = createRelayService({ db: () => db, fetch: fakeFetch(accepting), now: () => NOW + 24 * 3_600_000 });
    expect(await later.flush()).toEqual({ outcome: 'sent', sent: 1 });
    expect((await db.history.get(id))!.state).toBe('synced');
    expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeUndefined();
  });

  it('connecting again delivers shares held back by a 401', async () => {
    const fetch = fakeFetch((req) => {
      if (req.url.endsWith('/v1/auth/redeem')) return json({ token: 'tok-2', employee });
      if (req.url.endsWith('/v1/queue')) return json(queueBody([]));
      return req.headers.get('Authorization') === 'Bearer tok-2'
        ? accepting(req)
        : problem(401, 'Unauthorized', 'revoked');
    });
    const s = service(fetch);
    const id = await shareNewItem(s);
    await vi.waitFor(() => expect(fetch.requests).toHaveLength(1));
    expect(await db.outbox.get(id)).toMatchObject({ attempts: 0 });
    await employeeItem.setValue(employee);
    await s.connect({ serverUrl: 'http://127.0.0.1:8787', code: 'again' });
    expect((await db.history.get(id))!.state).toBe('synced');
  });
});
