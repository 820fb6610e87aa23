import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './test-support';

// Two instances of the app on one database, as behind a load balancer: each keeps link targets, sessions
// and the queue's version in memory, and must still behave as one service.

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
/** What "within 5 s" allows; the caches follow the shared sequences, read about once a second. */
const PROPAGATION = { timeout: 5000, interval: 50 };

let dir: string;
let a: Harness;
let b: Harness;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-instances-'));
  const file = join(dir, 'relay.db');
  a = await harness({ database: file });
  b = await harness({ database: file });
});
afterEach(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

const etagOn = async (h: Harness, token: string) => {
  const { res } = await h.queue(token);
  expect(res.status).toBe(200);
  return res.headers.get('etag');
};
const countClicks = async () =>
  Number(
    (
      await a.database.db
        .selectFrom('clicks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('two instances on one database', () => {
  it('give the same ETag for the same queue, also after an edit on one of them', async () => {
    const ana = await a.employee();
    const item = await a.createItem({ title: 'First' });
    await a.createItem({ title: 'Scheduled', publishAt: new Date(a.clock.now + 3_600_000).toISOString() });
    const tag = await etagOn(a, ana.token);
    expect(await etagOn(b, ana.token)).toBe(tag);
    expect((await b.queue(ana.token, '', { 'If-None-Match': tag! })).res.status).toBe(304);

    await a.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { title: 'Edited' } });
    const edited = await etagOn(a, ana.token);
    expect(edited).not.toBe(tag);
    await expect.poll(() => etagOn(b, ana.token), PROPAGATION).toBe(edited);
  });

  it('count a visitor who clicks on one instance and then on the other once', async () => {
    const ana = await a.employee();
    await a.createItem();
    const link = new URL((await a.queue(ana.token)).body!.items[0]!.links.x).pathname;
    const visitor = { headers: { 'User-Agent': BROWSER } };
    expect((await a.request(link, visitor)).status).toBe(302);
    expect(await a.flushClicks()).toBe(1);
    b.clock.now = a.clock.now + 60_000;
    expect((await b.request(link, visitor)).status).toBe(302);
    expect(await b.flushClicks()).toBe(0);
    // An hour later, the same visitor on both before either writes: the first write counts it. (The writes
    // run one after the other: two SQLite connections in one thread cannot wait for each other's lock.)
    a.clock.now += 3_600_000;
    b.clock.now = a.clock.now;
    await Promise.all([a.request(link, visitor), b.request(link, visitor)]);
    expect(await b.flushClicks()).toBe(1);
    expect(await a.flushClicks()).toBe(0);
    expect(await countClicks()).toBe(2);
  });

  it("send readers to an item's new URL on every instance within 5 s", async () => {
    const ana = await a.employee();
    const item = await a.createItem({ url: 'https://example.com/old' });
    const link = new URL((await a.queue(ana.token)).body!.items[0]!.links.linkedin).pathname;
    const target = async (h: Harness) =>
      new URL((await h.request(link, { method: 'HEAD' })).headers.get('location')!).pathname;
    expect(await target(b)).toBe('/old');
    await a.admin(`/v1/admin/items/${item.id}`, { method: 'PATCH', json: { url: 'https://example.com/new' } });
    expect(await target(a)).toBe('/new');
    await expect.poll(() => target(b), PROPAGATION).toBe('/new');
  });

  it("refuse a deactivated person's token on every instance within 5 s", async () => {
    const bea = await a.employee('Bea');
    expect((await b.as(bea.token, '/v1/me')).status).toBe(200);
    const res = await a.admin(`/v1/admin/employees/${bea.id}`, { method: 'PATCH', json: { active: false } });
    expect(res.status).toBe(200);
    expect((await a.as(bea.token, '/v1/me')).status).toBe(401);
    await expect.poll(async () => (await b.as(bea.token, '/v1/me')).status, PROPAGATION).toBe(401);
  });

  it('refuse a signed-out token on every instance within 5 s', async () => {
    const cai = await a.employee('Cai');
    expect((await b.as(cai.token, '/v1/me')).status).toBe(200);
    expect((await a.as(cai.token, '/v1/auth/sign-out', { method: 'POST' })).status).toBe(204);
    await expect.poll(async () => (await b.as(cai.token, '/v1/me')).status, PROPAGATION).toBe(401);
  });

  it('apply a role change on every instance within 5 s', async () => {
    const dan = await a.employee('Dan');
    expect((await b.as(dan.token, '/v1/admin/employees')).status).toBe(403);
    expect((await a.admin(`/v1/admin/employees/${dan.id}`, { method: 'PATCH', json: { role: 'admin' } })).status).toBe(
      200,
    );
    await expect.poll(async () => (await b.as(dan.token, '/v1/admin/employees')).status, PROPAGATION).toBe(200);
  });

  it('record a share batch sent to both instances at once once', async () => {
    const ana = await a.employee();
    const item = await a.createItem();
    const sharedAt = new Date(a.clock.now).toISOString();
    const shares = Array.from({ length: 30 }, (_, i) => ({
      id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      itemId: item.id,
      network: 'linkedin',
      sharedAt,
    }));
    const send = (h: Harness) => h.as(ana.token, '/v1/shares', { method: 'POST', json: { shares } });
    const [fromA, fromB] = await Promise.all([send(a), send(b)]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    const answers = (await Promise.all([fromA.json(), fromB.json()])) as { accepted: string[]; duplicates: string[] }[];
    expect(answers[0]!.accepted.length + answers[1]!.accepted.length).toBe(shares.length);
    const rows = await a.database.db
      .selectFrom('shares')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(shares.length);
  });
});
