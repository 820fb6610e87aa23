import type { Kysely } from 'kysely';
import type { Network } from '../../lib/contract/common';
import { tagUrl } from '../../lib/links/utm';
import type { DB } from '../db/schema';

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
 * database work. Deleted items still resolve (links in old posts keep working). Item edits here call
 * `forgetItem` because the URL or campaign (hence the target) may have changed; edits made by another
 * instance `clear` everything once the shared change sequence shows them.
 */
export class LinkTargets {
  private readonly cache = new Map<string, LinkTarget>();
  /** Bumped by every forget: a lookup that started before one must not cache what it read. */
  private generation = 0;

  constructor(private readonly db: Kysely<DB>) {}

  /** From memory when known (no promise), else read. */
  resolve(code: string): LinkTarget | Promise<LinkTarget | null> {
    return this.cache.get(code) ?? this.load(code);
  }

  /** From memory only: undefined when this code has not been read yet (or was forgotten). */
  cached(code: string): LinkTarget | undefined {
    return this.cache.get(code);
  }

  private async load(code: string): Promise<LinkTarget | null> {
    const generation = this.generation;
    const row = await this.db
      .selectFrom('links as l')
      .innerJoin('items as i', 'i.id', 'l.item_id')
      .select(['l.employee_id', 'l.item_id', 'l.network', 'i.url', 'i.campaign'])
      .where('l.code', '=', code)
      .executeTakeFirst();
    if (!row) return null;
    const target: LinkTarget = {
      employeeId: row.employee_id,
      itemId: row.item_id,
      network: row.network,
      location: tagUrl(row.url, { network: row.network, itemId: row.item_id, campaign: row.campaign }),
    };
    if (generation !== this.generation) return target;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(code, target);
    return target;
  }

  forgetItem(itemId: string): void {
    this.generation++;
    for (const [code, target] of this.cache) if (target.itemId === itemId) this.cache.delete(code);
  }

  clear(): void {
    this.generation++;
    this.cache.clear();
  }
}
