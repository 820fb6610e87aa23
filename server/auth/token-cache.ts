import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  until: number;
  /** What tokens.last_used_at holds for this token (as read or as last written by us). */
  lastUsedAt: number;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const HOUR_MS = 3_600_000;
export const DEFAULT_SESSION_IDLE_MS = 90 * 86_400_000;

/** What a token hash stands for: a principal, or why there is none. */
export type TokenCheck = Principal | 'unknown' | 'ended';

/**
 * How often a token's last use is written: once an hour, or a tenth of the idle time when that is shorter
 * (tests use idle times of seconds). So `last_used_at` trails the real last use by less than this, and a
 * session ends between `idle − touch` and `idle` after it was last used: with the default 90 days, up to an
 * hour early, which nobody can tell apart from 90 days.
 */
export const touchIntervalFor = (idleMs: number): number => Math.max(1, Math.min(HOUR_MS, Math.floor(idleMs / 10)));

/**
 * token hash → principal, so the hot paths (queue 304s) do not read the database per request.
 * Entries live briefly, and `forgetEmployee` drops them at once when someone is deactivated or
 * their role changes; the TTL bounds how long a change made by another process takes to apply.
 *
 * Sessions end after `idleMs` without use. A cache hit writes nothing; only once the cached last use is a
 * touch interval old does the next request read the row again and move `last_used_at` (one UPDATE per token
 * per interval, whatever the request rate).
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly lookup: BetterSqlite3.Statement<[string], { id: string; name: string; role: Principal['role']; last_used_at: number }>;
  private readonly touch: BetterSqlite3.Statement<[number, string]>;
  private readonly remove: BetterSqlite3.Statement<[string]>;
  private readonly sweep: BetterSqlite3.Statement<[number]>;
  private readonly touchEveryMs: number;
  private lastSweep = -Infinity;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly now: Clock,
    private readonly idleMs: number = DEFAULT_SESSION_IDLE_MS,
  ) {
    this.touchEveryMs = touchIntervalFor(idleMs);
    this.lookup = sqlite.prepare(
      `SELECT e.id, e.name, e.role, t.last_used_at FROM tokens t JOIN employees e ON e.id = t.employee_id
       WHERE t.token_hash = ? AND e.active = 1`,
    );
    this.touch = sqlite.prepare('UPDATE tokens SET last_used_at = ? WHERE token_hash = ?');
    this.remove = sqlite.prepare('DELETE FROM tokens WHERE token_hash = ?');
    this.sweep = sqlite.prepare('DELETE FROM tokens WHERE last_used_at <= ?');
  }

  /** The principal for a token hash, or null when the token is unknown, ended, or its employee inactive. */
  get(tokenHash: string): Principal | null {
    const found = this.check(tokenHash);
    return typeof found === 'string' ? null : found;
  }

  /** Like get, but says whether a refused token was one whose session ended for lack of use. */
  check(tokenHash: string): TokenCheck {
    const now = this.now();
    const hit = this.entries.get(tokenHash);
    // touchEveryMs < idleMs, so a hit young enough to skip the write is also too young to have ended.
    if (hit && hit.until > now && now - hit.lastUsedAt < this.touchEveryMs) return hit.principal;
    this.sweepNow(now);
    const row = this.lookup.get(tokenHash);
    if (!row) {
      this.entries.delete(tokenHash);
      return 'unknown';
    }
    if (row.last_used_at + this.idleMs <= now) {
      this.entries.delete(tokenHash);
      this.remove.run(tokenHash);
      return 'ended';
    }
    let lastUsedAt = row.last_used_at;
    if (now - lastUsedAt >= this.touchEveryMs) {
      this.touch.run(now, tokenHash);
      lastUsedAt = now;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const principal: Principal = { employeeId: row.id, name: row.name, role: row.role };
    this.entries.set(tokenHash, { principal, until: now + TTL_MS, lastUsedAt });
    return principal;
  }

  /**
   * Ended sessions nobody comes back with would stay forever; deleting them on the slow path, at most once
   * a day, keeps the table to live sessions (the scan costs a few milliseconds once a day).
   * Rows are kept a day past their end, so someone returning just after gets "your session ended".
   */
  private sweepNow(now: number): void {
    if (now - this.lastSweep < 86_400_000) return;
    this.lastSweep = now;
    this.sweep.run(now - this.idleMs - 86_400_000);
  }

  forgetToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetEmployee(employeeId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.employeeId === employeeId) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
