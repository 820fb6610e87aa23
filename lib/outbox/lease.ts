import type { RelayDb } from '../db';

/*
 * One flush at a time across workers (one stopped mid-flush, a new one started): a lease in the `meta`
 * table, taken and checked inside one IndexedDB transaction.
 */

/** How long a flush may hold the lease; longer than a request's timeout, so a live flush never loses it. */
export const LEASE_MS = 60_000;

interface Lease {
  owner: string;
  until: number;
}

/** True when `owner` now holds the lease, else the lease another owner holds. */
export async function takeLease(db: RelayDb, owner: string, now: number): Promise<true | Lease> {
  return db.transaction('rw', db.meta, async () => {
    const raw = await db.getMeta('outboxLease');
    const lease = raw ? (JSON.parse(raw) as Lease) : null;
    if (lease && lease.owner !== owner && lease.until > now) return lease;
    await renewLease(db, owner, now);
    return true;
  });
}

export async function renewLease(db: RelayDb, owner: string, now: number): Promise<void> {
  await db.meta.put({ key: 'outboxLease', value: JSON.stringify({ owner, until: now + LEASE_MS }) });
}

export async function releaseLease(db: RelayDb, owner: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const raw = await db.getMeta('outboxLease');
    if (raw && (JSON.parse(raw) as Lease).owner === owner) await db.meta.delete('outboxLease');
  });
}
