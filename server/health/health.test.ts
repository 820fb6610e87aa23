import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayApp } from '../app';
import { migrateTo } from '../db/migrations';
import { harness } from '../test-support';

const opened: RelayApp[] = [];
afterEach(async () => {
  for (const relay of opened.splice(0)) await relay.close();
});

/** The app over a database taken back to `migration` (as an older release left it, not migrated yet). */
async function appAt(migration: string) {
  const h = await harness();
  opened.push(h);
  await migrateTo(h.database.db as Kysely<unknown>, migration);
  return h;
}

describe('health', () => {
  it('/healthz and /readyz answer without a token when the database is current', async () => {
    const h = await harness();
    opened.push(h);
    for (const [path, status] of [
      ['/healthz', 'ok'],
      ['/readyz', 'ready'],
    ] as const) {
      const res = await h.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ status });
    }
  });

  it('/readyz is 503 problem+json naming the migrations not applied yet; /healthz stays 200', async () => {
    const routes = await appAt('0008_analytics_running_totals');
    const res = await routes.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { type: string; detail: string };
    expect(body.type).toBe('urn:relay:problem:not-ready');
    expect(body.detail).toContain('0009_sessions_and_single_sign_on');
    expect((await routes.request('/healthz')).status).toBe(200);
  });

  it('/readyz is 503 problem+json when the database does not answer', async () => {
    const h = await harness();
    // Closed under the app: every query now fails.
    await h.database.db.destroy();
    const res = await h.request('/readyz');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^The database does not answer/);
  });
});
