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
  /** The request's body as text. */
  requestBody: string;
  status: number;
  /** Response body as text (kept for JSON answers only). */
  body: string;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

export interface RecordingOptions {
  /**
   * Keep the answer to this exchange from the extension (the backend has already handled the request): the
   * connection stays open unanswered, as when the worker that asked is stopped while it waits.
   */
  withhold?: (exchange: Exchange) => boolean;
}

export async function startRecordingProxy(
  target: string,
  { withhold }: RecordingOptions = {},
): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const sent: Buffer[] = [];
    req.on('data', (c: Buffer) => sent.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(sent);
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
            const answer = Buffer.concat(chunks);
            const json = String(up.headers['content-type'] ?? '').includes('json');
            const exchange: Exchange = {
              method: req.method ?? 'GET',
              path: req.url ?? '/',
              requestHeaders: req.headers,
              requestBody: requestBody.toString('utf8'),
              status: up.statusCode ?? 0,
              body: json ? answer.toString('utf8') : '',
            };
            exchanges.push(exchange);
            if (withhold?.(exchange)) return;
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(answer);
          });
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(requestBody);
    });
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
