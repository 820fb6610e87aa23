import { sql, type Kysely } from 'kysely';
import { DAILY_TABLES } from './migrations/0006_analytics_rollups';
import { MultiRowStatement } from './multi-row-statement';
import type { DB } from './schema';

const DAY_MS = 86_400_000;

/** The UTC day (since 1970) a daily table counts a row at `at` (epoch ms) in. */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS);

/** The figures a daily table counts, per day and key. */
export type DailyFigure = 'shares' | 'reach' | 'clicks';
type DailyKey = (typeof DAILY_TABLES)[number][1];

/** What one written row adds to the daily tables: its time, its key in each table, and its amounts. */
export interface DailyActivity<T> {
  at(row: T): number;
  keyOf: Readonly<Record<DailyKey, (row: T) => string>>;
  /** One amount per figure the totals were made for, in that order. */
  amounts(row: T): readonly number[];
}

/**
 * Adds a batch of written rows (shares, clicks) to the daily tables in one upsert per table: one trigger run
 * per row cost more than writing the row. The daily tables' own triggers still move the running totals and
 * weekly sharers, once per daily row changed. Rows deleted later are taken off by the `*_out` triggers.
 */
export class DailyTotals<T> {
  private readonly tables: { statement: MultiRowStatement; keyOf: (row: T) => string }[];

  constructor(
    figures: readonly DailyFigure[],
    private readonly activity: DailyActivity<T>,
  ) {
    this.tables = DAILY_TABLES.map(([table, key]) => ({
      statement: upsert(table, key, figures),
      keyOf: activity.keyOf[key],
    }));
  }

  /** Call inside the transaction that wrote `rows`, with only the rows it wrote. */
  async add(trx: Kysely<DB>, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    const days = rows.map((row) => dayOf(this.activity.at(row)));
    const amounts = rows.map((row) => this.activity.amounts(row));
    for (const { statement, keyOf } of this.tables) {
      const totals = new Map<string, [number, string, ...number[]]>();
      for (let i = 0; i < rows.length; i++) {
        const [day, key, add] = [days[i]!, keyOf(rows[i]!), amounts[i]!];
        const id = `${day} ${key}`;
        const total = totals.get(id);
        if (!total) totals.set(id, [day, key, ...add]);
        else for (let f = 0; f < add.length; f++) total[f + 2] = (total[f + 2] as number) + add[f]!;
      }
      for (const part of parts([...totals.values()])) await statement.run(trx, part);
    }
  }
}

/**
 * A table's rows in key and day order, the same in every writer, cut into statements where a key has a second
 * day in one ISO week: PostgreSQL runs a statement's row triggers once all its rows are written, and
 * weekly_sharers' trigger on a person's first day with shares in a week would see the other new days of that
 * week and count them in none. The statements are consecutive runs of that order, so a batch still takes its
 * rows in key and day order and concurrent writers meet the rows they share in the same order: taking a later
 * key's row in an earlier statement deadlocked with a click batch (a share of yesterday sent with today's).
 */
function parts<R extends [number, string, ...number[]]>(rows: R[]): R[][] {
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
  const out: R[][] = [[]];
  for (let i = 0; i < rows.length; i++) {
    const [day, key] = rows[i]!;
    const previous = rows[i - 1];
    if (previous !== undefined && previous[1] === key && week(previous[0]) === week(day)) out.push([]);
    out[out.length - 1]!.push(rows[i]!);
  }
  return out;
}

/** The ISO week of a day since 1970 (week n starts on Monday, day 7n - 3), as weekly_sharers counts them. */
const week = (day: number) => Math.floor((day + 3) / 7);

function upsert(table: string, key: DailyKey, figures: readonly DailyFigure[]): MultiRowStatement {
  const added = figures.map((f) => sql`${sql.ref(f)} = ${sql.ref(`${table}.${f}`)} + ${sql.ref(`excluded.${f}`)}`);
  return new MultiRowStatement(
    (source) => sql`INSERT INTO ${sql.table(table)} (day, ${sql.ref(key)}, ${sql.join(figures.map((f) => sql.ref(f)))})
      ${source} ON CONFLICT (day, ${sql.ref(key)}) DO UPDATE SET ${sql.join(added)}`,
    ['bigint', 'text', ...figures.map(() => 'bigint' as const)],
  );
}
