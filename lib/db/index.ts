import { Dexie, type Table } from 'dexie';
import type { Network } from '../contract/common';
import type { QueueItem } from '../contract/queue';
import type { ShareInput } from '../contract/shares';
import { DB_NAME, QUEUE_ORDER_INDEX } from './names';

export { DB_NAME } from './names';

/**
 * A queue item as cached: the contract's QueueItem unchanged, plus two derived keys, because IndexedDB
 * cannot index booleans and ISO strings with different offsets do not sort by time.
 * Sorting "pinned first, newest first" is `orderBy(QUEUE_ORDER_INDEX).reverse()`.
 */
export interface QueueRow extends QueueItem {
  pinnedRank: 0 | 1;
  publishMs: number;
}

export function toQueueRow(item: QueueItem): QueueRow {
  return { ...item, pinnedRank: item.pinned ? 1 : 0, publishMs: Date.parse(item.publishAt) };
}

/** How many shares were made in one UTC month ("2026-11") on one network. */
export interface MonthCountRow {
  month: string;
  network: Network;
  count: number;
}

/** The UTC month of an ISO time ("…Z"): its first seven characters. */
export const monthOf = (sharedAt: string): string => new Date(sharedAt).toISOString().slice(0, 7);

function countInto(counts: Map<string, MonthCountRow>, row: Pick<HistoryRow, 'sharedAt' | 'network'>): void {
  const month = monthOf(row.sharedAt);
  const key = `${month} ${row.network}`;
  const entry = counts.get(key) ?? { month, network: row.network, count: 0 };
  entry.count += 1;
  counts.set(key, entry);
}

/** Small key/value facts about the cache. */
export interface MetaRow {
  key: MetaKey;
  value: string;
}
/**
 * - `etag`, `cursor`: what the last good /v1/queue answer gave us (sent back as If-None-Match / ?since=).
 * - `session`: a random id written when someone connects; a sync that started under another session
 *   must not write (see lib/sync).
 */
export type MetaKey = 'etag' | 'cursor' | 'session' | 'outboxLease';

/**
 * - `pending`: in the outbox, not yet confirmed by the server;
 * - `synced`: a 2xx answer listed its id (accepted or duplicate);
 * - `failed`: the server refused it (4xx) too many times; kept and shown, no longer retried.
 */
export type ShareState = 'pending' | 'synced' | 'failed';

/** One share this person made with Relay, as the popup's History lists it. */
export interface HistoryRow {
  /** UUIDv7 made by the extension; the same id goes to the server (idempotent retries). */
  id: string;
  itemId: string;
  network: Network;
  captionId?: string;
  edited: boolean;
  /** ISO time in UTC ("…Z"), so that string order is time order (the paging index). */
  sharedAt: string;
  /** The item's title when it was shared (the item may leave the queue later). */
  title: string;
  /** The text as sent, when Relay knows it (the popup does; a composer may have been edited after). */
  text?: string;
  /** Who shared it: an outbox row is only sent under the same account. */
  employeeId?: string;
  state: ShareState;
}

/** A share waiting for the server. The row IS the state: a worker stopped mid-flush loses nothing. */
export interface OutboxRow {
  id: string;
  share: ShareInput;
  employeeId?: string;
  /** Failed attempts so far (a 401 does not count: that waits for the person to reconnect). */
  attempts: number;
  /** Epoch ms before which the row is not retried (backoff). */
  nextAttemptAt: number;
  state: 'waiting' | 'failed';
  lastError?: string;
}

/**
 * Relay's IndexedDB. Only the background worker writes to it; pages read it (liveQuery).
 *
 * Schema history — never edit a shipped version, add a new one:
 *   v1  queue (the curated queue), meta (etag, cursor, session)
 *   v2  history (shares made: paged newest first by sharedAt; "did I share this item on this network"
 *       by [network+itemId]; state), outbox (shares waiting for the server: due ones by
 *       [state+nextAttemptAt]). Only new tables: Dexie keeps v1's as they are, no upgrade function needed.
 *   v3  history gains [network+sharedAt]: "shares per network this month" becomes two index counts
 *       (IDBIndex.count reads no rows), instead of loading a month of rows. Dexie builds the new index
 *       from the existing rows on upgrade; no data changes.
 *   v4  historyMonths: shares per UTC month and network, kept by addHistory in the same transaction as the
 *       rows. Chromium counts an index range entry by entry (each checked against the store), far over the
 *       50 ms budget at 100,000 shares; one row per month and network is read in well under a millisecond.
 *       The upgrade counts the history already there.
 *   v5  history [sharedAt+id]: the History tab's order (newest first, ties by id) as one index, so the page
 *       after a row is one bounded range read backwards, with no second query for shares made in the same
 *       millisecond. Dexie builds it from the existing rows on upgrade.
 */
export class RelayDb extends Dexie {
  queue!: Table<QueueRow, string>;
  meta!: Table<MetaRow, MetaKey>;
  history!: Table<HistoryRow, string>;
  outbox!: Table<OutboxRow, string>;
  historyMonths!: Table<MonthCountRow, [string, Network]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      queue: `id, ${QUEUE_ORDER_INDEX}, publishMs, *topics, expiresAt, updatedAt`,
      meta: 'key',
    });
    this.version(2).stores({
      history: 'id, sharedAt, [network+itemId], itemId, state',
      outbox: 'id, [state+nextAttemptAt]',
    });
    this.version(3).stores({
      history: 'id, sharedAt, [network+itemId], itemId, state, [network+sharedAt]',
    });
    this.version(4)
      .stores({ historyMonths: '[month+network]' })
      .upgrade(async (tx) => {
        const counts = new Map<string, MonthCountRow>();
        await tx.table<HistoryRow>('history').each((row) => countInto(counts, row));
        await tx.table<MonthCountRow>('historyMonths').bulkPut([...counts.values()]);
      });
    this.version(5).stores({
      history: 'id, sharedAt, [network+itemId], itemId, state, [network+sharedAt], [sharedAt+id]',
    });
  }

  async getMeta(key: MetaKey): Promise<string | undefined> {
    return (await this.meta.get(key))?.value;
  }

  /**
   * Empty the cache for a new account (or none): queue, etag, cursor, all in one transaction, and mark the
   * new session so a sync still running for the previous one cannot write into it. History and outbox are
   * not a cache (they are the person's record and undelivered shares) and are kept.
   */
  async resetCache(session: string | null): Promise<void> {
    await this.transaction('rw', this.queue, this.meta, async () => {
      await this.queue.clear();
      // Only the cache's own keys: an outbox lease must outlive a reconnect.
      await this.meta.bulkDelete(['etag', 'cursor', 'session']);
      if (session) await this.meta.put({ key: 'session', value: session });
    });
  }
}

let shared: RelayDb | undefined;

/** The extension's database, opened on first use (nothing happens at import time). */
export function getDb(): RelayDb {
  return (shared ??= new RelayDb());
}

/** Items to show: not expired at `now`, pinned first, then newest first. */
export async function listQueue(db: RelayDb, now = Date.now()): Promise<QueueRow[]> {
  const rows = await db.queue.orderBy(QUEUE_ORDER_INDEX).reverse().toArray();
  return rows.filter((r) => !r.expiresAt || Date.parse(r.expiresAt) > now);
}

/** Where the previous page of history ended: its last row's time, and its id to break ties. */
export interface HistoryCursor {
  sharedAt: string;
  id: string;
}

/**
 * One page of history, newest first: `limit` rows older than `before` (omit for the first page). `before`
 * is the last row of the previous page; given as a bare time, rows at exactly that time are skipped, given
 * as `{sharedAt, id}`, shares made in the same millisecond are not lost between pages (the [sharedAt+id]
 * index orders equal times by id, and the page starts right after that pair). Reads only `limit` rows.
 */
export async function listHistory(
  db: RelayDb,
  opts: { limit?: number; before?: string | HistoryCursor } = {},
): Promise<HistoryRow[]> {
  const limit = opts.limit ?? 50;
  const before = opts.before;
  if (!before) return db.history.orderBy('[sharedAt+id]').reverse().limit(limit).toArray();
  if (typeof before === 'string') return db.history.where('sharedAt').below(before).reverse().limit(limit).toArray();
  return db.history.where('[sharedAt+id]').below([before.sharedAt, before.id]).reverse().limit(limit).toArray();
}

/**
 * Every share from the newest down to `floor` (a row a page ended on), newest first. The History tab keeps
 * this live: it shows what was paged in so far and follows new shares and state changes without re-paging.
 */
export async function listHistoryDownTo(db: RelayDb, floor: HistoryCursor): Promise<HistoryRow[]> {
  return db.history.where('[sharedAt+id]').aboveOrEqual([floor.sharedAt, floor.id]).reverse().toArray();
}

/** Which of `itemIds` this person already shared on `network` (ranked last in suggestions). */
export async function sharedItemIds(db: RelayDb, network: Network, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.history
    .where('[network+itemId]')
    .anyOf(itemIds.map((id) => [network, id]))
    .toArray();
  return new Set(rows.map((r) => r.itemId));
}

/** Shares per network in a period, and their sum. */
export interface ShareTotals {
  linkedin: number;
  x: number;
  total: number;
}

/** [from, to) of the UTC calendar month holding `now`, as ISO strings (the server's "this month" too). */
export function utcMonth(now: number): { from: string; to: string } {
  const d = new Date(now);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/**
 * Add shares to the history and to the monthly counts, both or neither. The ONLY way rows enter the history
 * (lib/outbox recordShare uses it), so the counts stay exact. Joins the caller's transaction when it
 * includes both tables.
 */
export async function addHistory(db: RelayDb, rows: readonly HistoryRow[]): Promise<void> {
  await db.transaction('rw', db.history, db.historyMonths, async () => {
    await db.history.bulkAdd(rows as HistoryRow[]);
    const counts = new Map<string, MonthCountRow>();
    for (const row of rows) countInto(counts, row);
    const keys = [...counts.values()].map((c): [string, Network] => [c.month, c.network]);
    const existing = await db.historyMonths.bulkGet(keys);
    await db.historyMonths.bulkPut(
      [...counts.values()].map((c, i) => ({ ...c, count: c.count + (existing[i]?.count ?? 0) })),
    );
  });
}

/**
 * How many shares this person made per network in one UTC calendar month (default: this one): two rows
 * of historyMonths, whatever the size of the history.
 */
export async function shareTotals(db: RelayDb, period: { from: string } = utcMonth(Date.now())): Promise<ShareTotals> {
  const month = monthOf(period.from);
  const [linkedin, x] = await db.historyMonths.bulkGet([
    [month, 'linkedin'],
    [month, 'x'],
  ]);
  const totals = { linkedin: linkedin?.count ?? 0, x: x?.count ?? 0 };
  return { ...totals, total: totals.linkedin + totals.x };
}
