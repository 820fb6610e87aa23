import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf, type DialectName } from './dialect';
import type { DB } from './schema';

/** Rows per multi-row statement (a power of two): well under SQLite's and PostgreSQL's limits on bound values. */
export const MAX_ROWS = 256;

/**
 * A multi-row statement whose SQL Kysely writes once per row count (so its placeholders suit the database
 * at hand), run again with each batch's values: building the query anew for every batch cost more than
 * SQLite's own work. Row counts are split into powers of two, so only a few texts are ever made. Texts are
 * kept per dialect: one process may write to both databases (the analytics bench does).
 */
export class MultiRowStatement {
  private readonly texts: Record<DialectName, Map<number, string>> = { sqlite: new Map(), postgres: new Map() };

  constructor(
    private readonly build: (rows: RawBuilder<unknown>[]) => RawBuilder<unknown>,
    private readonly columns: number,
  ) {}

  /** Runs the statement over `rows` (each with one value per column), returning what every part returned. */
  async run<R>(db: Kysely<DB>, rows: readonly unknown[][]): Promise<R[]> {
    const out: R[] = [];
    const texts = this.texts[dialectOf(db)];
    for (let i = 0; i < rows.length; ) {
      let n = MAX_ROWS;
      while (n > rows.length - i) n >>= 1;
      const part = rows.slice(i, i + n);
      i += n;
      let text = texts.get(n);
      if (text === undefined) {
        const placeholders = Array.from(
          { length: n },
          () => sql`(${sql.join(Array.from({ length: this.columns }, () => sql`${null}`))})`,
        );
        text = this.build(placeholders).compile(db).sql;
        texts.set(n, text);
      }
      const result = await db.executeQuery<R>(CompiledQuery.raw(text, part.flat()));
      for (const row of result.rows) out.push(row);
    }
    return out;
  }
}
