import { v7 as uuidv7 } from 'uuid';
import type { ShareInput } from '../contract/shares';
import { addHistory, type HistoryRow, type OutboxRow, type RelayDb } from '../db';

/**
 * What is recorded for one share: a history row before it has an id and a state (validated by the caller:
 * lib/background checks a content script's report). `sharedAt` may be any ISO time; it is stored in UTC.
 */
export type NewShare = Omit<HistoryRow, 'id' | 'state'>;

const idClock = { msecs: -Infinity, seq: 0 };

/**
 * A UUIDv7 for `now`, strictly greater than the previous one made here even within one millisecond (or
 * when the clock steps back): the outbox delivers in id order, which is then the order shares were made.
 */
export function nextShareId(now: number): string {
  if (now > idClock.msecs) {
    idClock.msecs = now;
    idClock.seq = crypto.getRandomValues(new Uint32Array(1))[0]! >>> 2; // room to count up
  } else {
    idClock.seq = (idClock.seq + 1) | 0;
    if (idClock.seq < 0) {
      idClock.msecs += 1;
      idClock.seq = 0;
    }
  }
  return uuidv7({ msecs: idClock.msecs, seq: idClock.seq });
}

/**
 * Store a share in the history AND the outbox, in one transaction (both or neither), under a new
 * UUIDv7: time-ordered, made here, so every retry of the same share carries the same id and the server
 * counts it once. Returns the id.
 */
export async function recordShare(db: RelayDb, share: NewShare, now: number = Date.now()): Promise<string> {
  const id = nextShareId(now);
  const input = {
    id,
    itemId: share.itemId,
    network: share.network,
    ...(share.captionId ? { captionId: share.captionId } : {}),
    edited: share.edited,
    sharedAt: new Date(share.sharedAt).toISOString(),
  } satisfies ShareInput;
  const history: HistoryRow = {
    ...input,
    title: share.title,
    ...(share.text !== undefined ? { text: share.text } : {}),
    ...(share.employeeId ? { employeeId: share.employeeId } : {}),
    state: 'pending',
  };
  const outbox: OutboxRow = {
    id,
    share: input,
    ...(share.employeeId ? { employeeId: share.employeeId } : {}),
    attempts: 0,
    nextAttemptAt: now,
    state: 'waiting',
  };
  await db.transaction('rw', db.history, db.historyMonths, db.outbox, async () => {
    await addHistory(db, [history]);
    await db.outbox.add(outbox);
  });
  return id;
}
