import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './schema';

/** Rows per multi-row statement on SQLite (a power of two): well under its limit on bound values. */
export const MAX_ROWS = 256;

/** A column's type on PostgreSQL, where each column's values are sent as one array of it. */
export type ColumnType = 'text' | 'bigint';

/**
 * A statement over many rows whose SQL is written once, then run with each batch's values: building the query
 * anew for every batch cost more than SQLite's own work. `build` gets the rows as a source to insert from:
 * on SQLite `VALUES (?, ?), …`, one text per row count (counts are split into powers of two, so only a few
 * texts are ever made); on PostgreSQL `SELECT * FROM unnest($1::text[], …)`, one text for any count, each
 * column's values in one array. PostgreSQL parsed and planned a 256-row VALUES list for every batch: the
 * arrays took a third off its CPU per written click. Rows go in the order given (a function scan keeps the
 * arrays' order), which writers that meet on shared rows rely on. Texts are kept per dialect: one process
 * may write to both databases (the analytics bench does).
 */
export class MultiRowStatement {
  private readonly sqliteTexts = new Map<number, string>();
  private postgresText: string | undefined;

  constructor(
    private readonly build: (source: RawBuilder<unknown>) => RawBuilder<unknown>,
    private readonly columns: readonly ColumnType[],
  ) {}

  /** Runs the statement over `rows` (each with one value per column), returning what every part returned. */
  async run<R>(db: Kysely<DB>, rows: readonly unknown[][]): Promise<R[]> {
    if (rows.length === 0) return [];
    return dialectOf(db) === 'postgres' ? this.runOnPostgres<R>(db, rows) : this.runOnSqlite<R>(db, rows);
  }

  private async runOnPostgres<R>(db: Kysely<DB>, rows: readonly unknown[][]): Promise<R[]> {
    this.postgresText ??= this.build(
      sql`SELECT * FROM unnest(${sql.join(this.columns.map((type) => sql`${null}::${sql.raw(type)}[]`))})`,
    ).compile(db).sql;
    const arrays = this.columns.map((_, c) => rows.map((row) => row[c]));
    return (await db.executeQuery<R>(CompiledQuery.raw(this.postgresText, arrays))).rows;
  }

  private async runOnSqlite<R>(db: Kysely<DB>, rows: readonly unknown[][]): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < rows.length; ) {
      let n = MAX_ROWS;
      while (n > rows.length - i) n >>= 1;
      const part = rows.slice(i, i + n);
      i += n;
      let text = this.sqliteTexts.get(n);
      if (text === undefined) {
        const tuple = sql`(${sql.join(this.columns.map(() => sql`${null}`))})`;
        text = this.build(sql`VALUES ${sql.join(Array.from({ length: n }, () => tuple))}`).compile(db).sql;
        this.sqliteTexts.set(n, text);
      }
      const result = await db.executeQuery<R>(CompiledQuery.raw(text, part.flat()));
      for (const row of result.rows) out.push(row);
    }
    return out;
  }
}
