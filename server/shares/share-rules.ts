import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SharesRequest } from '../../lib/contract/shares';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { HttpProblem, type ProblemField } from '../http/problem';

type Share = z.output<typeof SharesRequest>['shares'][number];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far a client's clock may be off from ours before its dates are not believed. */
export const CLOCK_SKEW_MS = 5 * MINUTE;
/** Shares made offline still count when delivered this long after (a holiday without the laptop). */
export const MAX_SHARE_AGE_MS = 30 * DAY;
/**
 * Far beyond what a person shares in a day (a busy one is a handful): more is a script, not reach.
 * The default of RELAY_MAX_SHARES_PER_DAY.
 */
export const MAX_SHARES_PER_DAY = 50;

const dayOf = (t: number) => Math.floor(t / DAY);

export const sharesRefused = (errors: ProblemField[]) =>
  new HttpProblem({
    status: 422,
    kind: 'share-refused',
    title: 'Shares not counted',
    detail: `Nothing was recorded: ${errors.length} ${errors.length === 1 ? 'share cannot' : 'shares cannot'} be counted (${errors[0]!.path}: ${errors[0]!.message}${errors.length > 1 ? '; …' : ''})`,
    errors,
  });

/**
 * The rules that keep reach honest: a share is dated between its item's publication and now (within the
 * clock skew), at most 30 days ago, for an item that is published and was not yet deleted then, and a
 * person makes at most `maxPerDay` shares a day. A batch breaking any of them is refused whole (422 listing
 * each share and why); the extension's outbox then sends the halves on their own, so the good shares still
 * arrive and a refused one ends as "failed" after a few tries instead of holding the others back.
 * Shares already recorded (a replayed batch) are not judged again: they were counted when they came.
 */
export class ShareRules {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
    private readonly maxPerDay = MAX_SHARES_PER_DAY,
  ) {}

  async check(employeeId: string, shares: Share[]): Promise<void> {
    const at = this.now();
    const ids = [...new Set(shares.map((s) => s.id.toLowerCase()))];
    const itemIds = [...new Set(shares.map((s) => s.itemId.toLowerCase()))];
    const [recorded, items] = await Promise.all([
      this.db.selectFrom('shares').select('id').where('id', 'in', ids).execute(),
      this.db.selectFrom('items').select(['id', 'publish_at', 'deleted_at']).where('id', 'in', itemIds).execute(),
    ]);
    const known = new Set(recorded.map((r) => r.id));
    const itemById = new Map(items.map((i) => [i.id, i]));

    const errors: ProblemField[] = [];
    const fresh: Array<{ index: number; t: number }> = [];
    const seen = new Set<string>();
    shares.forEach((share, index) => {
      const id = share.id.toLowerCase();
      if (known.has(id) || seen.has(id)) return;
      seen.add(id);
      const problem = this.datingProblem(Date.parse(share.sharedAt), itemById.get(share.itemId.toLowerCase()), at);
      if (problem) errors.push({ path: `shares.${index}.${problem.field}`, message: problem.message });
      else fresh.push({ index, t: Date.parse(share.sharedAt) });
    });
    errors.push(...(await this.overDailyCap(employeeId, fresh)));
    if (errors.length)
      throw sharesRefused(errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })));
  }

  private datingProblem(
    t: number,
    item: { publish_at: number; deleted_at: number | null } | undefined,
    at: number,
  ): { field: 'sharedAt' | 'itemId'; message: string } | null {
    if (t > at + CLOCK_SKEW_MS) return { field: 'sharedAt', message: 'is in the future' };
    if (t < at - MAX_SHARE_AGE_MS) return { field: 'sharedAt', message: 'is more than 30 days ago' };
    // An item that does not exist is the recorder's to report (it names the missing ids).
    if (!item) return null;
    if (item.publish_at > at) return { field: 'itemId', message: 'the item is not published yet' };
    if (t < item.publish_at - CLOCK_SKEW_MS) return { field: 'sharedAt', message: 'is before the item was published' };
    if (item.deleted_at !== null && t > item.deleted_at + CLOCK_SKEW_MS) {
      return { field: 'itemId', message: 'the item was deleted before this share' };
    }
    return null;
  }

  /** Counts per UTC day, what is recorded plus this batch; the shares past the cap are the refused ones. */
  private async overDailyCap(employeeId: string, fresh: Array<{ index: number; t: number }>): Promise<ProblemField[]> {
    if (fresh.length === 0) return [];
    const days = fresh.map((s) => dayOf(s.t));
    const from = Math.min(...days) * DAY;
    const to = (Math.max(...days) + 1) * DAY;
    const rows = await this.db
      .selectFrom('shares')
      .select('shared_at')
      .where('employee_id', '=', employeeId)
      .where('shared_at', '>=', from)
      .where('shared_at', '<', to)
      .execute();
    const perDay = new Map<number, number>();
    for (const row of rows) perDay.set(dayOf(row.shared_at), (perDay.get(dayOf(row.shared_at)) ?? 0) + 1);
    const errors: ProblemField[] = [];
    for (const share of [...fresh].sort((a, b) => a.t - b.t)) {
      const day = dayOf(share.t);
      const count = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, count);
      if (count > this.maxPerDay) {
        errors.push({
          path: `shares.${share.index}.sharedAt`,
          message: `is past the ${this.maxPerDay} shares a person can make in one day`,
        });
      }
    }
    return errors;
  }
}
