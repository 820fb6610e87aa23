import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { DEFAULT_AUDIENCE } from '../../lib/contract/reach';
import type { SharesRequest, SharesResult } from '../../lib/contract/shares';
import { fromIso, type Clock } from '../clock';
import { problems, type ProblemField } from '../http/problem';

type Share = z.output<typeof SharesRequest>['shares'][number];

/** Clients may be a little ahead of the server clock; a day ahead is a broken clock or a forged share. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * Records a batch of shares, idempotently by the client-made id: a replayed batch inserts nothing
 * and reports those ids as duplicates. Batches arrive from every employee's outbox, so this runs on
 * prepared statements in one synchronous transaction.
 */
export class ShareRecorder {
  private readonly audienceOf: BetterSqlite3.Statement<[string], { audience_linkedin: number | null; audience_x: number | null }>;
  private readonly existingItems: (ids: string[]) => Set<string>;
  private readonly insertAll: (rows: unknown[][]) => boolean[];

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly now: Clock,
  ) {
    this.audienceOf = sqlite.prepare('SELECT audience_linkedin, audience_x FROM employees WHERE id = ?');
    const itemExists = sqlite.prepare<[string], number>('SELECT 1 FROM items WHERE id = ?').pluck();
    this.existingItems = (ids) => new Set(ids.filter((id) => itemExists.get(id) !== undefined));
    const insert = sqlite.prepare(
      `INSERT INTO shares (id, employee_id, item_id, network, caption_id, edited, shared_at, received_at, audience)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.insertAll = sqlite.transaction((rows: unknown[][]) => rows.map((r) => insert.run(...r).changes === 1));
  }

  record(employeeId: string, shares: Share[]): SharesResult {
    const at = this.now();
    this.check(shares, at);
    const own = this.audienceOf.get(employeeId);
    const audience = {
      linkedin: own?.audience_linkedin ?? DEFAULT_AUDIENCE.linkedin,
      x: own?.audience_x ?? DEFAULT_AUDIENCE.x,
    };
    const rows = shares.map((s) => [
      s.id.toLowerCase(), employeeId, s.itemId.toLowerCase(), s.network, s.captionId?.toLowerCase() ?? null,
      s.edited ? 1 : 0, fromIso(s.sharedAt), at, audience[s.network],
    ]);
    const inserted = this.insertAll(rows);
    const result: SharesResult = { accepted: [], duplicates: [] };
    shares.forEach((s, i) => (inserted[i] ? result.accepted : result.duplicates).push(s.id));
    return result;
  }

  /** All-or-nothing: a batch naming items that never existed, or dated in the future, writes nothing. */
  private check(shares: Share[], at: number): void {
    const future: ProblemField[] = [];
    shares.forEach((s, i) => {
      if (fromIso(s.sharedAt) > at + MAX_FUTURE_MS) future.push({ path: `shares.${i}.sharedAt`, message: 'is more than a day in the future' });
    });
    if (future.length) throw problems.invalidBody(future);

    const ids = [...new Set(shares.map((s) => s.itemId.toLowerCase()))];
    const known = this.existingItems(ids);
    const unknown: ProblemField[] = [];
    shares.forEach((s, i) => {
      if (!known.has(s.itemId.toLowerCase())) unknown.push({ path: `shares.${i}.itemId`, message: `no item has id ${s.itemId}` });
    });
    if (unknown.length) {
      const missing = [...new Set(shares.filter((s) => !known.has(s.itemId.toLowerCase())).map((s) => s.itemId))];
      throw problems.invalidBody(unknown, `These items do not exist, so nothing was recorded: ${missing.join(', ')}`);
    }
  }
}
