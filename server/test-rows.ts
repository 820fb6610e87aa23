import {
  DeleteQueryNode,
  InsertQueryNode,
  RawNode,
  UpdateQueryNode,
  sql,
  type Kysely,
  type KyselyPlugin,
  type QueryId,
} from 'kysely';
import type { DB } from './db/schema';

/**
 * How many rows a table holds, optionally only those whose columns equal the given values: what tests
 * check a request wrote (or did not). Through Kysely, so the same test runs on SQLite and PostgreSQL.
 */
export async function countRows(
  db: Kysely<DB>,
  table: keyof DB,
  where: Record<string, string | number> = {},
): Promise<number> {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  for (const [column, value] of Object.entries(where)) query = query.where(sql.ref(column), '=', value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The same database with every row written through it counted (rows inserted, updated or deleted by the
 * app's queries), like SQLite's total_changes() but on any database: for tests that a path writes nothing.
 */
export function countingWrites<T extends { db: Kysely<DB> }>(database: T): { database: T; written(): number } {
  let written = 0;
  const writes = new Set<QueryId>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      const raw = RawNode.is(node) ? (node.sqlFragments[0] ?? '').trimStart() : '';
      if (
        InsertQueryNode.is(node) ||
        UpdateQueryNode.is(node) ||
        DeleteQueryNode.is(node) ||
        /^(insert|update|delete)\b/i.test(raw)
      )
        writes.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (writes.delete(queryId)) written += Number(result.numAffectedRows ?? 0);
      return result;
    },
  };
  // The app gets the counting Kysely; everything else (closing included) is the database's own.
  const counted = Object.assign(Object.create(database) as T, { db: database.db.withPlugin(plugin) });
  return { database: counted, written: () => written };
}
