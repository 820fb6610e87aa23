import type { Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import { networks } from '../../lib/contract/common';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { newLinkCode } from './link-codes';

export type LinkCodes = Record<Network, string>;

/** Rows per INSERT: 5 values each, well inside both SQLite's and PostgreSQL's limits on bound values. */
const ROWS_PER_INSERT = 2000;

/**
 * The tracked link codes of one employee for many items, made on first need: one per
 * employee × item × network, the same on every call. A queue may need hundreds at once, so one
 * read finds what exists and one multi-row insert makes the rest.
 */
export class TrackedLinks {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  async codesFor(employeeId: string, itemIds: readonly string[]): Promise<Map<string, LinkCodes>> {
    for (let attempt = 0; ; attempt++) {
      const found = await this.load(employeeId);
      const missing: Array<[string, Network]> = [];
      for (const itemId of itemIds) {
        const codes = found.get(itemId);
        for (const network of networks) if (!codes?.[network]) missing.push([itemId, network]);
      }
      if (missing.length === 0) return found as Map<string, LinkCodes>;
      if (attempt === 3) throw new Error('could not allocate tracked link codes');
      await this.insert(employeeId, missing);
    }
  }

  /**
   * DO NOTHING covers both races: another request (or server) made this link first, or (rarely) the
   * random code is taken; the caller reloads and retries what is still missing.
   */
  private async insert(employeeId: string, missing: Array<[string, Network]>): Promise<void> {
    const at = this.now();
    for (let i = 0; i < missing.length; i += ROWS_PER_INSERT) {
      const rows = missing.slice(i, i + ROWS_PER_INSERT).map(([itemId, network]) => ({
        code: newLinkCode(),
        employee_id: employeeId,
        item_id: itemId,
        network,
        created_at: at,
      }));
      await this.db
        .insertInto('links')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  private async load(employeeId: string): Promise<Map<string, Partial<LinkCodes>>> {
    const rows = await this.db
      .selectFrom('links')
      .select(['code', 'item_id', 'network'])
      .where('employee_id', '=', employeeId)
      .execute();
    const out = new Map<string, Partial<LinkCodes>>();
    for (const row of rows) {
      const codes = out.get(row.item_id) ?? {};
      codes[row.network] = row.code;
      out.set(row.item_id, codes);
    }
    return out;
  }
}
