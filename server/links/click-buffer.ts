import type BetterSqlite3 from 'better-sqlite3';
import type { Network } from '../../lib/contract/common';

export interface Click {
  code: string;
  employeeId: string;
  itemId: string;
  network: Network;
  clickedAt: number;
}

/**
 * Counted clicks wait in memory and are written in one transaction per batch (every interval, when
 * the batch is full, on demand and at shutdown), so a redirect never waits for a disk write.
 * Only code, employee, item, network and time are stored: no IP address or user agent.
 */
export class ClickBuffer {
  private pending: Click[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly writeBatch: (clicks: Click[]) => void;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly options: { flushEveryMs: number; maxBatch: number },
  ) {
    const insert = sqlite.prepare<[string, string, string, string, number]>(
      'INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.writeBatch = sqlite.transaction((clicks: Click[]) => {
      for (const c of clicks) insert.run(c.code, c.employeeId, c.itemId, c.network, c.clickedAt);
    });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.flush();
      } catch (error) {
        console.error('Relay: writing clicks failed, will retry:', (error as Error).message);
      }
    }, this.options.flushEveryMs);
    // The buffer must not keep a process alive that has nothing else to do (the CLI, tests).
    this.timer.unref();
  }

  add(click: Click): void {
    this.pending.push(click);
    if (this.pending.length >= this.options.maxBatch) this.flush();
  }

  /** Writes everything buffered; returns how many clicks were written. */
  flush(): number {
    if (this.pending.length === 0) return 0;
    // A write inside someone else's open transaction would share its fate; try again on the next tick.
    if (this.sqlite.inTransaction) {
      setImmediate(() => this.flush());
      return 0;
    }
    const batch = this.pending;
    this.pending = [];
    try {
      this.writeBatch(batch);
    } catch (error) {
      // Keep the clicks for the next attempt (e.g. SQLITE_BUSY from another writer) rather than lose them.
      this.pending = batch.concat(this.pending);
      throw error;
    }
    return batch.length;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Stops the timer and writes what is left. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.flush();
  }
}
