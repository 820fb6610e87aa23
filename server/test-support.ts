import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, inject } from 'vitest';
import { createTestDatabase, EMPTY_TEMPLATE, MIGRATED_TEMPLATE } from '../tests/helpers/postgres-databases';
import { createApp, type AppOptions, type RelayApp } from './app';
import { openDatabase, type Database } from './db/database';
import { listening } from './http/http-server.test-support';
import { appServer } from './http/node-listener';
import { silentLog } from './log/logger';
import type { DialectName } from './db/dialect';
import type { SharesTable } from './db/schema';
import type { ItemCreate } from '../lib/contract/items';
import type { AdminItem } from '../lib/contract/items';
import type { QueueResponse } from '../lib/contract/queue';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PUBLIC_URL = 'http://relay.test';
/** Wednesday 18 November 2026, 12:00 UTC. */
export const T0 = Date.UTC(2026, 10, 18, 12);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A signed-in person of a test: their bearer token and id. */
export interface TestEmployee {
  token: string;
  id: string;
}

export interface Harness extends RelayApp {
  /** The injected clock; tests move it. */
  clock: { now: number };
  request(path: string, init?: RequestInit): Promise<Response>;
  admin(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  as(token: string, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  createItem(fields?: Partial<ItemCreate>): Promise<AdminItem>;
  /** Invites and redeems a person; returns their token and id. */
  employee(name?: string, role?: 'employee' | 'admin'): Promise<TestEmployee>;
  queue(
    token: string,
    query?: string,
    headers?: Record<string, string>,
  ): Promise<{ res: Response; body: QueueResponse | null }>;
  /** How many requests reached the Hono app: served harnesses answer some on node:http before it. */
  appRequests: number;
}

export interface HarnessOptions extends Partial<AppOptions> {
  /**
   * Requests go over HTTP to the server main.ts builds (appServer with the app's shortcuts), redirects not
   * followed; without it they are made in-process (app.request).
   */
  served?: boolean;
}

/**
 * The database the backend tests run on: vitest runs them once per database (vitest.config.ts sets
 * RELAY_TEST_DATABASE per project), PostgreSQL on a server the run starts (tests/helpers/postgres-server.ts).
 */
export const TEST_DATABASE: DialectName = process.env.RELAY_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

function postgresServer(): string {
  const url = inject('postgresUrl');
  if (!url)
    throw new Error('RELAY_TEST_DATABASE=postgres needs the PostgreSQL of the vitest project "server-postgres"');
  return url;
}

/**
 * A private, empty database of TEST_DATABASE's kind, migrated unless `migrated: false` (tests of the
 * migrations themselves). close() deletes it, or on PostgreSQL empties it for the file's next test.
 */
export async function testDatabase({ migrated = true } = {}): Promise<Database> {
  if (TEST_DATABASE === 'sqlite') return openDatabase(':memory:', { migrate: migrated });
  if (!migrated) return postgresTestDatabase(EMPTY_TEMPLATE);
  const reused = idle.pop();
  if (reused) return reused();
  return recycled(await postgresTestDatabase(MIGRATED_TEMPLATE));
}

/**
 * On PostgreSQL, databases this test file has closed, emptied and still connected: making a new one and
 * its first connection costs 50–150 ms, emptying one a few. Each hands out a new Database over the pool.
 */
const idle: Array<() => Database> = [];

/** `database` handed out again and again: close() empties it and keeps it for the next test. */
function recycled(database: Database): Database {
  const reset = inject('postgresReset');
  const lend = (): Database => {
    let closed = false;
    return {
      db: database.db,
      dialect: database.dialect,
      get sqlite() {
        return database.sqlite;
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await sql.raw(reset).execute(database.db);
          idle.push(lend);
        } catch {
          // The test changed the schema (a migration taken back, say): this one is not reused.
          await database.close();
        }
      },
    };
  };
  return lend();
}

async function postgresTestDatabase(template: string): Promise<Database> {
  const created = await createTestDatabase(postgresServer(), template);
  const database = await openDatabase(created.url, { migrate: false });
  const close = database.close.bind(database);
  return Object.assign(database, {
    async close() {
      await close();
      // Not awaited: the drop waits for the closed connections' server processes to exit.
      created.drop().catch(() => {});
    },
  });
}

/**
 * Where a private, migrated database of TEST_DATABASE's kind lives, for tests that open it more than once (a
 * restart): a SQLite file or a PostgreSQL URL, and remove() to delete it when done.
 */
export async function testDatabaseTarget(): Promise<{ target: string; remove(): Promise<void> }> {
  if (TEST_DATABASE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
    return { target: join(dir, 'relay.db'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const created = await createTestDatabase(postgresServer(), MIGRATED_TEMPLATE);
  return { target: created.url, remove: created.drop };
}

/** An app over a private database (see testDatabase) with a controllable clock and no click timer. */
export async function harness({ served = false, ...options }: HarnessOptions = {}): Promise<Harness> {
  const clock = { now: T0 };
  const relay = await createApp({
    publicUrl: PUBLIC_URL,
    adminToken: ADMIN_TOKEN,
    now: () => clock.now,
    clickFlushMs: 0,
    ...options,
    database: options.database ?? (await testDatabase()),
  });
  let send = (path: string, init?: RequestInit): Promise<Response> => {
    h.appRequests++;
    return Promise.resolve(relay.app.request(path, init));
  };
  if (served) {
    const countingApp = {
      routes: relay.app.routes,
      fetch: (request: Request, env: Parameters<typeof relay.app.fetch>[1]) => {
        h.appRequests++;
        return relay.app.fetch(request, env);
      },
    };
    const server = await listening(appServer(countingApp, silentLog, {}, relay.shortcut));
    const closeApp = relay.close;
    relay.close = async () => {
      await server.close();
      await closeApp();
    };
    send = async (path, init) => {
      const res = await fetch(server.url + path, { redirect: 'manual', ...init });
      await res.clone().arrayBuffer();
      return res;
    };
  }

  const withJson = (init: RequestInit & { json?: unknown } = {}, token?: string): RequestInit => {
    const headers = new Headers(init.headers);
    if (token && !headers.has('authorization')) headers.set('Authorization', `Bearer ${token}`);
    const { json, ...rest } = init;
    if (json !== undefined) {
      headers.set('Content-Type', 'application/json');
      return { ...rest, headers, body: JSON.stringify(json) };
    }
    return { ...rest, headers };
  };

  const h: Harness = {
    ...relay,
    clock,
    appRequests: 0,
    request: (path, init) => send(path, init),
    admin: (path, init) => send(path, withJson(init, ADMIN_TOKEN)),
    as: (token, path, init) => send(path, withJson(init, token)),
    async createItem(fields = {}) {
      const res = await h.admin('/v1/admin/items', {
        method: 'POST',
        json: {
          url: 'https://example.com/post',
          title: 'A post',
          captions: [{ network: 'linkedin', text: 'Read this' }],
          ...fields,
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as AdminItem;
    },
    async employee(name = 'Ana', role = 'employee') {
      const invite = await h.admin('/v1/admin/invites', { method: 'POST', json: { name, role } });
      const { code } = (await invite.json()) as { code: string };
      const res = await h.request('/v1/auth/redeem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await res.json()) as { token: string; employee: { id: string } };
      return { token: body.token, id: body.employee.id };
    },
    async queue(token, query = '', headers = {}) {
      const res = await h.as(token, `/v1/queue${query}`, { headers });
      const text = await res.clone().text();
      return { res, body: res.status === 200 ? (JSON.parse(text) as QueueResponse) : null };
    },
  };
  return h;
}

/**
 * A harness (no options) and one employee signed in per name, in order:
 * `beforeEach(async () => ([h, ana, bea] = await harnessWith('Ana', 'Bea')))`.
 */
export async function harnessWith<const Names extends readonly string[]>(
  ...names: Names
): Promise<[Harness, ...{ [K in keyof Names]: TestEmployee }]> {
  const h = await harness();
  const people: TestEmployee[] = [];
  for (const name of names) people.push(await h.employee(name));
  return [h, ...(people as { [K in keyof Names]: TestEmployee })];
}

/** Asserts an RFC 9457 problem with the given status, and returns its body. */
export async function expectProblem(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
  };
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return body;
}

/** A share row as the share writer stores it, for tests that write shares below the API: received when shared. */
export const shareRow = (
  share: Pick<SharesTable, 'id' | 'employee_id' | 'item_id' | 'network' | 'shared_at' | 'audience'>,
): SharesTable => ({ caption_id: null, edited: 0, received_at: share.shared_at, ...share });
