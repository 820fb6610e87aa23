import type { OutboxRow, RelayDb } from '../db';

/** The outbox's rows in one state, by the [state+nextAttemptAt] index (earliest attempt first). */
export function rowsInState(db: RelayDb, state: OutboxRow['state']) {
  return db.outbox.where('[state+nextAttemptAt]').between([state, -Infinity], [state, Infinity], true, true);
}

/** Shares waiting and failed, for the popup ("2 shares waiting to sync"). */
export async function outboxCounts(db: RelayDb): Promise<{ waiting: number; failed: number }> {
  const [waiting, failed] = await Promise.all([rowsInState(db, 'waiting').count(), rowsInState(db, 'failed').count()]);
  return { waiting, failed };
}
