import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  until: number;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * token hash → principal, so the hot paths (queue 304s) do not read the database per request.
 * Entries live briefly, and `forgetEmployee` drops them at once when someone is deactivated or
 * their role changes; the TTL bounds how long a change made by another process takes to apply.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly lookup: BetterSqlite3.Statement<[string], { id: string; name: string; role: Principal['role'] }>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly now: Clock,
  ) {
    this.lookup = sqlite.prepare(
      `SELECT e.id, e.name, e.role FROM tokens t JOIN employees e ON e.id = t.employee_id
       WHERE t.token_hash = ? AND e.active = 1`,
    );
  }

  /** The principal for a token hash, or null when the token is unknown or its employee inactive. */
  get(tokenHash: string): Principal | null {
    const now = this.now();
    const hit = this.entries.get(tokenHash);
    if (hit && hit.until > now) return hit.principal;
    const row = this.lookup.get(tokenHash);
    if (!row) {
      this.entries.delete(tokenHash);
      return null;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const principal: Principal = { employeeId: row.id, name: row.name, role: row.role };
    this.entries.set(tokenHash, { principal, until: now + TTL_MS });
    return principal;
  }

  forgetEmployee(employeeId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.employeeId === employeeId) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
