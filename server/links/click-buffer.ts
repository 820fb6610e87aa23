import { sql, type Kysely, type Transaction } from 'kysely';
import type { Network } from '../../lib/contract/common';
import type { DB } from '../db/schema';
import type { VisitorHash } from './visitor-hash';

export const DEDUPE_WINDOW_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;
/** Rows per multi-row statement: well under SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 400;
const SWEEP_EVERY_MS = 60_000;

/** A redirect that may count: the click, and who visited (kept in memory only until the next write). */
export interface ClickCandidate extends Click {
  ip: string;
  userAgent: string;
}

/** Tables written here that the typed schema leaves out (the rollups are read with SQL in analytics). */
type ClickTables = {
  click_visitors: { code: string; visitor: string; counted_at: number };
};

interface Counted extends ClickCandidate {
  visitor: string;
}

/**
 * Redirects wait for no disk: candidate clicks collect in memory and are written every few milliseconds in
 * one transaction per batch (group commit), so a crash loses only the last interval. The write decides
 * which candidates count: a visitor counts once an hour per link, checked against `click_visitors`, which
 * every instance shares. Visitors are a keyed hash of link, address and agent; the address and agent
 * themselves are never written. The daily rollups get one upsert per table and batch.
 */
export class ClickBuffer {
  private pending: ClickCandidate[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The write in progress: writes run one after another, each taking what is pending when it starts. */
  private writing: Promise<number> = Promise.resolve(0);
  private busy = false;
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly visitorHash: VisitorHash,
    private readonly options: { flushEveryMs: number; maxBatch: number },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.pending.length === 0 || this.busy) return;
      this.flush().catch((error: unknown) => {
        console.error('Relay: writing clicks failed, will retry:', (error as Error).message);
      });
    }, this.options.flushEveryMs);
    // The buffer must not keep a process alive that has nothing else to do (the CLI, tests).
    this.timer.unref();
  }

  add(click: ClickCandidate): void {
    this.pending.push(click);
    if (this.pending.length >= this.options.maxBatch && !this.busy) {
      this.flush().catch((error: unknown) => {
        console.error('Relay: writing clicks failed, will retry:', (error as Error).message);
      });
    }
  }

  /** Writes everything buffered so far; resolves to how many clicks counted. */
  flush(): Promise<number> {
    const next = this.writing.then(() => this.writePending(), () => this.writePending());
    this.writing = next.catch(() => 0);
    return next;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Stops the timer and writes what is left. */
  stop(): Promise<number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.flush();
  }

  private async writePending(): Promise<number> {
    if (this.pending.length === 0) return 0;
    const batch = this.pending;
    this.pending = [];
    this.busy = true;
    let counted: number;
    try {
      counted = await this.db.transaction().execute((trx) => this.write(trx, batch));
    } catch (error) {
      // Kept for the next attempt (e.g. the database was busy) rather than lost.
      this.pending = batch.concat(this.pending);
      this.busy = false;
      throw error;
    }
    const now = batch[batch.length - 1]!.clickedAt;
    if (!(now - this.sweptAt < SWEEP_EVERY_MS)) {
      await this.sweep(now).catch((error: unknown) => {
        console.error('Relay: sweeping old click visitors failed:', (error as Error).message);
      });
    }
    this.busy = false;
    return counted;
  }

  private async write(trx: Transaction<DB>, batch: ClickCandidate[]): Promise<number> {
    const counted: Counted[] = [];
    for (const round of rounds(batch)) {
      const byKey = new Map<string, Counted>();
      for (const c of round) {
        const visitor = this.visitorHash(c.code, c.ip, c.userAgent);
        byKey.set(`${c.code} ${visitor}`, { ...c, visitor });
      }
      const candidates = [...byKey.values()];
      for (let i = 0; i < candidates.length; i += CHUNK) {
        // A visitor counts when new to this link or last counted an hour ago or more: the upsert returns
        // exactly those rows, and another instance writing the same visitor waits for our row or sees it.
        const fresh = await trx
          .withTables<ClickTables>()
          .insertInto('click_visitors')
          .values(candidates.slice(i, i + CHUNK).map((c) => ({ code: c.code, visitor: c.visitor, counted_at: c.clickedAt })))
          .onConflict((oc) =>
            oc
              .columns(['code', 'visitor'])
              .doUpdateSet({ counted_at: (eb) => eb.ref('excluded.counted_at') })
              .where('click_visitors.counted_at', '<=', sql<number>`excluded.counted_at - ${sql.lit(DEDUPE_WINDOW_MS)}`),
          )
          .returning(['code', 'visitor'])
          .execute();
        for (const row of fresh) counted.push(byKey.get(`${row.code} ${row.visitor}`)!);
      }
    }
    await writeClicks(trx, counted);
    return counted.length;
  }

  /** Visitors last counted over an hour ago no longer matter. */
  private async sweep(now: number): Promise<void> {
    this.sweptAt = now;
    await this.db
      .withTables<ClickTables>()
      .deleteFrom('click_visitors')
      .where('counted_at', '<=', now - DEDUPE_WINDOW_MS)
      .execute();
  }
}

/**
 * The batch split so that no round names a visitor of a link twice (one upsert cannot touch a row twice
 * on PostgreSQL): repeats within the hour of the round's candidate are dropped here, and a repeat an hour
 * or more later (only a test clock makes those within one batch) goes to the next round.
 */
function rounds(batch: ClickCandidate[]): ClickCandidate[][] {
  const out: ClickCandidate[][] = [];
  const last = new Map<string, { at: number; round: number }>();
  for (const c of batch) {
    // Header values cannot hold a newline, so the joined string names one visitor of one link.
    const key = `${c.code}\n${c.ip}\n${c.userAgent}`;
    const seen = last.get(key);
    if (seen && c.clickedAt - seen.at < DEDUPE_WINDOW_MS) continue;
    const round = seen ? seen.round + 1 : 0;
    last.set(key, { at: c.clickedAt, round });
    (out[round] ??= []).push(c);
  }
  return out;
}

/** A click that counts, as stored. */
export interface Click {
  code: string;
  employeeId: string;
  itemId: string;
  network: Network;
  clickedAt: number;
}

/**
 * Writes counted clicks and adds them to the daily rollups (one upsert per table). Clicks are written only
 * through here: no trigger adds an inserted click to the rollups. Call it inside a transaction.
 */
export async function writeClicks(trx: Kysely<DB>, clicks: readonly Click[]): Promise<void> {
  if (clicks.length === 0) return;
  for (let i = 0; i < clicks.length; i += CHUNK) {
    await trx
      .insertInto('clicks')
      .values(clicks.slice(i, i + CHUNK).map((c) => ({
        code: c.code, employee_id: c.employeeId, item_id: c.itemId, network: c.network, clicked_at: c.clickedAt,
      })))
      .execute();
  }
  await addDailyClicks(trx, 'daily_network_figures', 'network', clicks, (c) => c.network);
  await addDailyClicks(trx, 'daily_item_figures', 'item_id', clicks, (c) => c.itemId);
  await addDailyClicks(trx, 'daily_employee_figures', 'employee_id', clicks, (c) => c.employeeId);
}

type DailyTable = 'daily_network_figures' | 'daily_item_figures' | 'daily_employee_figures';

/** One upsert adding the batch's clicks to a daily table (its triggers move the running totals). */
async function addDailyClicks(
  trx: Kysely<DB>, table: DailyTable, column: string, counted: readonly Click[], keyOf: (c: Click) => string,
): Promise<void> {
  const totals = new Map<string, { day: number; key: string; clicks: number }>();
  for (const c of counted) {
    const day = Math.floor(c.clickedAt / DAY_MS);
    const key = keyOf(c);
    const id = `${day} ${key}`;
    const t = totals.get(id);
    if (t) t.clicks++;
    else totals.set(id, { day, key, clicks: 1 });
  }
  const rows = [...totals.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => sql`(${r.day}, ${r.key}, ${r.clicks})`);
    await sql`INSERT INTO ${sql.table(table)} (day, ${sql.ref(column)}, clicks) VALUES ${sql.join(values)}
      ON CONFLICT (day, ${sql.ref(column)}) DO UPDATE SET clicks = ${sql.ref(`${table}.clicks`)} + excluded.clicks`.execute(trx);
  }
}
