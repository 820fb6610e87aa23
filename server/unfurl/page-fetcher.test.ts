import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnfurlBusy, UnfurlError } from './fetch-errors';
import { PageFetcher, type PageFetcherOptions } from './page-fetcher';

// A page server on 127.0.0.1. The production fetcher must refuse it (that is the loopback test); the
// happy paths use a fetcher built with the test-only loopback allowance and any port.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const pages = new Map<string, Handler>();
/** Responses the fetcher walked away from before they were complete. */
const abandoned = new Set<string>();
let server: Server;
let origin: string;
let port: number;

const html =
  (body: string, type = 'text/html; charset=utf-8'): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': type });
    res.end(body);
  };
const redirect =
  (location: string, status = 302): Handler =>
  (_req, res) => {
    res.writeHead(status, { Location: location });
    res.end();
  };
/** Sends `head` and then filler forever, until the client goes away. */
const endless =
  (name: string, head: string, filler: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write(head);
    const chunk = filler.repeat(Math.ceil(16_384 / filler.length));
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    res.on('close', () => {
      if (!res.writableFinished) abandoned.add(name);
    });
    pump();
  };

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = pages.get(new URL(req.url!, 'http://x').pathname);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<title>Not found</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const LOOPBACK: PageFetcherOptions = { allowedRanges: ['127.0.0.0/8'], allowAnyPort: true };

async function withFetcher<T>(options: PageFetcherOptions, run: (f: PageFetcher) => Promise<T>): Promise<T> {
  const fetcher = new PageFetcher(options);
  try {
    return await run(fetcher);
  } finally {
    await fetcher.close();
  }
}

async function refusal(options: PageFetcherOptions, url: string): Promise<UnfurlError> {
  return withFetcher(options, async (f) => {
    const error = await f.unfurl(url).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnfurlError);
    return error as UnfurlError;
  });
}

describe('reading a page', () => {
  it('prefers Open Graph, decodes entities, collapses whitespace and resolves a relative image', async () => {
    pages.set(
      '/article',
      html(`<!doctype html><html><head>
      <title>Plain   title</title>
      <meta name="description" content="Plain description">
      <meta property="og:title" content="  Caf&eacute; &amp; &quot;croissants&quot;\n\t at  dawn ">
      <meta property="og:description" content="Fresh&nbsp;bread &#8212; every&#x20;day">
      <meta property="og:image" content="../img/cover.jpg?w=1200&amp;h=630">
      </head><body><h1>Body</h1></body></html>`),
    );
    const got = await withFetcher(LOOPBACK, (f) => f.unfurl(`${origin}/article`));
    expect(got).toEqual({
      url: `${origin}/article`,
      title: 'Café & "croissants" at dawn',
      description: 'Fresh bread — every day',
      imageUrl: `${origin}/img/cover.jpg?w=1200&h=630`,
    });
  });

  it('falls back to the Twitter card, then to <title> and the meta description', async () => {
    pages.set(
      '/twitter',
      html(`<head><meta name="twitter:title" content="Card title"><meta name="twitter:image" content="https://cdn.example.com/a.png">
      <title>Page title</title><meta name="description" content="Meta &lt;b&gt;description&lt;/b&gt;"></head>`),
    );
    pages.set(
      '/plain',
      html(
        '<html><head><title>\n  Just a\n  title &amp; more </title><link rel="image_src" href="/i.png"></head><body></body>',
      ),
    );
    await withFetcher(LOOPBACK, async (f) => {
      expect(await f.unfurl(`${origin}/twitter`)).toMatchObject({
        title: 'Card title',
        description: 'Meta <b>description</b>',
        imageUrl: 'https://cdn.example.com/a.png',
      });
      expect(await f.unfurl(`${origin}/plain`)).toMatchObject({
        title: 'Just a title & more',
        description: null,
        imageUrl: `${origin}/i.png`,
      });
    });
  });

  it('resolves the image against <base href> and drops images that are not http(s)', async () => {
    pages.set(
      '/based',
      html(
        '<head><base href="https://static.example.org/assets/"><meta property="og:image" content="hero.webp"><title>B</title></head>',
      ),
    );
    pages.set(
      '/data-image',
      html(
        '<head><meta property="og:image" content="data:image/png;base64,AAAA"><meta property="og:title" content="D"></head>',
      ),
    );
    await withFetcher(LOOPBACK, async (f) => {
      expect((await f.unfurl(`${origin}/based`)).imageUrl).toBe('https://static.example.org/assets/hero.webp');
      expect((await f.unfurl(`${origin}/data-image`)).imageUrl).toBeNull();
    });
  });

  it('cuts long titles and descriptions to what an item accepts', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    pages.set(
      '/long',
      html(
        `<head><meta property="og:title" content="${words(200)}"><meta property="og:description" content="${words(900)}"></head>`,
      ),
    );
    const got = await withFetcher(LOOPBACK, (f) => f.unfurl(`${origin}/long`));
    expect(got.title!.length).toBeLessThanOrEqual(300);
    expect(got.title!.length).toBeGreaterThan(250);
    expect(got.title).toMatch(/^word0 word1 .* word\d+…$/);
    expect(got.description!.length).toBeLessThanOrEqual(2000);
    expect(got.description).toMatch(/word\d+…$/);
  });

  it('decodes the charset from the header, or from <meta charset> when the header has none', async () => {
    pages.set('/latin1', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=ISO-8859-1' });
      res.end(Buffer.concat([Buffer.from('<head><title>Pa'), Buffer.from([0xe7]), Buffer.from('o</title></head>')]));
    });
    pages.set('/sniffed', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      // 0x92 is a right single quote in windows-1252 only (a control character in ISO-8859-1, invalid UTF-8).
      res.end(
        Buffer.concat([
          Buffer.from('<head><meta charset="windows-1252"><title>Pa'),
          Buffer.from([0xe7]),
          Buffer.from('o d'),
          Buffer.from([0x92]),
          Buffer.from('Arcos</title></head>'),
        ]),
      );
    });
    await withFetcher(LOOPBACK, async (f) => {
      expect((await f.unfurl(`${origin}/latin1`)).title).toBe('Paço');
      expect((await f.unfurl(`${origin}/sniffed`)).title).toBe('Paço d\u2019Arcos');
    });
  });

  it('follows redirects (relative ones too) and reports where it ended', async () => {
    pages.set('/r1', redirect('/r2', 301));
    pages.set('/r2', redirect(`${origin}/landing`, 307));
    pages.set('/landing', html('<head><title>Landed</title></head>'));
    const got = await withFetcher(LOOPBACK, (f) => f.unfurl(`${origin}/r1`));
    expect(got).toMatchObject({ url: `${origin}/landing`, title: 'Landed' });
  });

  it('connects to the address the resolver gave, for a host name', async () => {
    pages.set('/landing', html('<head><title>Landed</title></head>'));
    const got = await withFetcher({ ...LOOPBACK, resolve: async () => [{ address: '127.0.0.1', family: 4 }] }, (f) =>
      f.unfurl(`http://news.example.com:${port}/landing`),
    );
    expect(got).toMatchObject({ url: `http://news.example.com:${port}/landing`, title: 'Landed' });
  });

  it('stops downloading at the end of the head', async () => {
    pages.set(
      '/head-then-forever',
      endless('head-then-forever', '<html><head><title>Short head</title></head><body>', '<p>more text</p>'),
    );
    // No byte cap to speak of: only noticing the end of the head can stop this before the timeout.
    const got = await withFetcher({ ...LOOPBACK, maxBytes: 2 ** 30, timeoutMs: 20_000 }, (f) =>
      f.unfurl(`${origin}/head-then-forever`),
    );
    expect(got.title).toBe('Short head');
    await expect.poll(() => abandoned.has('head-then-forever')).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses the local page server by default: 127.0.0.1 is loopback', async () => {
    pages.set('/ok', html('<head><title>OK</title></head>'));
    const error = await refusal({ allowAnyPort: true }, `${origin}/ok`);
    expect(error.reason).toBe('refused');
    expect(error.message).toMatch(/127\.0\.0\.1.*loopback/);
  });

  it('refuses loopback through a name (localhost), IPv6 and IPv4-mapped IPv6', async () => {
    for (const url of [
      `http://localhost:${port}/ok`,
      `http://[::1]:${port}/ok`,
      `http://[::ffff:127.0.0.1]:${port}/ok`,
      `http://[::ffff:7f00:1]:${port}/ok`,
    ]) {
      const error = await refusal({ allowAnyPort: true }, url);
      expect(error.reason, url).toBe('refused');
      expect(error.message, url).toMatch(/loopback/);
    }
  });

  it('refuses private, link-local, CGNAT, multicast and unspecified literals', async () => {
    const cases: [string, RegExp][] = [
      ['http://10.0.0.1/', /private/],
      ['http://192.168.1.1/', /private/],
      ['http://172.16.5.4/', /private/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://100.64.0.1/', /carrier-grade NAT/],
      ['http://224.0.0.1/', /multicast/],
      ['http://0.0.0.0/', /unspecified/],
      ['http://[fe80::1]/', /link-local/],
      ['http://[fd00::1]/', /unique-local/],
      ['http://[::ffff:10.0.0.1]/', /private/],
      ['http://2130706433/', /loopback/],
    ];
    for (const [url, why] of cases) {
      const error = await refusal({}, url);
      expect(error.reason, url).toBe('refused');
      expect(error.message, url).toMatch(why);
    }
  });

  it('refuses a host name that resolves to a private address (checked at connect time)', async () => {
    let asked = '';
    const error = await refusal(
      { ...LOOPBACK, resolve: async (host) => ((asked = host), [{ address: '10.1.2.3', family: 4 }]) },
      `http://intranet.example.com:${port}/ok`,
    );
    expect(asked).toBe('intranet.example.com');
    expect(error.reason).toBe('refused');
    expect(error.message).toMatch(/intranet\.example\.com resolves to 10\.1\.2\.3, a private address/);
  });

  it('refuses a redirect to a private address, by literal and by name', async () => {
    pages.set('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
    pages.set('/to-name', redirect(`http://internal.example.com:${port}/ok`));
    const resolve = async (host: string) => [
      { address: host === 'internal.example.com' ? '192.168.0.10' : '127.0.0.1', family: 4 },
    ];
    await withFetcher({ ...LOOPBACK, resolve }, async (f) => {
      const literal = await f.unfurl(`${origin}/to-metadata`).catch((e: UnfurlError) => e);
      expect(literal).toMatchObject({
        reason: 'refused',
        message: expect.stringMatching(/redirected to 169\.254\.169\.254, a link-local/),
      });
      const named = await f.unfurl(`${origin}/to-name`).catch((e: UnfurlError) => e);
      expect(named).toMatchObject({
        reason: 'refused',
        message: expect.stringMatching(/internal\.example\.com resolves to 192\.168\.0\.10/),
      });
    });
  });

  it('refuses a redirect to another scheme, and a redirect loop after 5 hops', async () => {
    pages.set('/to-file', redirect('file:///etc/passwd'));
    let hops = 0;
    pages.set('/loop', (_req, res) => {
      hops += 1;
      redirect('/loop')(_req, res);
    });
    await withFetcher(LOOPBACK, async (f) => {
      expect(await f.unfurl(`${origin}/to-file`).catch((e: UnfurlError) => e)).toMatchObject({
        reason: 'refused',
        message: expect.stringMatching(/redirected to a file URL/),
      });
      expect(await f.unfurl(`${origin}/loop`).catch((e: UnfurlError) => e)).toMatchObject({
        reason: 'failed',
        message: expect.stringMatching(/more than 5 redirects/),
      });
      expect(hops).toBe(6);
    });
  });

  it('refuses other schemes, credentials and ports other than 80 and 443', async () => {
    const cases: [string, RegExp][] = [
      ['ftp://example.com/file', /ftp URL/],
      ['file:///etc/passwd', /file URL/],
      ['javascript:alert(1)', /javascript URL/],
      ['data:text/html,<title>x</title>', /data URL/],
      ['gopher://example.com/', /gopher URL/],
      ['https://user:secret@example.com/', /user name or password/],
      ['http://example.com:8080/', /port 8080/],
      ['https://example.com:22/', /port 22/],
      ['not a url', /not a URL/],
    ];
    for (const [url, why] of cases) {
      const error = await refusal({}, url);
      expect(error.reason, url).toBe('refused');
      expect(error.message, url).toMatch(why);
    }
  });
});

describe('pages that cannot be used', () => {
  it('gives up on a slow page after the timeout', async () => {
    pages.set('/silent', () => {}); // never answers
    pages.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><head>');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    await withFetcher({ ...LOOPBACK, timeoutMs: 300 }, async (f) => {
      for (const path of ['/silent', '/trickle']) {
        const error = await f.unfurl(`${origin}${path}`).catch((e: UnfurlError) => e);
        expect(error, path).toMatchObject({
          reason: 'failed',
          message: 'the page could not be fetched: timed out after 300 ms',
        });
      }
    });
  });

  it('reads no more than the byte cap of a page whose head never ends', async () => {
    pages.set(
      '/huge-head',
      endless(
        'huge-head',
        '<html><head><meta property="og:title" content="Huge">',
        '<meta name="filler" content="xxxxxxxxxxxxxxxx">',
      ),
    );
    const got = await withFetcher({ ...LOOPBACK, maxBytes: 64 * 1024, timeoutMs: 20_000 }, (f) =>
      f.unfurl(`${origin}/huge-head`),
    );
    expect(got.title).toBe('Huge');
    await expect.poll(() => abandoned.has('huge-head')).toBe(true);
  });

  it('reads pages sent compressed (gzip, deflate, br), and decompresses no more than the byte cap', async () => {
    const page =
      '<html><head><title>Compressed, café</title><meta property="og:description" content="Smaller on the wire"></head></html>';
    const compressed =
      (encoding: string, body: Buffer): Handler =>
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': encoding });
        res.end(body);
      };
    pages.set('/gz', compressed('gzip', gzipSync(page)));
    pages.set('/deflate', compressed('deflate', deflateSync(page)));
    pages.set('/br', compressed('br', brotliCompressSync(page)));
    // 64 MB of spaces inside the head, about 64 KB on the wire: only the first 64 KB are ever inflated.
    pages.set(
      '/bomb',
      compressed(
        'gzip',
        gzipSync(Buffer.concat([Buffer.from('<head><title>Bomb</title>'), Buffer.alloc(64 * 1024 * 1024, 0x20)])),
      ),
    );
    await withFetcher({ ...LOOPBACK, maxBytes: 64 * 1024 }, async (f) => {
      for (const path of ['/gz', '/deflate', '/br']) {
        expect(await f.unfurl(`${origin}${path}`), path).toMatchObject({
          title: 'Compressed, café',
          description: 'Smaller on the wire',
        });
      }
      expect((await f.unfurl(`${origin}/bomb`)).title).toBe('Bomb');
    });
  });

  it('refuses what is not an HTML page, error statuses, encodings it cannot read and damaged compressed bodies', async () => {
    pages.set('/report.pdf', html('%PDF-1.7', 'application/pdf'));
    pages.set('/json', html('{"title":"no"}', 'application/json'));
    pages.set('/untyped', (_req, res) => res.end('<title>?</title>'));
    pages.set('/damaged', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
      res.end(Buffer.concat([gzipSync('<title>Cut</title>').subarray(0, 12), Buffer.from('not gzip at all')]));
    });
    pages.set('/zstd', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'zstd' });
      res.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    });
    const cases: [string, RegExp][] = [
      ['/report.pdf', /not a web page \(application\/pdf\)/],
      ['/json', /not a web page \(application\/json\)/],
      ['/untyped', /no Content-Type/],
      ['/missing', /answered 404/],
      ['/damaged', /compressed \(gzip\) body is damaged/],
      ['/zstd', /encoding Relay does not read \(zstd\)/],
    ];
    await withFetcher(LOOPBACK, async (f) => {
      for (const [path, why] of cases) {
        const error = (await f.unfurl(`${origin}${path}`).catch((e: unknown) => e)) as UnfurlError;
        expect(error, path).toBeInstanceOf(UnfurlError);
        expect(error.message, path).toMatch(why);
        expect(error.message, path).toMatch(/^the page could not be fetched: /);
      }
    });
  });

  it('says so when nothing listens or the name does not exist', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const missing = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    await withFetcher({ ...LOOPBACK, resolve: async () => Promise.reject(missing) }, async (f) => {
      expect(await f.unfurl(`http://127.0.0.1:${freePort}/`).catch((e: UnfurlError) => e)).toMatchObject({
        reason: 'failed',
        message: 'the page could not be fetched: the connection was refused',
      });
      expect(await f.unfurl('https://nowhere.invalid/').catch((e: UnfurlError) => e)).toMatchObject({
        reason: 'failed',
        message: 'the page could not be fetched: the host name does not exist',
      });
    });
  });
});

describe('fetches at once', () => {
  /** Requests the page server holds unanswered, by path, until a test answers them. */
  const held: { path: string; res: ServerResponse }[] = [];
  const answer = (path: string) => {
    const i = held.findIndex((h) => h.path === path);
    expect(i, `${path} reached the page server`).toBeGreaterThanOrEqual(0);
    const { res } = held.splice(i, 1)[0]!;
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<head><title>${path}</title></head>`);
  };
  const arrived = () => held.map((h) => h.path).sort();
  for (const n of [1, 2, 3, 4, 5])
    pages.set(`/held-${n}`, (req, res) => void held.push({ path: new URL(req.url!, 'http://x').pathname, res }));

  it('runs at most maxConcurrent, lines up maxQueued more in order and answers UnfurlBusy beyond', async () => {
    await withFetcher({ ...LOOPBACK, maxConcurrent: 2, maxQueued: 2, timeoutMs: 20_000 }, async (f) => {
      const settled: string[] = [];
      const asked = [1, 2, 3, 4].map((n) =>
        f.unfurl(`${origin}/held-${n}`).then((u) => (settled.push(u.title!), u.title)),
      );
      await expect.poll(arrived).toEqual(['/held-1', '/held-2']);

      const busy = await f.unfurl(`${origin}/held-5`).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(UnfurlBusy);
      expect(busy).toMatchObject({ running: 2, retryAfterSeconds: 20 });
      // A URL refused outright is answered as such, without waiting for a slot.
      expect(await f.unfurl('http://10.0.0.1/').catch((e: unknown) => e)).toMatchObject({ reason: 'refused' });

      answer('/held-2');
      await expect.poll(arrived).toEqual(['/held-1', '/held-3']); // the first in line, not the last
      answer('/held-1');
      await expect.poll(arrived).toEqual(['/held-3', '/held-4']);
      answer('/held-4');
      answer('/held-3');
      expect(await Promise.all(asked)).toEqual(['/held-1', '/held-2', '/held-3', '/held-4']);
      expect(settled).toEqual(['/held-2', '/held-1', '/held-4', '/held-3']);
      expect(held).toEqual([]);
    });
  });

  it('gives the slot back when a fetch fails, and starts the deadline only once the fetch starts', async () => {
    await withFetcher({ ...LOOPBACK, maxConcurrent: 1, maxQueued: 1, timeoutMs: 2000 }, async (f) => {
      for (let i = 0; i < 3; i++)
        await expect(f.unfurl(`${origin}/missing`)).rejects.toMatchObject({ reason: 'failed' });
      const first = f.unfurl(`${origin}/held-1`).catch((e: unknown) => e);
      await expect.poll(arrived).toEqual(['/held-1']);
      const second = f.unfurl(`${origin}/held-2`).catch((e: unknown) => e);
      await expect(f.unfurl(`${origin}/held-3`)).rejects.toBeInstanceOf(UnfurlBusy);
      // The first fetch runs out of time; the second, waiting all that while, still gets its own second.
      expect(await first).toMatchObject({
        reason: 'failed',
        message: 'the page could not be fetched: timed out after 2 s',
      });
      await expect.poll(arrived).toEqual(['/held-1', '/held-2']);
      answer('/held-2');
      expect(await second).toMatchObject({ title: '/held-2' });
      held.splice(0).forEach((h) => h.res.destroy());
    });
  });
});
