import type { Kysely } from 'kysely';
import { MAX_ROWS } from '../db/multi-row-statement';
import type { DB } from '../db/schema';
import { countClicks, DEDUPE_WINDOW_MS, type Click } from './write-clicks';
import type { VisitorHash } from './visitor-hash';
import { visitorNamer } from './visitor-name';
import type { Log } from '../log/logger';

const SWEEP_EVERY_MS = 60_000;
const MAX_RECENT = 200_000;

/** A redirect that may count: the click, and who visited (kept in memory only until the next write). */
export interface ClickCandidate extends Click {
  ip: string;
  userAgent: string;
}

/** Tables written here that the typed schema leaves out (the rollups are read with SQL in analytics). */
type ClickTables = {
  click_visitors: { visitor: number; counted_at: number };
};

/** A candidate and the in-memory name of its visitor (never written anywhere). */
interface Pending {
  click: ClickCandidate;
  seen: number;
}

/** A pending candidate with its visitor as stored (the keyed hash), worked out when the batch is written. */
interface Named extends Pending {
  visitor: number;
}

/**
 * Redirects wait for no disk: candidate clicks collect in memory and are written every few milliseconds, one
 * atomic write per batch (group commit), so a crash loses only the last interval. The write decides which
 * candidates count (countClicks): a visitor counts once an hour per link, checked against `click_visitors`,
 * which every instance shares. Visitors are a keyed hash of link, address and agent; the address and agent
 * themselves are never written.
 */
export class ClickBuffer {
  private pending: Pending[] = [];
  /**
   * Visitors this instance counted in the last hour (in-memory name → when): their repeats are dropped at
   * once, without a database write. Cleared whole when full; the database still decides then, only more slowly.
   */
  private recent = new Map<number, number>();
  private readonly nameOf = visitorNamer();
  private timer: NodeJS.Timeout | undefined;
  /** The write in progress: writes run one after another, each taking what is pending when it starts. */
  private writing: Promise<number> = Promise.resolve(0);
  private busy = false;
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly visitorHash: VisitorHash,
    private readonly options: { flushEveryMs: number; maxBatch: number; log?: Log },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.pending.length === 0 || this.busy) return;
      this.flush().catch((error: unknown) => {
        this.options.log?.error({ err: error }, 'writing clicks failed, will retry');
      });
    }, this.options.flushEveryMs);
    // The buffer must not keep a process alive that has nothing else to do (the CLI, tests).
    this.timer.unref();
  }

  /**
   * This visitor of this link was counted here within the hour before `at`: a repeat, dropped without a
   * write. What a returning reader's redirect pays, so it is asked before anything else about the click.
   */
  countedLately(code: string, ip: string, userAgent: string, at: number): boolean {
    return this.isRepeat(this.nameOf(code, ip, userAgent), at);
  }

  add(click: ClickCandidate): void {
    const seen = this.nameOf(click.code, click.ip, click.userAgent);
    if (this.isRepeat(seen, click.clickedAt)) return;
    this.pending.push({ click, seen });
    if (this.pending.length >= this.options.maxBatch && !this.busy) {
      this.flush().catch((error: unknown) => {
        this.options.log?.error({ err: error }, 'writing clicks failed, will retry');
      });
    }
  }

  /** Writes everything buffered so far; resolves to how many clicks counted. */
  flush(): Promise<number> {
    const next = this.writing.then(
      () => this.writePending(),
      () => this.writePending(),
    );
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
      counted = await this.write(batch);
    } catch (error) {
      // Kept for the next attempt (e.g. the database was busy) rather than lost. Rounds already written
      // are not counted twice: the database refuses their visitors within the hour.
      this.pending = batch.concat(this.pending);
      this.busy = false;
      throw error;
    }
    const now = batch[batch.length - 1]!.click.clickedAt;
    if (!(now - this.sweptAt < SWEEP_EVERY_MS)) {
      await this.sweep(now).catch((error: unknown) => {
        this.options.log?.error({ err: error }, 'sweeping old click visitors failed');
      });
    }
    this.busy = false;
    return counted;
  }

  private async write(batch: Pending[]): Promise<number> {
    let counted = 0;
    const named = batch.map((p) => ({ ...p, visitor: this.visitorHash(p.click.code, p.click.ip, p.click.userAgent) }));
    for (const round of rounds(named)) {
      const fresh = new Set(await countClicks(this.db, round));
      const refused = new Map<number, Named>();
      for (const p of round) {
        if (!fresh.has(p.visitor)) refused.set(p.visitor, p);
        else {
          this.remember(p.seen, p.click.clickedAt);
          counted++;
        }
      }
      await this.rememberCountedElsewhere(refused);
    }
    return counted;
  }

  /**
   * Visitors the database refused were counted within the hour, by another instance (or by this one before
   * its memory was cleared): remembered here with the time they were counted, so their repeats on this
   * instance are dropped at once until that hour is over, instead of being written and refused each time.
   */
  private async rememberCountedElsewhere(refused: Map<number, Named>): Promise<void> {
    if (refused.size === 0) return;
    const ids = [...refused.keys()];
    for (let i = 0; i < ids.length; i += MAX_ROWS) {
      const rows = await this.db
        .withTables<ClickTables>()
        .selectFrom('click_visitors')
        .select(['visitor', 'counted_at'])
        .where('visitor', 'in', ids.slice(i, i + MAX_ROWS))
        .execute();
      for (const row of rows) {
        const p = refused.get(row.visitor);
        if (p) this.remember(p.seen, row.counted_at);
      }
    }
  }

  private isRepeat(seen: number, at: number): boolean {
    const countedAt = this.recent.get(seen);
    return countedAt !== undefined && at - countedAt < DEDUPE_WINDOW_MS && at >= countedAt;
  }

  private remember(seen: number, countedAt: number): void {
    if (this.recent.size >= MAX_RECENT) this.recent = new Map();
    this.recent.set(seen, countedAt);
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
function rounds(batch: Named[]): Named[][] {
  const out: Named[][] = [];
  const last = new Map<number, { at: number; round: number }>();
  for (const p of batch) {
    const seen = last.get(p.visitor);
    if (seen && p.click.clickedAt - seen.at < DEDUPE_WINDOW_MS) continue;
    const round = seen ? seen.round + 1 : 0;
    last.set(p.visitor, { at: p.click.clickedAt, round });
    (out[round] ??= []).push(p);
  }
  return out;
}
