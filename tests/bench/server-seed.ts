/**
 * What the server bench seeds each database with through the REST API, and the visitors it sends.
 */
import type { RequestSpec } from 'autocannon';
import pg from 'pg';
import type { PostgresServer } from '../helpers/postgres-server';
import type { Backend } from '../helpers/server';
import { envNumber } from './common';
import { parentPid } from './process-cpu';

export const VISITORS = Math.round(envNumber('BENCH_VISITORS', 500));
/**
 * People whose outboxes send the share batches, in turn. A person's batch is checked against what that
 * person shared that day, so one person sending everything would measure a day of shares no one makes.
 */
export const SHARERS = Math.round(envNumber('BENCH_SHARERS', 500));

/** An ordinary desktop Chrome user agent, distinct per visitor (not bot-like: bots are not counted). */
export const visitorAgent = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${6000 + n}.127 Safari/537.36`;

/**
 * GET `path` once per visitor, each with its own user agent, recording which visitors got a 302. The
 * requests are built once (no per-request setup), so the load generator stays cheap: with a setupRequest
 * hook it became the bottleneck here and hid the server's own cost.
 */
export function visitorRequests(path: string, redirected: Set<number>): RequestSpec[] {
  return Array.from({ length: VISITORS }, (_, visitor) => ({
    method: 'GET',
    path,
    headers: { 'user-agent': visitorAgent(visitor) },
    onResponse(status: number) {
      if (status === 302) redirected.add(visitor);
    },
  }));
}

/** What one database was seeded with through the REST API: one item, one employee and its tracked links. */
export interface Seeded {
  token: string;
  /** SHARERS more people's tokens. */
  sharers: string[];
  employeeName: string;
  itemId: string;
  /** The item's LinkedIn link: the returning visitors'. */
  redirectPath: string;
  /** The item's X link: the new visitors', so its count can be checked on its own at the end. */
  newVisitorPath: string;
  location: string;
  etag: string;
}

export async function seed(backend: Backend): Promise<Seeded> {
  const item = await backend.createItem({
    url: 'https://example.com/news/relay-bench?ref=home',
    title: 'Bench item',
    topics: ['bench'],
    campaign: 'bench-2026',
    captions: [
      { network: 'linkedin', text: 'Worth a read', language: 'en' },
      { network: 'x', text: 'Worth a read', language: 'en' },
    ],
  });
  const { token, employee } = await backend.employee('Bench Employee');
  const queueItem = (await backend.queue(token)).items.find((i) => i.id === item.id);
  if (!queueItem) throw new Error('the seeded item is not in the employee queue');
  const redirectPath = new URL(queueItem.links.linkedin).pathname;
  // Before the ETag is read: whatever they change, the queue's version is taken after it.
  const sharers: string[] = [];
  // A few at a time: redeeming is limited per address to a small burst (a success gives its turn back).
  for (let n = 0; n < SHARERS; n += 8) {
    const group = Array.from({ length: Math.min(8, SHARERS - n) }, (_, i) => backend.employee(`Sharer ${n + i + 1}`));
    for (const r of await Promise.all(group)) sharers.push(r.token);
  }
  // What the bare server must answer: the backend's own Location (HEAD is redirected, never counted) and ETag.
  const head = await fetch(backend.url + redirectPath, { method: 'HEAD', redirect: 'manual' });
  const location = head.headers.get('location');
  if (head.status !== 302 || !location)
    throw new Error(`HEAD ${redirectPath}: expected 302 with Location, got ${head.status}`);
  const auth = { authorization: `Bearer ${token}` };
  const first = await fetch(`${backend.url}/v1/queue`, { headers: auth });
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!etag) throw new Error('GET /v1/queue answered without an ETag');
  const revalidated = await fetch(`${backend.url}/v1/queue`, { headers: { ...auth, 'if-none-match': etag } });
  await revalidated.arrayBuffer();
  if (revalidated.status !== 304)
    throw new Error(`GET /v1/queue with If-None-Match: expected 304, got ${revalidated.status}`);
  return {
    token,
    sharers,
    employeeName: employee.name,
    itemId: item.id,
    redirectPath,
    newVisitorPath: new URL(queueItem.links.x).pathname,
    location,
    etag,
  };
}

/**
 * A database of its own on the throwaway cluster, with commits that wait for their WAL write as in
 * production (the cluster itself runs without fsync), and the postmaster whose processes do its work.
 */
export async function benchDatabase(server: PostgresServer): Promise<{ url: string; postmaster: number }> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query('CREATE DATABASE relay_bench');
    await client.query('ALTER DATABASE relay_bench SET synchronous_commit = on');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const url = new URL(server.url);
    url.pathname = '/relay_bench';
    return { url: url.href, postmaster: parentPid(rows[0]!.pid) };
  } finally {
    await client.end();
  }
}
