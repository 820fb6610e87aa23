import type BetterSqlite3 from 'better-sqlite3';
import type { Role } from '../../lib/contract/common';
import { ACTIVE_WINDOW_DAYS, type AdminEmployee, type EmployeeList, type EmployeeState } from '../../lib/contract/employees';
import { toIso, type Clock } from '../clock';

const WINDOW_MS = ACTIVE_WINDOW_DAYS * 86_400_000;

interface Row {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  active: number;
  created_at: number;
  activated_at: number | null;
  last_shared_at: number | null;
  state: EmployeeState;
}

// One row per person with their last share (one index seek on shares(employee_id, shared_at) each) and
// their state, so filters, counts and pages all agree on what "active" means.
const WITH_STATE = `
  SELECT *, CASE
      WHEN active = 0 THEN 'deactivated'
      WHEN activated_at IS NULL THEN 'invited'
      WHEN last_shared_at >= @since THEN 'active'
      ELSE 'activated' END AS state
  FROM (SELECT e.id, e.name, e.email, e.role, e.active, e.created_at, e.activated_at,
               (SELECT MAX(s.shared_at) FROM shares s WHERE s.employee_id = e.id) AS last_shared_at
        FROM employees e)`;

// Search: lower() is Unicode-aware on both databases (server/db/database.ts gives SQLite a JavaScript one), so
// "анна" finds "Анна Петрова"; the pattern's own % and _ are escaped. A scan of every person, which at tens of
// thousands of people is a few milliseconds: a curator typing, not a hot path.
const MATCHES = `(@pattern IS NULL OR lower(name) LIKE @pattern ESCAPE '\\' OR lower(email) LIKE @pattern ESCAPE '\\')`;

/** `%part%` for LIKE, lower-cased, with LIKE's wildcards taken literally; null when there is nothing to look for. */
export function searchPattern(q: string | undefined): string | null {
  const text = q?.trim().toLowerCase();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The people of the programme as admins see them. */
export class EmployeeDirectory {
  private readonly page: BetterSqlite3.Statement<{ since: number; state: string | null; pattern: string | null; limit: number; offset: number }, Row>;
  private readonly total: BetterSqlite3.Statement<{ since: number; state: string | null; pattern: string | null }, { n: number }>;
  private readonly counts: BetterSqlite3.Statement<{ since: number }, { state: EmployeeState; n: number }>;
  private readonly one: BetterSqlite3.Statement<{ since: number; id: string }, Row>;
  private readonly update: BetterSqlite3.Statement<{ id: string; active: number | null; role: string | null }>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly now: Clock,
  ) {
    this.page = sqlite.prepare(
      `SELECT * FROM (${WITH_STATE}) WHERE (@state IS NULL OR state = @state) AND ${MATCHES}
       ORDER BY name COLLATE NOCASE, id LIMIT @limit OFFSET @offset`,
    );
    this.total = sqlite.prepare(`SELECT COUNT(*) AS n FROM (${WITH_STATE}) WHERE (@state IS NULL OR state = @state) AND ${MATCHES}`);
    this.counts = sqlite.prepare(`SELECT state, COUNT(*) AS n FROM (${WITH_STATE}) GROUP BY state`);
    this.one = sqlite.prepare(`SELECT * FROM (${WITH_STATE}) WHERE id = @id`);
    this.update = sqlite.prepare(
      'UPDATE employees SET active = COALESCE(@active, active), role = COALESCE(@role, role) WHERE id = @id',
    );
  }

  list(query: { state?: EmployeeState; q?: string; limit: number; offset: number }): EmployeeList {
    const since = this.now() - WINDOW_MS;
    const state = query.state ?? null;
    const pattern = searchPattern(query.q);
    const counts = { invited: 0, activated: 0, active: 0, deactivated: 0 };
    for (const r of this.counts.all({ since })) counts[r.state] = r.n;
    return {
      employees: this.page.all({ since, state, pattern, limit: query.limit, offset: query.offset }).map(toAdminEmployee),
      total: this.total.get({ since, state, pattern })!.n,
      counts,
    };
  }

  get(id: string): AdminEmployee | null {
    const row = this.one.get({ since: this.now() - WINDOW_MS, id });
    return row ? toAdminEmployee(row) : null;
  }

  /** Changes what is given; null when there is no such person. */
  change(id: string, changes: { active?: boolean; role?: Role }): AdminEmployee | null {
    const active = changes.active === undefined ? null : changes.active ? 1 : 0;
    const result = this.update.run({ id, active, role: changes.role ?? null });
    return result.changes === 0 ? null : this.get(id);
  }
}

function toAdminEmployee(r: Row): AdminEmployee {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    active: r.active === 1,
    state: r.state,
    invitedAt: toIso(r.created_at),
    activatedAt: r.activated_at === null ? null : toIso(r.activated_at),
    lastSharedAt: r.last_shared_at === null ? null : toIso(r.last_shared_at),
  };
}
