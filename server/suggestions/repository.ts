import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Suggestion, SuggestionStatus } from '../../lib/contract/suggestions';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';

export interface SuggestionPage {
  suggestions: Suggestion[];
  /** (created_at, id) of the last row when more may follow. */
  next: { createdAt: number; id: string } | null;
}

export type Decision =
  | { status: 'ok'; suggestion: Suggestion }
  | { status: 'missing' }
  | { status: 'decided'; suggestion: Suggestion };

/** The same page written two ways (case of the host, a missing "/") is one suggestion. */
export const normaliseUrl = (url: string): string => new URL(url).href;

/** Suggestions employees make and curators decide on. */
export class SuggestionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  /** Stores a suggestion, or returns the employee's open one for the same URL (`created: false`). */
  async suggest(
    employeeId: string,
    url: string,
    note: string | undefined,
  ): Promise<{ suggestion: Suggestion; created: boolean }> {
    const normalised = normaliseUrl(url);
    const id = await this.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('suggestions')
        .select('id')
        .where('employee_id', '=', employeeId)
        .where('url', '=', normalised)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open) return { id: open.id, created: false };
      const id = uuidv7();
      await trx
        .insertInto('suggestions')
        .values({
          id,
          employee_id: employeeId,
          url: normalised,
          note: note ? note : null,
          status: 'open',
          created_at: this.now(),
          decided_at: null,
          item_id: null,
        })
        .execute();
      return { id, created: true };
    });
    return { suggestion: (await this.get(id.id))!, created: id.created };
  }

  async get(id: string): Promise<Suggestion | null> {
    const row = await this.select().where('s.id', '=', id).executeTakeFirst();
    return row ? toSuggestion(row) : null;
  }

  /** One page of one status, newest first; `before` continues after a page's last row. */
  async list(
    status: SuggestionStatus,
    limit: number,
    before?: { createdAt: number; id: string },
  ): Promise<SuggestionPage> {
    let query = this.select().where('s.status', '=', status);
    if (before) {
      query = query.where((eb) =>
        eb.or([
          eb('s.created_at', '<', before.createdAt),
          eb.and([eb('s.created_at', '=', before.createdAt), eb('s.id', '<', before.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      suggestions: page.map(toSuggestion),
      next: rows.length > limit && last ? { createdAt: last.created_at, id: last.id } : null,
    };
  }

  /** Every suggestion an employee made (their data export). */
  async byEmployee(employeeId: string): Promise<Suggestion[]> {
    const rows = await this.select()
      .where('s.employee_id', '=', employeeId)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
    return rows.map(toSuggestion);
  }

  async dismiss(id: string): Promise<Decision> {
    return this.decide(id, 'dismissed', null);
  }

  /**
   * Claims an open suggestion for acceptance before the item exists, so two curators accepting at once
   * cannot both create an item: the loser gets `decided`. `release` puts it back when creating the item fails.
   */
  async claim(id: string): Promise<Decision> {
    return this.decide(id, 'accepted', null);
  }

  async release(id: string): Promise<void> {
    // Should its author have suggested the same page again meanwhile, that newer one stays the open one
    // (one open suggestion per person and URL) and this one counts as dismissed.
    await sql`
      UPDATE suggestions SET item_id = NULL,
        status = CASE WHEN dup.n > 0 THEN 'dismissed' ELSE 'open' END,
        decided_at = CASE WHEN dup.n > 0 THEN decided_at ELSE NULL END
      FROM (SELECT COUNT(*) AS n FROM suggestions o JOIN suggestions me ON me.id = ${id}
            WHERE o.employee_id = me.employee_id AND o.url = me.url AND o.status = 'open' AND o.id <> me.id) AS dup
      WHERE suggestions.id = ${id}`.execute(this.db);
  }

  async linkItem(id: string, itemId: string): Promise<Suggestion> {
    await this.db.updateTable('suggestions').set({ item_id: itemId }).where('id', '=', id).execute();
    return (await this.get(id))!;
  }

  private async decide(id: string, status: 'dismissed' | 'accepted', itemId: string | null): Promise<Decision> {
    const changed = await this.db
      .updateTable('suggestions')
      .set({ status, decided_at: this.now(), item_id: itemId })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    const suggestion = await this.get(id);
    if (!suggestion) return { status: 'missing' };
    return Number(changed.numUpdatedRows) === 1 ? { status: 'ok', suggestion } : { status: 'decided', suggestion };
  }

  private select() {
    return this.db
      .selectFrom('suggestions as s')
      .innerJoin('employees as e', 'e.id', 's.employee_id')
      .select([
        's.id',
        's.url',
        's.note',
        's.status',
        's.created_at',
        's.decided_at',
        's.item_id',
        's.employee_id',
        'e.name',
      ]);
  }
}

interface Row {
  id: string;
  url: string;
  note: string | null;
  status: SuggestionStatus;
  created_at: number;
  decided_at: number | null;
  item_id: string | null;
  employee_id: string;
  name: string;
}

const toSuggestion = (r: Row): Suggestion => ({
  id: r.id,
  url: r.url,
  note: r.note,
  status: r.status,
  suggestedBy: { id: r.employee_id, name: r.name },
  createdAt: toIso(r.created_at),
  decidedAt: r.decided_at === null ? null : toIso(r.decided_at),
  itemId: r.item_id,
});
