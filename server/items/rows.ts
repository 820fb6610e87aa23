import type { Kysely, Selectable } from 'kysely';
import type { AdminItem, Caption } from '../../lib/contract/items';
import { toIso } from '../clock';
import type { CaptionsTable, DB, ItemsTable } from '../db/schema';

export type ItemRow = Selectable<ItemsTable>;

/** Captions of many items in one query, in the curator's order. */
export async function captionsByItem(db: Kysely<DB>, itemIds: readonly string[]): Promise<Map<string, Caption[]>> {
  const out = new Map<string, Caption[]>();
  if (itemIds.length === 0) return out;
  // Chunked to stay under SQLite's bound-parameter limit whatever the queue size.
  for (let i = 0; i < itemIds.length; i += 500) {
    const rows = await db
      .selectFrom('captions')
      .selectAll()
      .where('item_id', 'in', itemIds.slice(i, i + 500))
      .orderBy('item_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = out.get(row.item_id) ?? [];
      list.push(toCaption(row));
      out.set(row.item_id, list);
    }
  }
  return out;
}

const toCaption = (row: Selectable<CaptionsTable>): Caption => ({
  id: row.id,
  network: row.network,
  text: row.text,
  language: row.language,
});

/** The fields the admin and queue views share. */
export function itemFields(row: ItemRow, captions: Caption[]) {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    summary: row.summary,
    imageUrl: row.image_url,
    topics: JSON.parse(row.topics) as string[],
    contentType: row.content_type,
    campaign: row.campaign,
    pinned: row.pinned === 1,
    publishAt: toIso(row.publish_at),
    expiresAt: row.expires_at === null ? null : toIso(row.expires_at),
    captions,
    updatedAt: toIso(row.updated_at),
  };
}

export function toAdminItem(row: ItemRow, captions: Caption[]): AdminItem {
  return { ...itemFields(row, captions), createdAt: toIso(row.created_at) };
}
