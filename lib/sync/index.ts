import { createApi, type FetchLike } from '../api/client';
import { ApiError, InvalidResponseError, UnreachableError, describeError } from '../api/errors';
import type { QueueResponse } from '../contract/queue';
import { t } from '../i18n';
import { toQueueRow, type RelayDb } from '../db';
import type { Connection, LastSync, SyncFailure } from '../settings';

export interface SyncDeps {
  db: RelayDb;
  /** Read at every attempt, so a sync always uses the connection current at that moment. */
  getConnection: () => Promise<Connection | null>;
  /** Where the outcome is recorded for the pages (the lastSync storage item in the extension). */
  recordLastSync: (status: LastSync) => Promise<void>;
  fetch?: FetchLike;
  now?: () => Date;
}

export type SyncResult =
  | { ok: true; outcome: 'not-modified' | 'replaced' | 'delta'; items: number }
  | { ok: false; reason: SyncFailure | 'not-connected'; error: string };

/** A response that arrived after someone connected or disconnected: it belongs to the old session. */
class StaleSession extends Error {}

const inFlight = new WeakMap<RelayDb, Promise<SyncResult>>();

/**
 * Bring the cached queue up to date with GET /v1/queue, sending the stored ETag and cursor.
 * - 304: nothing changes but the recorded sync time.
 * - 200 full: the cache is replaced; 200 delta: changed items put, removed ids deleted. Either way in ONE
 *   transaction together with the new ETag and cursor, so the cache never holds half an answer.
 * - An invalid payload, a 5xx, a timeout or no network: the cache stays exactly as it was, the error is
 *   recorded. 401: recorded as signed out; the cache is kept (it is still useful offline).
 * Only one sync runs per database: calls made while one is running get its promise.
 */
export function syncQueue(deps: SyncDeps): Promise<SyncResult> {
  const running = inFlight.get(deps.db);
  if (running) return running;
  const run = runSync(deps).finally(() => inFlight.delete(deps.db));
  inFlight.set(deps.db, run);
  return run;
}

/** Resolves when no sync is running on this database (immediately if none is). */
export async function whenSyncIdle(db: RelayDb): Promise<void> {
  await inFlight.get(db)?.catch(() => undefined);
}

async function runSync(deps: SyncDeps): Promise<SyncResult> {
  const now = deps.now ?? (() => new Date());
  // A second attempt only when the session changed under the first (connect/disconnect meanwhile).
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await attemptSync(deps);
      const at = now().toISOString();
      if (result.ok) await deps.recordLastSync({ at, ok: true });
      else if (result.reason !== 'not-connected') {
        await deps.recordLastSync({ at, ok: false, error: result.error, reason: result.reason });
      }
      return result;
    } catch (err) {
      if (err instanceof StaleSession && attempt === 0) continue;
      if (err instanceof StaleSession) return { ok: false, reason: 'not-connected', error: t('errors.sessionChanged') };
      throw err;
    }
  }
}

async function attemptSync(deps: SyncDeps): Promise<SyncResult> {
  const { db } = deps;
  const connection = await deps.getConnection();
  if (!connection) return { ok: false, reason: 'not-connected', error: t('errors.notConnected') };

  const [etag, cursor, session] = await db.transaction('r', db.meta, () =>
    Promise.all([db.getMeta('etag'), db.getMeta('cursor'), db.getMeta('session')]),
  );

  const api = createApi({ ...connection, fetch: deps.fetch });
  let answer;
  try {
    answer = await api.queue({ etag, since: cursor });
  } catch (err) {
    return failure(err);
  }

  if (answer.status === 'not-modified') {
    await db.transaction('r', db.meta, () => assertSession(db, session));
    return { ok: true, outcome: 'not-modified', items: await db.queue.count() };
  }

  const outcome = await store(db, session, answer.data, answer.etag);
  return { ok: true, outcome, items: await db.queue.count() };
}

async function store(db: RelayDb, session: string | undefined, data: QueueResponse, etag: string | null) {
  const rows = data.items.map(toQueueRow);
  return db.transaction('rw', db.queue, db.meta, async () => {
    await assertSession(db, session);
    if (data.full) {
      await db.queue.clear();
      await db.queue.bulkPut(rows);
    } else {
      if (rows.length) await db.queue.bulkPut(rows);
      if (data.removed.length) await db.queue.bulkDelete(data.removed);
    }
    await db.meta.put({ key: 'cursor', value: data.cursor });
    if (etag) await db.meta.put({ key: 'etag', value: etag });
    else await db.meta.delete('etag');
    return data.full ? ('replaced' as const) : ('delta' as const);
  });
}

async function assertSession(db: RelayDb, session: string | undefined) {
  if ((await db.getMeta('session')) !== session) throw new StaleSession();
}

function failure(err: unknown): SyncResult {
  if (err instanceof ApiError && err.status === 401)
    return { ok: false, reason: 'signed-out', error: t('errors.signedOut') };
  if (err instanceof UnreachableError) return { ok: false, reason: 'unreachable', error: err.message };
  if (err instanceof InvalidResponseError) return { ok: false, reason: 'invalid-response', error: err.message };
  return { ok: false, reason: 'server', error: describeError(err) };
}
