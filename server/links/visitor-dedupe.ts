import { hash } from 'node:crypto';

export const DEDUPE_WINDOW_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 1000;

/**
 * "Has this visitor clicked this code within the last hour?" Visitors are a hash of IP address and
 * user agent, kept in memory only (never written anywhere). A Map keeps insertion order, which is
 * time order here, so expired entries are swept from the front and the oldest are dropped first
 * when the bound is reached.
 */
export class VisitorDedupe {
  private readonly seen = new Map<string, number>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly maxEntries = 200_000) {}

  /** True when this click should count, and remembers it; false for a repeat inside the window. */
  firstInWindow(code: string, ip: string, userAgent: string, now: number): boolean {
    if (!(now - this.sweptAt < SWEEP_EVERY_MS)) this.sweep(now);
    // Header values cannot hold a newline, so the joined string is unambiguous.
    const key = hash('sha256', `${code}\n${ip}\n${userAgent}`, 'base64');
    const at = this.seen.get(key);
    if (at !== undefined && now - at < DEDUPE_WINDOW_MS) return false;
    this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, at] of this.seen) {
      if (now - at < DEDUPE_WINDOW_MS) return;
      this.seen.delete(key);
    }
  }
}
