import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createLog } from '../log/logger';
import { startServer, type RunningServer } from '../main';
import { openSocket, parseAnswer, sendAndWaitForClose } from './raw-http.test-support';
import { SERVER_LIMITS } from './server-limits';
import { MAX_BODY_BYTES } from './validate';

let running: RunningServer;
let port: number;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const log = createLog('debug', { write: (line: string) => void logLines.push(JSON.parse(line)) });
  running = await startServer(loadConfig({ PORT: '0', RELAY_DB: ':memory:' }), undefined, {
    log,
    limits: {
      ...SERVER_LIMITS,
      headersTimeoutMs: 500,
      requestTimeoutMs: 1000,
      maxConnections: 4,
      checkIntervalMs: 100,
    },
  });
  port = Number(new URL(running.url).port);
});
afterAll(() => running.stop());

const expectProblemAnswer = (text: string, status: number, kind: string) => {
  const answer = parseAnswer(text);
  expect(answer.status, text).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers.connection).toBe('close');
  const body = JSON.parse(answer.body) as { type: string; status: number };
  expect(body).toMatchObject({ type: `urn:relay:problem:${kind}`, status });
  return answer;
};

describe("Node's own refusals are problem+json", () => {
  it('a request line that is not HTTP → 400', async () => {
    expectProblemAnswer(await sendAndWaitForClose(port, 'HELLO THERE\r\n\r\n'), 400, 'bad-request');
  });

  it('headers over the limit → 431', async () => {
    const huge = `GET /healthz HTTP/1.1\r\nHost: relay\r\nX-Junk: ${'a'.repeat(20_000)}\r\n\r\n`;
    expectProblemAnswer(await sendAndWaitForClose(port, huge), 431, 'headers-too-large');
  });
});

describe('timeouts', () => {
  it('headers that never finish → 408 and the connection is closed', async () => {
    const text = await sendAndWaitForClose(port, 'GET /healthz HTTP/1.1\r\nHost: relay\r\n');
    expectProblemAnswer(text, 408, 'request-timeout');
  });

  it('a body that never finishes → 408 and the connection is closed', async () => {
    const text = await sendAndWaitForClose(
      port,
      'POST /v1/auth/redeem HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"code":',
    );
    expect(parseAnswer(text).status).toBe(408);
  });
});

describe('413', () => {
  it('closes the connection, announced by Content-Length', async () => {
    const { socket, closed } = await openSocket(port);
    socket.write(
      `POST /v1/auth/redeem HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`,
    );
    const answer = expectProblemAnswer(await closed, 413, 'payload-too-large');
    expect(answer.headers['x-request-id']).toBeTruthy();
  });

  it('closes the connection, found while reading a chunked body', async () => {
    const { socket, closed } = await openSocket(port);
    socket.write(
      'POST /v1/auth/redeem HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 20 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expectProblemAnswer(await closed, 413, 'payload-too-large');
  });
});

describe('connection cap', () => {
  it('drops connections beyond maxConnections, and takes new ones once others close', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => openSocket(port)));
    // Each held connection answers a keep-alive request: the server has accepted it.
    for (const { socket, received } of held) {
      socket.write('GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n');
      await expect.poll(() => parseAnswer(received()).status).toBe(200);
    }
    const extra = await sendAndWaitForClose(port, 'GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n');
    expect(extra).toBe('');
    await expect.poll(() => logLines.some((l) => l.msg === 'connection refused: too many open connections')).toBe(true);

    for (const { socket, closed } of held) {
      socket.end();
      await closed;
    }
    const healthz = 'GET /healthz HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n';
    await expect.poll(async () => parseAnswer(await sendAndWaitForClose(port, healthz)).status).toBe(200);
  });
});

describe('a client that hangs up mid-request', () => {
  it('is one quiet info line, not an unexpected error', async () => {
    const { socket, received } = await openSocket(port);
    // 100 Continue comes once the request is handed to the app, which then waits for the body.
    socket.write(
      'POST /v1/auth/redeem HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
    );
    await expect.poll(received).toMatch(/^HTTP\/1.1 100 Continue/);
    socket.write('{"code":');
    socket.destroy();
    await expect
      .poll(() => logLines.find((l) => l.aborted === true))
      .toMatchObject({
        level: 'info',
        route: '/v1/auth/redeem',
        method: 'POST',
      });
    expect(logLines.filter((l) => l.level === 'error')).toEqual([]);
    expect(JSON.stringify(logLines)).not.toMatch(/"stack"/);
  });
});
