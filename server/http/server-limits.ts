import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Log } from '../log/logger';
import { HttpProblem } from './problem';

export interface ServerLimits {
  /** All request headers must arrive within this; a slow-headers client holds no socket for long. */
  headersTimeoutMs: number;
  /** The whole request, body included (a 1 MB body over a poor mobile link fits). */
  requestTimeoutMs: number;
  /**
   * An idle keep-alive connection is closed after this. Longer than the 60 s idle timeout of common load
   * balancers, so a balancer never sends a request on a connection we are closing at that moment.
   */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are dropped at once: a flood cannot exhaust file descriptors and memory. */
  maxConnections: number;
  /** How often Node looks for connections past their timeouts. */
  checkIntervalMs: number;
}

export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 10_000,
  checkIntervalMs: 1_000,
};

/** node:http options that only take effect when the server is created. */
export const creationOptions = (limits: ServerLimits) => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  keepAliveTimeout: limits.keepAliveTimeoutMs,
  connectionsCheckingInterval: limits.checkIntervalMs,
});

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** What Node's parser refused, said as the app says every refusal: problem+json. */
function parserProblem(code: string | undefined): HttpProblem {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new HttpProblem({
      status: 431,
      kind: 'headers-too-large',
      title: 'Request headers too large',
      detail: 'The request headers are larger than this server accepts',
    });
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new HttpProblem({
      status: 408,
      kind: 'request-timeout',
      title: 'Request timeout',
      detail: 'The request did not arrive in time; send it again',
    });
  }
  return new HttpProblem({
    status: 400,
    kind: 'bad-request',
    title: 'Bad request',
    detail: 'The request is not valid HTTP',
  });
}

function rawAnswer(problem: HttpProblem): string {
  const body = JSON.stringify(problem.toJSON());
  return [
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Timeouts, the connection cap, and problem+json for the requests Node refuses before the app sees them. */
export function applyServerLimits(server: Server, limits: ServerLimits, log: Log): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('drop', () =>
    log.warn({ maxConnections: limits.maxConnections }, 'connection refused: too many open connections'),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A client that hung up (reset, or closed mid-request) hears nothing; a socket mid-response cannot
    // take a second answer.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable || inFlight) {
      log.debug({ code: error.code }, 'client closed the connection mid-request');
      socket.destroy();
      return;
    }
    const problem = parserProblem(error.code);
    log.info({ status: problem.status, code: error.code }, 'request refused by the HTTP parser');
    socket.end(rawAnswer(problem));
  });
}
