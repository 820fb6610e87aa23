import type BetterSqlite3 from 'better-sqlite3';
import type { Network } from '../../lib/contract/common';
import { networks } from '../../lib/contract/common';
import type { Clock } from '../clock';
import { newLinkCode } from './link-codes';

export type LinkCodes = Record<Network, string>;

/**
 * The tracked link codes of one employee for many items, made on first need: one per
 * employee × item × network, the same on every call. Synchronous (prepared statements in one
 * transaction) because a queue may need hundreds at once.
 */
export class TrackedLinks {
  private readonly select: BetterSqlite3.Statement<[string], { code: string; item_id: string; network: Network }>;
  private readonly insert: BetterSqlite3.Statement<[string, string, string, string, number]>;
  private readonly ensureMissing: (employeeId: string, missing: Array<[string, Network]>) => void;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly now: Clock,
  ) {
    this.select = sqlite.prepare('SELECT code, item_id, network FROM links WHERE employee_id = ?');
    // DO NOTHING covers both races: another request made this link first, or (rarely) the random code
    // is taken; the caller reloads and retries what is still missing. (Same syntax on PostgreSQL.)
    this.insert = sqlite.prepare(
      'INSERT INTO links (code, employee_id, item_id, network, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.ensureMissing = sqlite.transaction((employeeId: string, missing: Array<[string, Network]>) => {
      const at = this.now();
      for (const [itemId, network] of missing) this.insert.run(newLinkCode(), employeeId, itemId, network, at);
    });
  }

  codesFor(employeeId: string, itemIds: readonly string[]): Map<string, LinkCodes> {
    for (let attempt = 0; ; attempt++) {
      const found = this.load(employeeId);
      const missing: Array<[string, Network]> = [];
      for (const itemId of itemIds) {
        const codes = found.get(itemId);
        for (const network of networks) if (!codes?.[network]) missing.push([itemId, network]);
      }
      if (missing.length === 0) return found as Map<string, LinkCodes>;
      if (attempt === 3) throw new Error('could not allocate tracked link codes');
      this.ensureMissing(employeeId, missing);
    }
  }

  private load(employeeId: string): Map<string, Partial<LinkCodes>> {
    const out = new Map<string, Partial<LinkCodes>>();
    for (const row of this.select.iterate(employeeId)) {
      const codes = out.get(row.item_id) ?? {};
      codes[row.network] = row.code;
      out.set(row.item_id, codes);
    }
    return out;
  }
}
