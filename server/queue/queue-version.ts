import type BetterSqlite3 from 'better-sqlite3';
import { changeSeqReader } from '../db/change-sequence';

interface Snapshot {
  seq: number;
  /** The latest publish or expiry time already passed: moves when an item appears or expires by itself. */
  lastBoundary: number;
  /** The next publish or expiry time still ahead; until then the snapshot holds without another query. */
  nextBoundary: number;
}

/**
 * What the queue looks like "as of now", in two numbers: the change sequence (edits) and the last
 * time boundary passed (scheduled items appearing, items expiring). Together they make the ETag,
 * so it changes for both kinds of change, while the 304 path costs one prepared single-row read.
 */
export class QueueVersion {
  private readonly readSeq: () => number;
  private readonly lastPassed: BetterSqlite3.Statement<[number, number], number | null>;
  private readonly nextAhead: BetterSqlite3.Statement<[number, number], number | null>;
  private snapshot: Snapshot | undefined;

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

  at(now: number): Snapshot {
    const seq = this.readSeq();
    const s = this.snapshot;
    if (s && s.seq === seq && now < s.nextBoundary) return s;
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
    return `W/"q${seq.toString(36)}.${lastBoundary.toString(36)}.${employeeId}"`;
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
