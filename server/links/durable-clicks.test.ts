import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../tests/helpers/server';
import { openDatabase, type Database } from '../db/database';
import { visitorHashFrom } from './visitor-hash';

// Real server processes on one SQLite file, stopped the hard way (SIGKILL) and the polite way (SIGTERM)
// in the middle of a stream of clicks: what the readers were answered must be what the database holds.

const agent = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${n}.1 Safari/537.36`;

let dataDir: string;
const backends: Backend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<Backend> {
  const first = backends[0];
  const backend = await Backend.start({ dataDir, env, ...(first ? { adminToken: first.adminToken } : {}) });
  backends.push(backend);
  return backend;
}

/** One item, one person: the path of their tracked link. */
async function seed(backend: Backend): Promise<{ path: string; token: string; itemId: string }> {
  const item = await backend.createItem({
    url: 'https://example.com/post',
    title: 'A post',
    captions: [{ network: 'x', text: 'Read' }],
  });
  const { token } = await backend.employee('Ana');
  const queued = (await backend.queue(token)).items.find((i) => i.id === item.id)!;
  return { path: new URL(queued.links.x).pathname, token, itemId: item.id };
}

interface Answer {
  visitor: number;
  at: number;
}

/**
 * Readers clicking through `urls` in turn, each request a new visitor, until `stop()`; every 302 is noted
 * with the time it arrived. Requests that fail (the server went away) are simply not answers.
 */
function clickStream(urls: string[], readers = 8) {
  const answers: Answer[] = [];
  let next = 0;
  let stopped = false;
  const loops = Array.from({ length: readers }, async () => {
    while (!stopped) {
      const visitor = next++;
      try {
        const res = await fetch(urls[visitor % urls.length]!, {
          redirect: 'manual',
          headers: { 'user-agent': agent(visitor) },
        });
        await res.arrayBuffer();
        if (res.status === 302) answers.push({ visitor, at: performance.now() });
      } catch {
        // Refused or reset: the server is stopping. Back off a little rather than spin.
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  });
  return {
    answers,
    sent: () => next,
    async waitForAnswers(n: number) {
      await expect.poll(() => answers.length, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(n);
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** The stored visitor hashes and click count, read from the database file after the servers are gone. */
async function stored(database: Database, code: string) {
  const db = database.db.withTables<{ click_visitors: { visitor: number; counted_at: number } }>();
  const visitors = new Set(
    (await db.selectFrom('click_visitors').select('visitor').execute()).map((r) => Number(r.visitor)),
  );
  const clicks = Number(
    (
      await db
        .selectFrom('clicks')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const hash = await visitorHashFrom(database.db);
  return { visitors, clicks, has: (visitor: number) => visitors.has(hash(code, '127.0.0.1', agent(visitor))) };
}

describe('clicks survive the server stopping', { timeout: 60_000 }, () => {
  it('keeps every click answered 200 ms before a kill -9', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-durable-'));
    const backend = await start();
    const { path } = await seed(backend);
    const stream = clickStream([backend.url + path]);
    await stream.waitForAnswers(300);
    // Enough answers well before the kill, however fast the server answers them.
    await expect
      .poll(() => stream.answers.filter((a) => a.at <= performance.now() - 250).length, {
        timeout: 20_000,
        interval: 10,
      })
      .toBeGreaterThanOrEqual(150);
    backend.child.kill('SIGKILL');
    const killedAt = performance.now();
    await stream.stop();
    await backend.stop();

    const database = await openDatabase(backend.dbPath);
    try {
      const { visitors, clicks, has } = await stored(database, path.slice(3));
      const due = stream.answers.filter((a) => a.at <= killedAt - 200);
      expect(due.length).toBeGreaterThan(100);
      expect(due.filter((a) => !has(a.visitor)).map((a) => a.visitor)).toEqual([]);
      // Each stored click is one visitor who was sent: nothing counted twice, nothing made up.
      expect(clicks).toBe(visitors.size);
      expect(clicks).toBeLessThanOrEqual(stream.sent());
    } finally {
      await database.close();
    }
  });

  it('keeps every click of two instances stopped by SIGTERM under load, each visitor once', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-durable-'));
    // No timed writes: every click must come from the buffer written at shutdown.
    const a = await start({ RELAY_CLICK_FLUSH_MS: '3600000' });
    const b = await start({ RELAY_CLICK_FLUSH_MS: '3600000' });
    const { path } = await seed(a);
    const stream = clickStream([a.url + path, b.url + path]);
    // The same visitors again, on the other instance: they must not count twice.
    const repeats = clickStream([b.url + path, a.url + path], 2);
    await stream.waitForAnswers(400);
    await repeats.waitForAnswers(50);
    const [exitA, exitB] = await Promise.all([a.stop(), b.stop()]);
    await stream.stop();
    await repeats.stop();
    expect([exitA, exitB]).toEqual([0, 0]);

    const database = await openDatabase(a.dbPath);
    try {
      const { visitors, clicks, has } = await stored(database, path.slice(3));
      const answered = new Set([...stream.answers, ...repeats.answers].map((x) => x.visitor));
      expect([...answered].filter((v) => !has(v))).toEqual([]);
      expect(clicks).toBe(visitors.size);
      expect(clicks).toBeLessThanOrEqual(Math.max(stream.sent(), repeats.sent()));
    } finally {
      await database.close();
    }
  });

  it('keeps acknowledged shares through a kill -9', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-durable-'));
    const backend = await start();
    const { token, itemId } = await seed(backend);
    const ids = Array.from({ length: 20 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const sharedAt = new Date().toISOString();
    const answer = await backend.request<{ accepted: string[] }>('POST', '/v1/shares', {
      token,
      body: { shares: ids.map((id) => ({ id, itemId, network: 'x', sharedAt })) },
      expect: 200,
    });
    expect(answer.accepted).toHaveLength(ids.length);
    backend.child.kill('SIGKILL');
    await backend.stop();

    const database = await openDatabase(backend.dbPath);
    try {
      const rows = await database.db.selectFrom('shares').select('id').where('id', 'in', ids).execute();
      expect(rows.map((r) => r.id).sort()).toEqual(ids);
    } finally {
      await database.close();
    }
  });
});
