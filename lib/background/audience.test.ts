import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRelayService } from './service';
import { messageAudience, messageSchemas } from '../messaging/schemas';
import { audienceItem, saveConnection } from '../settings';
import { fakeFetch, freshDb, json, problem } from '../test-support';

const employee = { id: crypto.randomUUID(), name: 'Olu Adeyemi', role: 'employee' as const };
const me = (linkedin: number, x: number) => ({
  ...employee,
  audience: { linkedin, x },
  audienceIsDefault: { linkedin: false, x: false },
});

beforeEach(() => fakeBrowser.reset());

function service(fetch: ReturnType<typeof fakeFetch>) {
  const db = freshDb();
  return createRelayService({ db: () => db, fetch });
}

describe('updateAudience', () => {
  it('stores the figures and sends them with PATCH /v1/me', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const fetch = fakeFetch(json(me(1200, 772)));
    expect(await service(fetch).updateAudience({ linkedin: 1200, x: null })).toEqual({ ok: true, sent: true });
    expect(await audienceItem.getValue()).toEqual({ linkedin: 1200, x: null });
    const req = fetch.requests[0]!;
    expect(req.method).toBe('PATCH');
    expect(req.url).toBe('http://127.0.0.1:8787/v1/me');
    expect(req.headers.get('Authorization')).toBe('Bearer tok');
    // null asks the server for the benchmark default.
    expect(JSON.parse(req.body!)).toEqual({ audience: { linkedin: 1200, x: null } });
  });

  it('keeps the figures locally and says why when the server refuses or cannot be reached', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const refused = await service(fakeFetch(problem(422, 'Invalid request', 'audience.x: too big'))).updateAudience({
      linkedin: 5,
      x: 6,
    });
    expect(refused).toEqual({
      ok: true,
      sent: false,
      message: 'Saved on this computer, but not sent to the server: audience.x: too big',
    });
    const offline = await service(fakeFetch(new TypeError('Failed to fetch'))).updateAudience({ linkedin: 7, x: 8 });
    expect(offline).toMatchObject({ ok: true, sent: false });
    expect(offline.ok && !offline.sent && offline.message).toContain("Can't reach the server");
    expect(await audienceItem.getValue()).toEqual({ linkedin: 7, x: 8 });
  });

  it('refuses an answer that breaks the contract', async () => {
    await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
    const result = await service(fakeFetch(json({ id: 'nope' }))).updateAudience({ linkedin: 5, x: 6 });
    expect(result).toMatchObject({ ok: true, sent: false });
  });

  it('only from extension pages, with whole non-negative numbers or null', () => {
    expect(messageAudience.updateAudience).toBe('page');
    const schema = messageSchemas.updateAudience;
    expect(schema.safeParse({ linkedin: 459, x: null }).success).toBe(true);
    expect(schema.safeParse({ linkedin: -1, x: null }).success).toBe(false);
    expect(schema.safeParse({ linkedin: 1.5, x: null }).success).toBe(false);
    expect(schema.safeParse({ linkedin: 1, x: 2, token: 't' }).success).toBe(false);
  });
});
