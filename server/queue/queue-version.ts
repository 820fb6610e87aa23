import type BetterSqlite3 from 'better-sqlite3';
import { changeSeqReader } from '../db/change-sequence';

interface Snapshot {
  seq: number;
  /** The latest publish or expiry time already passed: moves when an item appears or expires by itself. */
  lastBoundary: number;
  /** The next publish or expiry time still ahead; until then the snapshot holds without another query. */
  nextBoundary: number;
}

/** How long a read of the change sequence is trusted when nothing in this process changed items. */
export const SEQ_RECHECK_MS = 1000;

/**
 * What the queue looks like "as of now", in two numbers: the change sequence (edits) and the last
 * time boundary passed (scheduled items appearing, items expiring). Together they make the ETag,
 * so it changes for both kinds of change.
 *
 * The 304 path does no database work at all: even a one-row SQLite read (a WAL read transaction)
 * measured as a quarter of its CPU. Changes made through this process call `invalidate()` and are
 * seen at once; changes by another process (the CLI's seed-demo) are picked up within SEQ_RECHECK_MS.
 */
export class QueueVersion {
  private readonly readSeq: () => number;
  private seq = 0;
  private seqReadAt = Number.NEGATIVE_INFINITY;
  private readonly lastPassed: BetterSqlite3.Statement<[number, number], number | null>;
  private readonly nextAhead: BetterSqlite3.Statement<[number, number], number | null>;
  private snapshot: Snapshot | undefined;
  /** ETags of the current snapshot, per employee: the 304 path then builds no strings. */
  private etags = new Map<string, string>();

  constructor(sqlite: BetterSqlite3.Database) {
    this.readSeq = changeSeqReader(sqlite);
    this.lastPassed = sqlite
      .prepare<[number, number], number | null>(
        `SELECT MAX(b) FROM (
           SELECT MAX(publish_at) AS b FROM items WHERE deleted_at IS NULL AND publish_at <= ?
           UNION ALL
           SELECT MAX(expires_at) AS b FROM items WHERE deleted_at IS NULL AND expires_at <= ?)`,
      )
      .pluck();
    this.nextAhead = sqlite
      .prepare<[number, number], number | null>(
        `SELECT MIN(b) FROM (
           SELECT MIN(publish_at) AS b FROM items WHERE deleted_at IS NULL AND publish_at > ?
           UNION ALL
           SELECT MIN(expires_at) AS b FROM items WHERE deleted_at IS NULL AND expires_at > ?)`,
      )
      .pluck();
  }

  /** Items changed in this process: the next request reads the sequence again. */
  invalidate(): void {
    this.seqReadAt = Number.NEGATIVE_INFINITY;
  }

  at(now: number): Snapshot {
    if (!(now - this.seqReadAt < SEQ_RECHECK_MS)) {
      this.seq = this.readSeq();
      this.seqReadAt = now;
    }
    const seq = this.seq;
    const s = this.snapshot;
    if (s && s.seq === seq && now < s.nextBoundary) return s;
    this.etags = new Map();
    this.snapshot = {
      seq,
      lastBoundary: Number(this.lastPassed.get(now, now) ?? 0),
      nextBoundary: Number(this.nextAhead.get(now, now) ?? Number.POSITIVE_INFINITY),
    };
    return this.snapshot;
  }

  /** A weak ETag: the representation is equivalent, not byte-identical (cursor time differs). */
  etag(employeeId: string, now: number): string {
    const { seq, lastBoundary } = this.at(now);
    let tag = this.etags.get(employeeId);
    if (tag === undefined) {
      tag = `W/"q${seq.toString(36)}.${lastBoundary.toString(36)}.${employeeId}"`;
      this.etags.set(employeeId, tag);
    }
    return tag;
  }
}

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
