import { createApi, type FetchLike } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { MAX_SHARES_PER_BATCH } from '../contract/shares';
import type { OutboxRow, RelayDb } from '../db';
import { t } from '../i18n';
import type { Connection } from '../settings';
import { backoffDelay, parseRetryAfter } from './backoff';
import { rowsInState } from './counts';
import { releaseLease, renewLease, takeLease } from './lease';

export const FLUSH_ALARM = 'flush-outbox';
/** A 4xx (other than 401, 408, 429) this many times: the share is marked failed, kept, not retried. */
export const MAX_REJECTED_ATTEMPTS = 5;

export interface FlushDeps {
  db: RelayDb;
  getConnection: () => Promise<Connection | null>;
  /**
   * The signed-in employee. When given, only rows recorded under exactly that employee are sent: a share
   * recorded under another person's session, or under nobody's, is never delivered under this identity
   * (it waits, kept, for its own person). Without it, every row goes (a single-account caller).
   */
  getEmployeeId?: () => Promise<string | null>;
  /** Schedules the next attempt at `when` (epoch ms), or clears it (null). Browser alarms in the extension. */
  schedule: (when: number | null) => Promise<void>;
  fetch?: FetchLike;
  now?: () => number;
  /** [0, 1); the jitter. */
  random?: () => number;
  /** Identifies this worker in the lease (a restarted worker is a new owner). */
  owner?: string;
}

export type FlushResult =
  | { outcome: 'idle' | 'sent'; sent: number }
  | { outcome: 'busy' }
  | { outcome: 'not-connected' | 'signed-out'; sent: number }
  | { outcome: 'retry-later'; sent: number; error: string; nextAttemptAt: number };

const inFlight = new WeakMap<RelayDb, { run: Promise<FlushResult>; force: boolean }>();
const defaultOwner = crypto.randomUUID();

/**
 * Deliver the outbox to POST /v1/shares, in batches of at most 500, until nothing is due.
 * - One flush at a time: in this worker, concurrent calls share one run (and one request); across
 *   workers (one stopped mid-flush, a new one started) a lease in the database keeps a second flush out
 *   until the first one finishes or its lease runs out.
 * - Only ids that a 2xx answer lists (accepted or duplicates) leave the outbox and become `synced` in the
 *   history; anything else stays and is sent again under the same id (the server dedupes).
 * - No answer, 5xx, 408, 429, or an answer that breaks the contract: back off (exponential, full jitter,
 *   at least Retry-After when the server gives one) and schedule the next try with an alarm.
 * - Another 4xx: counts an attempt; after MAX_REJECTED_ATTEMPTS the share is marked failed (kept, visible).
 * - 401: stop; nothing is counted; delivery resumes when the person connects again.
 * `force` (the popup opened, someone connected) sends waiting shares whatever their backoff.
 */
export function flushOutbox(deps: FlushDeps, opts: { force?: boolean } = {}): Promise<FlushResult> {
  const force = opts.force ?? false;
  const running = inFlight.get(deps.db);
  if (running && (running.force || !force)) return running.run;
  // A forced flush asked for while a normal one runs: after it, so shares in backoff still go now.
  const run = (running ? running.run.catch(() => undefined) : Promise.resolve())
    .then(() => runFlush(deps, force))
    .finally(() => {
      if (inFlight.get(deps.db)?.run === run) inFlight.delete(deps.db);
    });
  inFlight.set(deps.db, { run, force });
  return run;
}

async function runFlush(deps: FlushDeps, force: boolean): Promise<FlushResult> {
  const now = deps.now ?? (() => Date.now());
  const owner = deps.owner ?? defaultOwner;
  const lease = await takeLease(deps.db, owner, now());
  if (lease !== true) {
    // Another worker holds it (maybe one that was stopped): look again when its lease runs out.
    await deps.schedule(lease.until);
    return { outcome: 'busy' };
  }
  try {
    return await deliver(deps, force, now, owner);
  } finally {
    await releaseLease(deps.db, owner);
  }
}

async function deliver(deps: FlushDeps, force: boolean, now: () => number, owner: string): Promise<FlushResult> {
  const { db } = deps;
  const connection = await deps.getConnection();
  if (!connection) return { outcome: 'not-connected', sent: 0 };
  const employeeId = deps.getEmployeeId ? await deps.getEmployeeId() : ANYONE;
  const api = createApi({ ...connection, fetch: deps.fetch });
  const tried = new Set<string>();
  let sent = 0;

  /**
   * Send rows; on a refusal (4xx) of several, send each half on its own, so one share the server will never
   * take (an item deleted meanwhile) does not hold back the 499 others: about 2·log2(n) extra requests.
   */
  async function send(rows: OutboxRow[]): Promise<FlushResult | null> {
    await renewLease(db, owner, now());
    let answer;
    try {
      answer = await api.shares({ shares: rows.map((row) => row.share) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return { outcome: 'signed-out', sent };
      if (!isTransient(err) && rows.length > 1) {
        const half = Math.ceil(rows.length / 2);
        return (await send(rows.slice(0, half))) ?? (await send(rows.slice(half)));
      }
      const failure = await recordFailure(deps, rows, err, now());
      return isTransient(err) ? { ...failure, sent } : null;
    }
    const confirmed = new Set([...answer.accepted, ...answer.duplicates].map((id) => id.toLowerCase()));
    const done = rows.filter((row) => confirmed.has(row.id.toLowerCase())).map((row) => row.id);
    const missing = rows.filter((row) => !confirmed.has(row.id.toLowerCase()));
    await db.transaction('rw', db.outbox, db.history, async () => {
      await db.outbox.bulkDelete(done);
      await db.history.where('id').anyOf(done).modify({ state: 'synced' });
    });
    sent += done.length;
    // A 2xx that leaves some of ours out: those wait and go again later, under the same ids.
    if (missing.length) await recordFailure(deps, missing, new Error(t('errors.notConfirmed')), now());
    return null;
  }

  for (;;) {
    const batch = await dueBatch(db, force ? Infinity : now(), employeeId, tried);
    if (batch.length === 0) break;
    batch.forEach((row) => tried.add(row.id));
    const stop = await send(batch);
    if (stop?.outcome === 'signed-out') {
      // Nothing to retry on a timer: connecting again flushes.
      await deps.schedule(null);
      return { outcome: 'signed-out', sent };
    }
    if (stop) {
      await scheduleNext(deps, employeeId);
      return { ...stop, sent } as FlushResult;
    }
  }

  await scheduleNext(deps, employeeId);
  return { outcome: sent > 0 ? 'sent' : 'idle', sent };
}

/** No account filter (FlushDeps without getEmployeeId). */
const ANYONE = Symbol('anyone');
type Sender = string | null | typeof ANYONE;

/** Whether `row` may be sent under `sender`'s session: only a row recorded under that very person. */
function belongsTo(row: OutboxRow, sender: Sender): boolean {
  return sender === ANYONE || (sender !== null && row.employeeId === sender);
}

/** Up to one batch of waiting rows due at `dueBy`, oldest first, for this account, not yet tried in this run. */
async function dueBatch(db: RelayDb, dueBy: number, employeeId: Sender, tried: Set<string>): Promise<OutboxRow[]> {
  const rows = await db.outbox
    .where('[state+nextAttemptAt]')
    .between(['waiting', -Infinity], ['waiting', dueBy], true, true)
    .filter((row) => !tried.has(row.id) && belongsTo(row, employeeId))
    .limit(MAX_SHARES_PER_BATCH)
    .toArray();
  // UUIDv7 ids sort by creation time: deliver in the order shares were made.
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Worth retrying as is: no answer, an answer we cannot trust, or the server asking for time. */
function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status >= 500 || err.status === 408 || err.status === 429;
  return true; // UnreachableError, InvalidResponseError, anything unexpected
}

async function recordFailure(deps: FlushDeps, rows: OutboxRow[], err: unknown, now: number) {
  const random = deps.random ?? Math.random;
  const transient = isTransient(err);
  const retryAfter = err instanceof ApiError ? parseRetryAfter(err.retryAfter, now) : null;
  const error = describeError(err);
  let nextAttemptAt = Infinity;
  await deps.db.transaction('rw', deps.db.outbox, deps.db.history, async () => {
    for (const row of rows) {
      const current = await deps.db.outbox.get(row.id);
      if (!current) continue; // delivered meanwhile
      const attempts = current.attempts + 1;
      if (!transient && attempts >= MAX_REJECTED_ATTEMPTS) {
        await deps.db.outbox.update(row.id, { attempts, state: 'failed', lastError: error });
        await deps.db.history.update(row.id, { state: 'failed' });
        continue;
      }
      const at = now + backoffDelay(attempts, random(), retryAfter);
      nextAttemptAt = Math.min(nextAttemptAt, at);
      await deps.db.outbox.update(row.id, { attempts, nextAttemptAt: at, lastError: error });
    }
  });
  return { outcome: 'retry-later' as const, error, nextAttemptAt };
}

/** Point the alarm at the earliest waiting row (or clear it when none waits). */
async function scheduleNext(deps: FlushDeps, employeeId: Sender) {
  const next = await rowsInState(deps.db, 'waiting')
    .filter((row) => belongsTo(row, employeeId))
    .first();
  await deps.schedule(next ? next.nextAttemptAt : null);
}
