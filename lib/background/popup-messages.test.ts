import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRelayService } from './service';
import { toQueueRow, type RelayDb } from '../db';
import { FLUSH_ALARM } from '../outbox';
import { saveConnection } from '../settings';
import { fakeFetch, freshDb, json, makeItem, problem, type RecordedRequest } from '../test-support';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const employee = { id: '0190a000-0000-7000-8000-0000000000bb', name: 'Aiko Tanaka', role: 'employee' as const };
let db: RelayDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
});

function service(fetch: ReturnType<typeof fakeFetch>) {
  return createRelayService({ db: () => db, fetch, now: () => NOW, random: () => 0.5 });
}
const sentIds = (req: RecordedRequest) =>
  (JSON.parse(req.body!) as { shares: Array<{ id: string }> }).shares.map((s) => s.id);
const accepting = (req: RecordedRequest) => json({ accepted: sentIds(req), duplicates: [] });

describe('recordPopupShare', () => {
  it('stores history (with the text as sent) and outbox under a UUIDv7, then delivers it once at once', async () => {
    const item = makeItem({ title: '日本語のお知らせ' });
    await db.queue.put(toQueueRow(item));
    const fetch = fakeFetch(accepting);
    const captionId = item.captions.find((c) => c.network === 'x')!.id;
    const text = `Mine first.\n\nX words 🎉 ${item.links.x}`;
    const result = await service(fetch).recordPopupShare({
      itemId: item.id,
      captionId,
      network: 'x',
      edited: true,
      text,
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await db.history.get(id)).toMatchObject({
      itemId: item.id,
      captionId,
      network: 'x',
      edited: true,
      text,
      title: '日本語のお知らせ',
      employeeId: employee.id,
      sharedAt: new Date(NOW).toISOString(),
    });
    await vi.waitFor(async () => expect((await db.history.get(id))!.state).toBe('synced'));
    expect(fetch.requests).toHaveLength(1);
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({
      shares: [{ id, itemId: item.id, captionId, network: 'x', edited: true, sharedAt: new Date(NOW).toISOString() }],
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('flushes at once even when the outbox is backing off, and keeps the share when the server is away', async () => {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const s = service(fakeFetch(problem(503, 'Unavailable', 'later')));
    await s.recordPopupShare({
      itemId: item.id,
      network: 'linkedin',
      edited: false,
      text: `Hi ${item.links.linkedin}`,
    });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeDefined());
    const first = (await db.outbox.toArray())[0]!;
    expect(first.nextAttemptAt).toBeGreaterThan(NOW);
    // A second share while the first waits out its backoff: both go now (forced flush).
    const fetch = fakeFetch(accepting);
    await service(fetch).recordPopupShare({ itemId: item.id, network: 'x', edited: false, text: `Hi ${item.links.x}` });
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(fetch.requests.flatMap(sentIds)).toHaveLength(2);
  });

  it('refuses an item that is not cached, and drops a caption id that is not the item’s for that network', async () => {
    const item = makeItem();
    await db.queue.put(toQueueRow(item));
    const s = service(fakeFetch(accepting));
    const missing = await s.recordPopupShare({ itemId: crypto.randomUUID(), network: 'x', edited: false, text: 'x' });
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/no longer in your queue/) });
    expect(await db.history.count()).toBe(0);

    const linkedinCaption = item.captions.find((c) => c.network === 'linkedin')!.id;
    const r = await s.recordPopupShare({
      itemId: item.id,
      captionId: linkedinCaption,
      network: 'x',
      edited: false,
      text: 'x',
    });
    const row = await db.history.get(r.ok ? r.id : '');
    expect(row).toBeDefined();
    expect(row!.captionId).toBeUndefined();
  });
});

describe('suggestPage', () => {
  it('posts the page and note to /v1/suggestions with the token, and says when it was already there', async () => {
    const suggestion = {
      id: '0190a000-0000-7000-8000-0000000000c1',
      url: 'https://example.com/post',
      note: 'Great read',
      status: 'open',
      suggestedBy: { id: employee.id, name: employee.name },
      createdAt: '2026-03-01T12:00:00.000Z',
      decidedAt: null,
      itemId: null,
    };
    const fetch = fakeFetch(json(suggestion, { status: 201 }), json(suggestion, { status: 200 }));
    const s = service(fetch);
    expect(await s.suggestPage({ url: 'https://example.com/post', note: 'Great read' })).toEqual({
      ok: true,
      alreadySuggested: false,
    });
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/suggestions');
    expect(fetch.requests[0]!.method).toBe('POST');
    expect(fetch.requests[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(fetch.requests[0]!.body!)).toEqual({ url: 'https://example.com/post', note: 'Great read' });
    expect(await s.suggestPage({ url: 'https://example.com/post' })).toEqual({ ok: true, alreadySuggested: true });
  });

  it('refuses a non-web address without calling the server, and reports the server’s refusal', async () => {
    const fetch = fakeFetch(problem(422, 'Invalid suggestion', 'url: must be public'));
    const s = service(fetch);
    expect(await s.suggestPage({ url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/web pages/),
    });
    expect(fetch.requests).toHaveLength(0);
    const refused = await s.suggestPage({ url: 'https://example.com/' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/must be public/) });
  });

  it('says so when nobody is connected', async () => {
    await fakeBrowser.storage.local.clear();
    const fetch = fakeFetch(new Error('must not be called'));
    expect(await service(fetch).suggestPage({ url: 'https://example.com/' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not connected/),
    });
    expect(fetch.requests).toHaveLength(0);
  });
});
