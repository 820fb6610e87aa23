import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { ItemRepository } from '../items/repository';
import { ItemCreate } from '../../lib/contract/items';
import { demoItems, type DemoItem } from './content';

/**
 * Adds the demo items through the same validation and repository as the API. Idempotent by default:
 * a database that already has items (demo or real) is left alone. Returns how many were added.
 */
export async function seedDemo(db: Kysely<DB>, now: Clock, options: { force?: boolean } = {}): Promise<number> {
  const items = new ItemRepository(db, now);
  if (!options.force && (await items.count()) > 0) return 0;
  const at = now();
  // Oldest first, so the change sequence follows publication order like real curation would.
  const ordered = [...demoItems].sort((a, b) => a.publishIn - b.publishIn);
  for (const item of ordered) await items.create(ItemCreate.parse(demoItemAt(item, at)));
  return ordered.length;
}

/** A demo item as the API takes it, its dates counted from `at`. */
export function demoItemAt({ publishIn, expiresIn, ...fields }: DemoItem, at: number) {
  return {
    ...fields,
    publishAt: new Date(at + publishIn).toISOString(),
    expiresAt: expiresIn === undefined ? undefined : new Date(at + expiresIn).toISOString(),
  };
}
