/** First retry window; Chrome does not fire alarms sooner than 30 s anyway. */
export const BACKOFF_BASE_MS = 30_000;
/** Longest window: a share should not wait more than a few hours once the server is back. */
export const BACKOFF_CAP_MS = 6 * 60 * 60_000;
/** A Retry-After beyond this is treated as this (a misconfigured server must not park shares for weeks). */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60_000;

/**
 * Delay before the next attempt, after `attempts` failed ones (1 = first failure): "full jitter"
 * (uniform in [0, min(cap, base·2^(attempts-1))]), so many installs that lost the server at the same moment
 * do not all come back at the same moment. Never earlier than the server's Retry-After.
 */
export function backoffDelay(attempts: number, random: number, retryAfterMs: number | null = null): number {
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(Math.min(Math.max(random, 0), 1) * window);
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
