/*
 * The outbox: shares recorded here wait in IndexedDB until the server confirms them. One file per job:
 * recording a share, delivering (flush), the lease that keeps delivery single, the counts, the backoff.
 */
export { backoffDelay, parseRetryAfter } from './backoff';
export { outboxCounts } from './counts';
export { FLUSH_ALARM, MAX_REJECTED_ATTEMPTS, flushOutbox, type FlushDeps, type FlushResult } from './flush';
export { LEASE_MS } from './lease';
export { nextShareId, recordShare, type NewShare } from './record';
