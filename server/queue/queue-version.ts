import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readChangeSeq } from '../db/change-sequence';

export interface Snapshot {
  seq: number;
  /** The latest publish or expiry time already passed: moves when an item appears or expires by itself. */
  lastBoundary: number;
  /** The next publish or expiry time still ahead; until then the snapshot holds without another query. */
  nextBoundary: number;
}

/**
 * What the queue looks like "as of now", in two numbers: the change sequence (edits) and the last
 * time boundary passed (scheduled items appearing, items expiring). Together they make the ETag,
 * so it changes for both kinds of change. Both come from the database only, so every instance on
 * it gives the same ETag for the same queue.
 *
 * The 304 path does no database work at all: even a one-row SQLite read (a WAL read transaction)
 * measured as a quarter of its CPU. The snapshot is read again when items change (`invalidate`,
 * called for edits made here and, through the shared change sequence, for edits made elsewhere)
 * or when its next boundary passes.
 */
export class QueueVersion {
  private snapshot: Snapshot | undefined;
  private stale = true;
  /** Bumped by invalidate(): a read that started before must not clear `stale`. */
  private generation = 0;
  private reading: Promise<Snapshot> | undefined;
  /** ETags of the current snapshot, per employee: the 304 path then builds no strings. */
  private etags = new Map<string, string>();

  constructor(private readonly db: Kysely<DB>) {}

  /** Items changed: the next request reads the snapshot again. */
  invalidate(): void {
    this.generation++;
    this.stale = true;
  }

  /** The snapshot at `now`: from memory (no promise) while it holds, else read. */
  at(now: number): Snapshot | Promise<Snapshot> {
    return this.current(now) ?? (this.reading ??= this.read(now).finally(() => (this.reading = undefined)));
  }

  /** From memory only: the snapshot while it holds, else undefined. */
  current(now: number): Snapshot | undefined {
    const s = this.snapshot;
    return s && !this.stale && now < s.nextBoundary ? s : undefined;
  }

  /** A weak ETag: the representation is equivalent, not byte-identical (cursor time differs). */
  etag(employeeId: string, snapshot: Snapshot): string {
    if (snapshot !== this.snapshot) return tagOf(snapshot, employeeId);
    let tag = this.etags.get(employeeId);
    if (tag === undefined) {
      tag = tagOf(snapshot, employeeId);
      this.etags.set(employeeId, tag);
    }
    return tag;
  }

  private async read(now: number): Promise<Snapshot> {
    const generation = this.generation;
    const seq = await readChangeSeq(this.db);
    const bounds = await sql<{ last: number | null; next: number | null }>`SELECT
        (SELECT MAX(b) FROM (
           SELECT MAX(publish_at) AS b FROM items WHERE deleted_at IS NULL AND publish_at <= ${now}
           UNION ALL
           SELECT MAX(expires_at) AS b FROM items WHERE deleted_at IS NULL AND expires_at <= ${now}) AS passed) AS last,
        (SELECT MIN(b) FROM (
           SELECT MIN(publish_at) AS b FROM items WHERE deleted_at IS NULL AND publish_at > ${now}
           UNION ALL
           SELECT MIN(expires_at) AS b FROM items WHERE deleted_at IS NULL AND expires_at > ${now}) AS ahead) AS next`.execute(
      this.db,
    );
    const row = bounds.rows[0];
    const snapshot: Snapshot = {
      seq,
      lastBoundary: Number(row?.last ?? 0),
      nextBoundary: row?.next == null ? Number.POSITIVE_INFINITY : Number(row.next),
    };
    const s = this.snapshot;
    if (!s || s.seq !== snapshot.seq || s.lastBoundary !== snapshot.lastBoundary) this.etags = new Map();
    this.snapshot = snapshot;
    if (generation === this.generation) this.stale = false;
    return snapshot;
  }
}

const tagOf = (s: Snapshot, employeeId: string) =>
  `W/"q${s.seq.toString(36)}.${s.lastBoundary.toString(36)}.${employeeId}"`;

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2) and may list several tags or `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}
