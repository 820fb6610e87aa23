/**
 * The practical ceiling for Node on this machine: a bare node:http server that answers what the Relay
 * backend answers on its hot paths, with no work at all. Run as its own process (like the backend), so the
 * load generator never shares a thread with the server it measures.
 *
 * env: PORT; LOCATION (the Location of the 302 for /r/*); ETAG (answered with 304 on /v1/queue when
 * If-None-Match matches).
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
const location = process.env.LOCATION ?? 'https://example.com/';
const etag = process.env.ETAG ?? '"bare"';

const server = createServer((req, res) => {
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
});

server.listen(port, '127.0.0.1', () => {
  console.log(`bare server listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
