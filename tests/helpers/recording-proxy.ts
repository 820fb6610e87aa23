/**
 * A pass-through HTTP proxy on 127.0.0.1 that records what the extension asks the backend, so a test can
 * check *how* it synced (full answer, 304, or a delta with ?since=), not only what the popup ends up showing.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path and query, as the extension sent them. */
  path: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  status: number;
  /** Response body as text (kept for JSON answers only). */
  body: string;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const json = String(up.headers['content-type'] ?? '').includes('json');
          exchanges.push({
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            requestHeaders: req.headers,
            status: up.statusCode ?? 0,
            body: json ? Buffer.concat(chunks).toString('utf8') : '',
          });
        });
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
