/**
 * Baselines for `npm run bench`: servers that answer what the Relay backend answers on its hot paths,
 * with no work at all. Each runs as its own process (like the backend), so the load generator never
 * shares a thread with the server it measures.
 *
 * MODE=node (default): a bare node:http server, the practical ceiling for Node on this machine.
 * MODE=hono: the same answers from a Hono app on @hono/node-server (what the backend is built on), to
 *            tell the framework's share of the cost from the application's (BENCH_HONO=0 leaves it out).
 * MODE=hono-logged: that Hono app served as the backend serves its own (server/http/node-listener.ts: request
 *            ids, nosniff and one JSON access line per request on stdout, LOG_LEVEL info): the access log's share.
 * MODE=node-logged: the same fixed answers written on node:http by a shortcut, as the backend answers a known
 *            link and an unchanged queue, inside the same request ids, nosniff and access line: what every
 *            request costs before Relay does any work of its own (the floor its budgets are held against).
 *
 * env: PORT; LOCATION (the Location of the 302 for /r/*); ETAG (answered with 304 on /v1/queue when
 * If-None-Match matches).
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { appServer, type NodeShortcut } from '../../server/http/node-listener';
import { createLog } from '../../server/log/logger';

const port = Number(process.env.PORT);
const location = process.env.LOCATION ?? 'https://example.com/';
const etag = process.env.ETAG ?? '"baseline"';

/** The 302 and 304 with no work: the bare server's answers, and the logged one's shortcut. */
const fixedAnswers: NodeShortcut = (req, res) => {
  if (req.url?.startsWith('/r/')) {
    res.writeHead(302, { location, 'content-length': '0' });
    res.end();
    return '/r/:code';
  }
  if (req.url === '/v1/queue' && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return '/v1/queue';
  }
  return undefined;
};

function bareNode() {
  return createServer((req, res) => {
    if (fixedAnswers(req, res) !== undefined) return;
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
    } else {
      res.writeHead(404, { 'content-length': '0' });
      res.end();
    }
  }).listen(port, '127.0.0.1');
}

function honoApp() {
  const app = new Hono();
  app.get('/r/:code', (c) => c.redirect(location, 302));
  app.get('/v1/queue', (c) =>
    c.req.header('if-none-match') === etag ? c.body(null, 304, { etag }) : c.json({}, 200, { etag }),
  );
  app.get('/health', (c) => c.text('ok'));
  return app;
}

function bareHono() {
  return serve({ fetch: honoApp().fetch, port, hostname: '127.0.0.1' });
}

function loggedHono() {
  return appServer(honoApp(), createLog('info')).listen(port, '127.0.0.1');
}

function loggedNode() {
  return appServer(honoApp(), createLog('info'), {}, fixedAnswers).listen(port, '127.0.0.1');
}

const modes = { node: bareNode, hono: bareHono, 'hono-logged': loggedHono, 'node-logged': loggedNode } as const;
const server = modes[(process.env.MODE ?? 'node') as keyof typeof modes]();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
