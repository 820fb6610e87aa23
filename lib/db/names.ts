/*
 * The names IndexedDB knows Relay's database and its queue order by. Import-free, so the popup can read the
 * queue's head with them before Dexie is loaded (lib/db/head.ts).
 */

export const DB_NAME = 'relay';
/** The queue's "pinned first, newest first" index: `orderBy(QUEUE_ORDER_INDEX).reverse()`. */
export const QUEUE_ORDER_INDEX = '[pinnedRank+publishMs]';
