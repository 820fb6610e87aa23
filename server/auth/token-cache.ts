import type { Kysely } from 'kysely';
import { nextSessionSeq } from '../db/change-sequence';
import type { DB } from '../db/schema';
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
 * Entries live briefly, and `forgetToken`/`forgetEmployee` drop them at once when a session ends or someone
 * is deactivated or their role changes; they also move the shared session sequence, on which every
 * instance clears its cache (server/db/change-sequence.ts), so the change applies everywhere within seconds.
 *
 * Sessions end after `idleMs` without use. A cache hit writes nothing; only once the cached last use is a
 * touch interval old does the next request read the row again and move `last_used_at` (one UPDATE per token
 * per interval, whatever the request rate).
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly touchEveryMs: number;
  private lastSweep = -Infinity;
  /** Bumped by every forget: a lookup that started before one must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
    private readonly idleMs: number = DEFAULT_SESSION_IDLE_MS,
  ) {
    this.touchEveryMs = touchIntervalFor(idleMs);
  }

  /** The principal for a token hash, or null when the token is unknown, ended, or its employee inactive. */
  async get(tokenHash: string): Promise<Principal | null> {
    const found = await this.check(tokenHash);
    return typeof found === 'string' ? null : found;
  }

  /**
   * Like get, but says whether a refused token was one whose session ended for lack of use. From memory
   * (no promise) on a cache hit.
   */
  check(tokenHash: string): TokenCheck | Promise<TokenCheck> {
    return this.cached(tokenHash) ?? this.load(tokenHash, this.now());
  }

  /** From memory only: the principal of a token seen recently, while nothing about it needs the database. */
  cached(tokenHash: string): Principal | undefined {
    const now = this.now();
    const hit = this.entries.get(tokenHash);
    // touchEveryMs < idleMs, so a hit young enough to skip the write is also too young to have ended.
    return hit && hit.until > now && now - hit.lastUsedAt < this.touchEveryMs ? hit.principal : undefined;
  }

  private async load(tokenHash: string, now: number): Promise<TokenCheck> {
    const generation = this.generation;
    await this.sweepNow(now);
    const row = await this.db
      .selectFrom('tokens as t')
      .innerJoin('employees as e', 'e.id', 't.employee_id')
      .select(['e.id', 'e.name', 'e.role', 't.last_used_at'])
      .where('t.token_hash', '=', tokenHash)
      .where('e.active', '=', 1)
      .executeTakeFirst();
    if (!row) {
      this.entries.delete(tokenHash);
      return 'unknown';
    }
    const storedUse = Number(row.last_used_at);
    if (storedUse + this.idleMs <= now) {
      this.entries.delete(tokenHash);
      await this.db.deleteFrom('tokens').where('token_hash', '=', tokenHash).execute();
      return 'ended';
    }
    let lastUsedAt = storedUse;
    if (now - lastUsedAt >= this.touchEveryMs) {
      await this.db.updateTable('tokens').set({ last_used_at: now }).where('token_hash', '=', tokenHash).execute();
      lastUsedAt = now;
    }
    const principal: Principal = { employeeId: row.id, name: row.name, role: row.role };
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(tokenHash, { principal, until: now + TTL_MS, lastUsedAt });
    }
    return principal;
  }

  /**
   * Ended sessions nobody comes back with would stay forever; deleting them on the slow path, at most once
   * a day, keeps the table to live sessions (the scan costs a few milliseconds once a day).
   * Rows are kept a day past their end, so someone returning just after gets "your session ended".
   */
  private async sweepNow(now: number): Promise<void> {
    if (now - this.lastSweep < 86_400_000) return;
    this.lastSweep = now;
    await this.db
      .deleteFrom('tokens')
      .where('last_used_at', '<=', now - this.idleMs - 86_400_000)
      .execute();
  }

  /** A session ended: here at once, on other instances once they see the session sequence move. */
  async forgetToken(tokenHash: string): Promise<void> {
    this.generation++;
    this.entries.delete(tokenHash);
    await nextSessionSeq(this.db);
  }

  /** A person was deactivated or their role changed: here at once, elsewhere within seconds. */
  async forgetEmployee(employeeId: string): Promise<void> {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.principal.employeeId === employeeId) this.entries.delete(hash);
    await nextSessionSeq(this.db);
  }

  /** Another instance ended a session or changed a person: read every token again. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
