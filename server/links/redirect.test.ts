import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, expectProblem, harness, testDatabaseTarget, type Harness } from '../test-support';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/**
 * Every case runs twice: in-process through the app, and over HTTP through the server main.ts builds, where
 * a code already in memory is answered by the node:http shortcut and never reaches the app. Both must agree.
 */
describe.each([
  ['in the app', false],
  ['served on node:http', true],
])('GET /r/:code %s', (_, served) => {
  let h: Harness;
  let send: Harness['request'];
  let ana: { token: string; id: string };
  let itemId: string;
  let links: { linkedin: string; x: string };
  beforeEach(async () => {
    h = await harness({ served });
    send = h.request;
    ana = await h.employee();
    itemId = (await h.createItem({ url: 'https://example.com/jobs?team=payments#apply', campaign: 'Hiring-Q4' })).id;
    links = (await h.queue(ana.token)).body!.items[0]!.links;
  });
  afterEach(() => h.close());

  const path = (link: string) => new URL(link).pathname;
  const click = (link: string, headers: Record<string, string> = { 'User-Agent': BROWSER }, method = 'GET') =>
    send(path(link), { method, headers });
  const clickRows = async () => {
    await h.flushClicks();
    return h.database.db.selectFrom('clicks').selectAll().orderBy('id').execute();
  };
  const countClicks = async (of: Harness = h) =>
    Number(
      (
        await of.database.db
          .selectFrom('clicks')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("redirects 302, uncached, to the stored URL with UTM tags and the page's own query kept", async () => {
    const res = await click(links.x);
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://example.com/jobs');
    expect(location.hash).toBe('#apply');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      team: 'payments',
      utm_source: 'twitter',
      utm_medium: 'social',
      utm_campaign: 'hiring-q4',
      utm_content: itemId,
    });
    const li = new URL((await click(links.linkedin)).headers.get('location')!);
    expect(li.searchParams.get('utm_source')).toBe('linkedin');
  });

  it('records code, employee, item, network and time, and nothing about the visitor', async () => {
    await click(links.linkedin, { 'User-Agent': BROWSER, 'X-Forwarded-For': '203.0.113.9' });
    const rows = await clickRows();
    expect(rows).toEqual([
      {
        id: 1,
        code: path(links.linkedin).slice(3),
        employee_id: ana.id,
        item_id: itemId,
        network: 'linkedin',
        clicked_at: h.clock.now,
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Mozilla|203\.0\.113/);
    const visitors = await h.database.db
      .withTables<{ click_visitors: { visitor: number; counted_at: number } }>()
      .selectFrom('click_visitors')
      .selectAll()
      .execute();
    expect(visitors).toHaveLength(1);
    expect(JSON.stringify(visitors)).not.toMatch(/Mozilla|203\.0\.113/);
  });

  it('buffers clicks in memory until flushed', async () => {
    await click(links.x);
    expect(await countClicks()).toBe(0);
    expect(await h.flushClicks()).toBe(1);
    expect(await countClicks()).toBe(1);
  });

  it('writes a batch by itself once the buffer is full', async () => {
    const small = await harness({ clickBatchSize: 3, served });
    try {
      const emp = await small.employee();
      await small.createItem();
      const link = (await small.queue(emp.token)).body!.items[0]!.links.x;
      for (let i = 0; i < 3; i++)
        await small.request(path(link), { headers: { 'User-Agent': `${BROWSER} visitor/${i}` } });
      await expect.poll(() => countClicks(small)).toBe(3);
    } finally {
      await small.close();
    }
  });

  it('writes buffered clicks on close', async () => {
    const stored = await testDatabaseTarget();
    try {
      const first = await harness({ database: stored.target });
      const emp = await first.employee();
      await first.createItem();
      const link = (await first.queue(emp.token)).body!.items[0]!.links.x;
      await first.request(path(link), { headers: { 'User-Agent': BROWSER } });
      await first.close();
      const again = await harness({ database: stored.target });
      try {
        expect(await countClicks(again)).toBe(1);
      } finally {
        await again.close();
      }
    } finally {
      await stored.remove();
    }
  });

  it('redirects HEAD requests without counting them', async () => {
    const res = await click(links.x, { 'User-Agent': BROWSER }, 'HEAD');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('utm_source=twitter');
    expect(await clickRows()).toHaveLength(0);
  });

  it.each([
    ['LinkedIn', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['X', 'Twitterbot/1.0'],
    ['Facebook', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Slack', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['Discord', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['WhatsApp', 'WhatsApp/2.23.20.0'],
    ['Telegram', 'TelegramBot (like TwitterBot)'],
    ['Skype', 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5'],
    [
      'Apple',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)',
    ],
    ['Google', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['curl', 'curl/8.5.0'],
    ['no user agent', ''],
  ])('redirects %s previews and bots without counting them', async (_, ua) => {
    const res = await click(links.linkedin, ua ? { 'User-Agent': ua } : {});
    expect(res.status).toBe(302);
    expect(await clickRows()).toHaveLength(0);
  });

  it('counts the same visitor once per code within an hour, and again after', async () => {
    const visitor = { 'User-Agent': BROWSER };
    await click(links.x, visitor);
    h.clock.now += HOUR - 1;
    await click(links.x, visitor);
    expect(await clickRows()).toHaveLength(1);
    h.clock.now += 1;
    await click(links.x, visitor);
    expect(await clickRows()).toHaveLength(2);
  });

  it('tells visitors apart by user agent, and by address behind a trusted proxy', async () => {
    await click(links.x, { 'User-Agent': BROWSER });
    await click(links.x, { 'User-Agent': `${BROWSER} Edg/124.0` });
    await click(links.linkedin, { 'User-Agent': BROWSER }); // another code counts separately
    expect(await clickRows()).toHaveLength(3);

    const proxied = await harness({ trustProxy: true, served });
    try {
      const emp = await proxied.employee();
      await proxied.createItem();
      const link = (await proxied.queue(emp.token)).body!.items[0]!.links.x;
      for (const xff of ['198.51.100.1', '198.51.100.2', '10.0.0.1, 198.51.100.2']) {
        await proxied.request(path(link), { headers: { 'User-Agent': BROWSER, 'X-Forwarded-For': xff } });
      }
      await proxied.flushClicks();
      expect(await countClicks(proxied)).toBe(2);
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-For unless told to trust the proxy', async () => {
    await click(links.x, { 'User-Agent': BROWSER, 'X-Forwarded-For': '198.51.100.1' });
    await click(links.x, { 'User-Agent': BROWSER, 'X-Forwarded-For': '198.51.100.2' });
    expect(await clickRows()).toHaveLength(1);
  });

  it('answers 404 problems for unknown and malformed codes', async () => {
    await expectProblem(await send('/r/Zz9Zz9Zz9'), 404);
    await expectProblem(await send('/r/bad-code!'), 404);
    await expectProblem(await send('/r/'), 404);
    expect(await clickRows()).toHaveLength(0);
  });

  it('keeps redirecting after the item is deleted, and follows URL edits', async () => {
    await click(links.x);
    await h.admin(`/v1/admin/items/${itemId}`, {
      method: 'PATCH',
      json: { url: 'https://example.org/new', campaign: null },
    });
    const moved = new URL((await click(links.x)).headers.get('location')!);
    expect(moved.origin + moved.pathname).toBe('https://example.org/new');
    expect(moved.searchParams.get('utm_campaign')).toBe('relay');
    await h.admin(`/v1/admin/items/${itemId}`, { method: 'DELETE' });
    expect((await click(links.x)).status).toBe(302);
  });

  it('needs no database read once a code is known', async () => {
    await click(links.x);
    await h.database.db.deleteFrom('links').execute();
    expect((await click(links.x)).status).toBe(302);
  });

  if (served)
    it('answers a code in memory on node:http, with the headers the app gives', async () => {
      const before = h.appRequests;
      const fromApp = await click(links.x);
      expect(h.appRequests - before).toBe(1);
      const shortcut = await click(links.x, { 'User-Agent': `${BROWSER} visitor/2` });
      const head = await click(links.x, {}, 'HEAD');
      const queried = await send(`${path(links.x)}?utm_source=ignored`, { headers: { 'User-Agent': BROWSER } });
      expect(h.appRequests - before).toBe(1);
      // Connection and Keep-Alive are node's choices about the connection, not part of the answer.
      const varying = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);
      const names = (res: Response) => [...res.headers.keys()].filter((n) => !varying.has(n)).sort();
      for (const res of [shortcut, head, queried]) {
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe(fromApp.headers.get('location'));
        expect(names(res)).toEqual(names(fromApp));
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect(await clickRows()).toHaveLength(2);
    });
});
