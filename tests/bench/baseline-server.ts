/**
 * Baselines for `npm run bench`: servers that answer what the Relay backend answers on its hot paths,
 * with no work at all. Each runs as its own process (like the backend), so the load generator never
 * shares a thread with the server it measures.
 *
 * MODE=node (default): a bare node:http server, the practical ceiling for Node on this machine.
 * MODE=hono: the same answers from a Hono app on @hono/node-server (what the backend is built on), to
 *            tell the framework's share of the cost from the application's (BENCH_HONO=1).
 *
 * env: PORT; LOCATION (the Location of the 302 for /r/*); ETAG (answered with 304 on /v1/queue when
 * If-None-Match matches).
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT);
const location = process.env.LOCATION ?? 'https://example.com/';
const etag = process.env.ETAG ?? '"baseline"';

function bareNode() {
  return createServer((req, res) => {
    if (req.url?.startsWith('/r/')) {
      res.writeHead(302, { location, 'content-length': '0' });
      res.end();
    } else if (req.url?.startsWith('/v1/queue') && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
    } else if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
    } else {
      res.writeHead(404, { 'content-length': '0' });
      res.end();
    }
  }).listen(port, '127.0.0.1');
}

function bareHono() {
  const app = new Hono();
  app.get('/r/:code', (c) => c.redirect(location, 302));
  app.get('/v1/queue', (c) =>
    c.req.header('if-none-match') === etag ? c.body(null, 304, { etag }) : c.json({}, 200, { etag }),
  );
  app.get('/health', (c) => c.text('ok'));
  return serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
}

const server = process.env.MODE === 'hono' ? bareHono() : bareNode();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
