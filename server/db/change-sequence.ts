import { sql, type Kysely, type Transaction } from 'kysely';
import { CHANGE_SEQ, SESSION_SEQ } from './meta-keys';
import type { DB } from './schema';
import type { Log } from '../log/logger';

/**
 * One monotonically increasing number for every change to items. Items carry the value of their last
 * change (`version`), so "what changed since N" is an index range scan, and "has anything changed"
 * is one read of a single row: that is what makes queue deltas and cheap 304s possible.
 */
export async function nextChangeSeq(trx: Transaction<DB> | Kysely<DB>): Promise<number> {
  return bump(trx, CHANGE_SEQ);
}

/** Cached sessions must be read again (a sign-out, a deactivation, a role change): tells every instance. */
export async function nextSessionSeq(db: Transaction<DB> | Kysely<DB>): Promise<number> {
  return bump(db, SESSION_SEQ);
}

async function bump(db: Transaction<DB> | Kysely<DB>, key: string): Promise<number> {
  const row = await db
    .updateTable('meta')
    .set({ value: sql`value + 1` })
    .where('key', '=', key)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function readChangeSeq(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CHANGE_SEQ).executeTakeFirst();
  return Number(row?.value ?? 0);
}

type Sequence = typeof CHANGE_SEQ | typeof SESSION_SEQ;

/**
 * Each instance keeps items, link targets and sessions in memory; this is how one learns that another
 * changed them. It reads both sequences about once a second (one small query, off the request path) and
 * tells the listeners of a sequence that moved, so caches are dropped within a second or two everywhere.
 */
export class SharedChanges {
  private readonly seen = new Map<Sequence, number>();
  private readonly listeners = new Map<Sequence, Array<() => void>>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log?: Log,
  ) {}

  on(sequence: Sequence, listener: () => void): void {
    this.listeners.set(sequence, [...(this.listeners.get(sequence) ?? []), listener]);
  }

  start(everyMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.poll().catch((error: unknown) => this.log?.error({ err: error }, 'reading the change sequences failed'));
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads the sequences now; listeners of those that moved since the last read are called. */
  poll(): Promise<void> {
    return (this.polling ??= this.read().finally(() => (this.polling = undefined)));
  }

  private async read(): Promise<void> {
    const rows = await this.db
      .selectFrom('meta')
      .select(['key', 'value'])
      .where('key', 'in', [CHANGE_SEQ, SESSION_SEQ])
      .execute();
    for (const row of rows) {
      const key = row.key as Sequence;
      const value = Number(row.value);
      const before = this.seen.get(key);
      this.seen.set(key, value);
      if (before !== undefined && before !== value) for (const listener of this.listeners.get(key) ?? []) listener();
    }
  }
}
