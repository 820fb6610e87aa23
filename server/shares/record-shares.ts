import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DEFAULT_AUDIENCE } from '../../lib/contract/reach';
import type { SharesRequest, SharesResult } from '../../lib/contract/shares';
import { fromIso, type Clock } from '../clock';
import type { DB, SharesTable } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { problems, type ProblemField } from '../http/problem';
import { writeShares } from './write-shares';

type Share = z.output<typeof SharesRequest>['shares'][number];

/** Clients may be a little ahead of the server clock; a day ahead is a broken clock or a forged share. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * Records a batch of shares, idempotently by the client-made id: a replayed batch inserts nothing
 * and reports those ids as duplicates, also when two copies of it arrive at once (on one server or
 * two). Batches arrive from every employee's outbox, so a batch is a few statements whatever its size.
 */
export class ShareRecorder {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  async record(employeeId: string, shares: Share[]): Promise<SharesResult> {
    const at = this.now();
    await this.check(shares, at);
    const own = await this.db
      .selectFrom('employees')
      .select(['audience_linkedin', 'audience_x'])
      .where('id', '=', employeeId)
      .executeTakeFirst();
    const audience = {
      linkedin: own?.audience_linkedin ?? DEFAULT_AUDIENCE.linkedin,
      x: own?.audience_x ?? DEFAULT_AUDIENCE.x,
    };
    // An id repeated inside the batch is written once, by its first occurrence.
    const rows = new Map<string, SharesTable>();
    for (const s of shares) {
      const id = s.id.toLowerCase();
      if (rows.has(id)) continue;
      rows.set(id, {
        id,
        employee_id: employeeId,
        item_id: s.itemId.toLowerCase(),
        network: s.network,
        caption_id: s.captionId?.toLowerCase() ?? null,
        edited: s.edited ? 1 : 0,
        shared_at: fromIso(s.sharedAt),
        received_at: at,
        audience: audience[s.network],
      });
    }
    const fresh = await writeTransaction(this.db, (trx) => writeShares(trx, [...rows.values()]));
    const result: SharesResult = { accepted: [], duplicates: [] };
    for (const s of shares) {
      const id = s.id.toLowerCase();
      if (fresh.delete(id)) result.accepted.push(s.id);
      else result.duplicates.push(s.id);
    }
    return result;
  }

  /** All-or-nothing: a batch naming items that never existed, or dated in the future, writes nothing. */
  private async check(shares: Share[], at: number): Promise<void> {
    const future: ProblemField[] = [];
    shares.forEach((s, i) => {
      if (fromIso(s.sharedAt) > at + MAX_FUTURE_MS)
        future.push({ path: `shares.${i}.sharedAt`, message: 'is more than a day in the future' });
    });
    if (future.length) throw problems.invalidBody(future);

    const ids = [...new Set(shares.map((s) => s.itemId.toLowerCase()))];
    const found = await this.db.selectFrom('items').select('id').where('id', 'in', ids).execute();
    const known = new Set(found.map((r) => r.id));
    const unknown: ProblemField[] = [];
    shares.forEach((s, i) => {
      if (!known.has(s.itemId.toLowerCase()))
        unknown.push({ path: `shares.${i}.itemId`, message: `no item has id ${s.itemId}` });
    });
    if (unknown.length) {
      const missing = [...new Set(shares.filter((s) => !known.has(s.itemId.toLowerCase())).map((s) => s.itemId))];
      throw problems.invalidBody(unknown, `These items do not exist, so nothing was recorded: ${missing.join(', ')}`);
    }
  }
}
