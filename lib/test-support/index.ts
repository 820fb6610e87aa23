/* Helpers for unit tests only (never imported by extension code). */
import type { QueueItem, QueueResponse } from '../contract/queue';
import type { FetchLike } from '../api/client';
import { RelayDb } from '../db';

let seq = 0;

export function makeItem(overrides: Partial<QueueItem> = {}): QueueItem {
  seq += 1;
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    url: `https://example.com/articles/${seq}`,
    title: `Article ${seq}`,
    summary: null,
    imageUrl: null,
    topics: ['engineering'],
    contentType: 'curated',
    campaign: null,
    pinned: false,
    publishAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    expiresAt: null,
    captions: [
      { id: crypto.randomUUID(), network: 'linkedin', text: `LinkedIn words ${seq}`, language: 'en' },
      { id: crypto.randomUUID(), network: 'x', text: `X words ${seq}`, language: 'en' },
    ],
    links: { linkedin: `http://127.0.0.1:8787/r/l${seq}`, x: `http://127.0.0.1:8787/r/x${seq}` },
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    ...overrides,
  };
}

/**
 * 40 items for tests of the queue's order: some pinned, some expired before March 2026, two topics ("odd",
 * "even"), several published in the same minute (ties broken by id).
 */
export function orderingItems(): QueueItem[] {
  return Array.from({ length: 40 }, (_, i) =>
    makeItem({
      publishAt: new Date(Date.UTC(2026, 0, 1, 0, i - (i % 3))).toISOString(),
      pinned: i % 13 === 0,
      expiresAt: i % 7 === 0 ? '2026-02-01T00:00:00Z' : null,
      topics: [i % 2 ? 'odd' : 'even'],
    }),
  );
}

export function queueBody(items: QueueItem[], opts: Partial<QueueResponse> = {}): QueueResponse {
  return { full: true, items, removed: [], cursor: 'c1', ...opts };
}

export function json(body: unknown, init: ResponseInit & { headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    statusText: init.statusText,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that answers from a queue of handlers (the last one repeats) and records what was asked. */
export function fakeFetch(
  ...answers: Array<Response | Error | ((req: RecordedRequest) => Response | Promise<Response>)>
) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike & { requests: RecordedRequest[] } = Object.assign(
    async (input: string, init: RequestInit) => {
      const req: RecordedRequest = {
        url: input,
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? init.body : undefined,
      };
      requests.push(req);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer instanceof Error) throw answer;
      if (typeof answer === 'function') return answer(req);
      return answer.clone();
    },
    { requests },
  );
  return fetch;
}

let dbSeq = 0;
/** A fresh database (fake-indexeddb) per test. */
export function freshDb(): RelayDb {
  dbSeq += 1;
  return new RelayDb(`relay-test-${dbSeq}-${Math.random().toString(36).slice(2)}`);
}
