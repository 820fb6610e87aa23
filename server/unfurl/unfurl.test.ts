import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Unfurl } from '../../lib/contract/unfurl';
import { expectProblem, harness, type Harness } from '../test-support';

let pages: Server;
let origin: string;
/** Requests to /held, unanswered until a test answers them. */
const held: ServerResponse[] = [];
beforeAll(async () => {
  pages = createServer((req, res) => {
    if (req.url === '/held') {
      held.push(res);
    } else if (req.url === '/post') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        '<head><meta property="og:title" content="Launch day"><meta property="og:description" content="We shipped."><meta property="og:image" content="/cover.png"></head>',
      );
    } else {
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      res.end('%PDF');
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => pages.close(resolve)));

let h: Harness;
afterEach(() => h.close());

const unfurl = (url: unknown, token?: string) =>
  token
    ? h.as(token, '/v1/admin/unfurl', { method: 'POST', json: { url } })
    : h.admin('/v1/admin/unfurl', { method: 'POST', json: { url } });

describe('POST /v1/admin/unfurl', () => {
  it('answers the page preview for an admin (fetcher allowed to reach the local page server)', async () => {
    h = await harness({ unfurl: { allowedRanges: ['127.0.0.0/8'], allowAnyPort: true } });
    const res = await unfurl(`${origin}/post`);
    expect(res.status).toBe(200);
    expect(Unfurl.parse(await res.json())).toEqual({
      url: `${origin}/post`,
      title: 'Launch day',
      description: 'We shipped.',
      imageUrl: `${origin}/cover.png`,
    });
  });

  it('refuses the same local page with the production fetcher: 422, never a 5xx', async () => {
    h = await harness();
    const body = await expectProblem(await unfurl(`${origin}/post`), 422);
    expect(body.type).toBe('urn:relay:problem:unfurl-refused');
    expect(body.detail).toMatch(/port \d+; only ports 80 and 443/);
    const viaPort80 = await expectProblem(await unfurl('http://127.0.0.1/post'), 422);
    expect(viaPort80.detail).toMatch(/127\.0\.0\.1, a loopback address/);
  });

  it('answers 422 "could not be fetched" for a page that is not HTML', async () => {
    h = await harness({ unfurl: { allowedRanges: ['127.0.0.0/8'], allowAnyPort: true } });
    const body = await expectProblem(await unfurl(`${origin}/file.pdf`), 422);
    expect(body).toMatchObject({
      type: 'urn:relay:problem:unfurl-failed',
      detail: 'the page could not be fetched: it is not a web page (application/pdf)',
    });
  });

  it('validates the body: a URL of another scheme or no URL is 422 naming the field', async () => {
    h = await harness();
    for (const url of ['ftp://example.com/x', 'not a url', 42]) {
      const body = await expectProblem(await unfurl(url), 422);
      expect(body.errors?.[0]?.path).toBe('url');
    }
  });

  it('answers 503 with Retry-After, as a problem, while the server fetches as many pages as it allows', async () => {
    h = await harness({
      unfurl: { allowedRanges: ['127.0.0.0/8'], allowAnyPort: true, maxConcurrent: 1, maxQueued: 0 },
    });
    const first = unfurl(`${origin}/held`);
    await expect.poll(() => held.length).toBe(1);
    const res = await unfurl(`${origin}/post`);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await expectProblem(res, 503);
    expect(body).toMatchObject({
      type: 'urn:relay:problem:unfurl-busy',
      detail: 'this server fetches at most 1 page at once and is busy; try again in 5 s',
    });
    held.pop()!.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>At last</title>');
    expect(await (await first).json()).toMatchObject({ title: 'At last' });
    expect((await unfurl(`${origin}/post`)).status).toBe(200);
  });

  it('is for admins only', async () => {
    h = await harness();
    const employee = await h.employee('Ana');
    await expectProblem(await unfurl('https://example.com/', employee.token), 403);
    await expectProblem(await h.request('/v1/admin/unfurl', { method: 'POST' }), 401);
  });
});
