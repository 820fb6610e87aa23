import type BetterSqlite3 from 'better-sqlite3';
import type { Network } from '../../lib/contract/common';
import { tagUrl } from '../../lib/links/utm';

export interface LinkTarget {
  employeeId: string;
  itemId: string;
  network: Network;
  /** The stored item URL with UTM tags: the only place a tracked link ever sends anyone. */
  location: string;
}

const MAX_CACHED = 100_000;

/**
 * code → redirect target, from the database once and from memory after that, so a redirect does no
 * database work. Deleted items still resolve (links in old posts keep working). Item edits call
 * `forgetItem` because the URL or campaign (hence the target) may have changed.
 */
export class LinkTargets {
  private readonly cache = new Map<string, LinkTarget>();
  private readonly lookup: BetterSqlite3.Statement<
    [string],
    { employee_id: string; item_id: string; network: Network; url: string; campaign: string | null }
  >;

  constructor(sqlite: BetterSqlite3.Database) {
    this.lookup = sqlite.prepare(
      `SELECT l.employee_id, l.item_id, l.network, i.url, i.campaign
       FROM links l JOIN items i ON i.id = l.item_id WHERE l.code = ?`,
    );
  }

  resolve(code: string): LinkTarget | null {
    const hit = this.cache.get(code);
    if (hit) return hit;
    const row = this.lookup.get(code);
    if (!row) return null;
    const target: LinkTarget = {
      employeeId: row.employee_id,
      itemId: row.item_id,
      network: row.network,
      location: tagUrl(row.url, { network: row.network, itemId: row.item_id, campaign: row.campaign }),
    };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(code, target);
    return target;
  }

  forgetItem(itemId: string): void {
    for (const [code, target] of this.cache) if (target.itemId === itemId) this.cache.delete(code);
  }
}
