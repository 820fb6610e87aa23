import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Role } from '../../lib/contract/common';
import {
  ACTIVE_WINDOW_DAYS,
  type AdminEmployee,
  type EmployeeList,
  type EmployeeState,
} from '../../lib/contract/employees';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';

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

// Search: lower() is Unicode-aware on both databases (server/db/database.ts gives SQLite a JavaScript one), so
// "анна" finds "Анна Петрова"; the pattern's own % and _ are escaped. A scan of every person, which at tens of
// thousands of people is a few milliseconds: a curator typing, not a hot path.
const matches = (pattern: string) =>
  sql<SqlBool>`(lower(name) LIKE ${pattern} ESCAPE '\\' OR lower(email) LIKE ${pattern} ESCAPE '\\')`;

/** `%part%` for LIKE, lower-cased, with LIKE's wildcards taken literally; null when there is nothing to look for. */
export function searchPattern(q: string | undefined): string | null {
  const text = q?.trim().toLowerCase();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The people of the programme as admins see them. */
export class EmployeeDirectory {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  async list(query: { state?: EmployeeState; q?: string; limit: number; offset: number }): Promise<EmployeeList> {
    const since = this.now() - WINDOW_MS;
    const pattern = searchPattern(query.q);
    let chosen = this.db.selectFrom(this.withState(since).as('w'));
    if (query.state) chosen = chosen.where('state', '=', query.state);
    if (pattern !== null) chosen = chosen.where(matches(pattern));
    // Sorted by lower(name), not COLLATE NOCASE (SQLite's own, and ASCII-only).
    const [page, total, byState] = await Promise.all([
      chosen
        .selectAll()
        .orderBy(sql`lower(name)`)
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      chosen.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      this.db
        .selectFrom(this.withState(since).as('w'))
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .groupBy('state')
        .execute(),
    ]);
    const counts = { invited: 0, activated: 0, active: 0, deactivated: 0 };
    for (const r of byState) counts[r.state] = Number(r.n);
    return { employees: page.map(toAdminEmployee), total: Number(total.n), counts };
  }

  async get(id: string): Promise<AdminEmployee | null> {
    const row = await this.db
      .selectFrom(this.withState(this.now() - WINDOW_MS).as('w'))
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAdminEmployee(row) : null;
  }

  /** Several people at once (a batch of invitations), by id; the missing are left out. */
  async getMany(ids: readonly string[]): Promise<Map<string, AdminEmployee>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom(this.withState(this.now() - WINDOW_MS).as('w'))
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, toAdminEmployee(r)]));
  }

  /** Changes what is given; null when there is no such person. */
  async change(id: string, changes: { active?: boolean; role?: Role }): Promise<AdminEmployee | null> {
    const set: { active?: number; role?: Role } = {};
    if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
    if (changes.role !== undefined) set.role = changes.role;
    if (set.active === undefined && set.role === undefined) return this.get(id);
    const result = await this.db.updateTable('employees').set(set).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 0 ? null : this.get(id);
  }

  /**
   * One row per person with their last share (one index seek on shares(employee_id, shared_at) each) and
   * their state, so filters, counts and pages all agree on what "active" means.
   */
  private withState(since: number) {
    const people = this.db
      .selectFrom('employees as e')
      .select(['e.id', 'e.name', 'e.email', 'e.role', 'e.active', 'e.created_at', 'e.activated_at'])
      .select((eb) =>
        eb
          .selectFrom('shares as s')
          .select((sb) => sb.fn.max('s.shared_at').as('m'))
          .whereRef('s.employee_id', '=', 'e.id')
          .as('last_shared_at'),
      );
    return this.db
      .selectFrom(people.as('p'))
      .selectAll()
      .select(
        sql<EmployeeState>`CASE
          WHEN active = 0 THEN 'deactivated'
          WHEN activated_at IS NULL THEN 'invited'
          WHEN last_shared_at >= ${since} THEN 'active'
          ELSE 'activated' END`.as('state'),
      );
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
