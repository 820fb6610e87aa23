import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test-support';
import { MultiRowStatement } from './multi-row-statement';
import type { DB } from './schema';

/** A Kysely of either dialect that runs nothing and records the SQL it was given. */
function recording(dialect: 'sqlite' | 'postgres') {
  const seen: string[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => (dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'postgres' ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
      createQueryCompiler: () => (dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (event) => {
      seen.push(event.query.sql);
    },
  });
  return { db, seen };
}

describe('MultiRowStatement', () => {
  const statement = () => new MultiRowStatement((rows) => sql`INSERT INTO t (a, b) ${rows}`, ['bigint', 'text']);

  it('splits rows into power-of-two parts on SQLite, each with its own placeholders', async () => {
    const { db, seen } = recording('sqlite');
    await statement().run(db, [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(seen).toEqual(['INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', 'INSERT INTO t (a, b) VALUES (?, ?)']);
  });

  it('sends each column as one typed array on PostgreSQL, whatever the row count', async () => {
    const { db, seen } = recording('postgres');
    await statement().run(
      db,
      Array.from({ length: 300 }, (_, i) => [i, `r${i}`]),
    );
    await statement().run(db, [[1, 'a']]);
    expect(seen).toEqual([
      'INSERT INTO t (a, b) SELECT * FROM unnest($1::bigint[], $2::text[])',
      'INSERT INTO t (a, b) SELECT * FROM unnest($1::bigint[], $2::text[])',
    ]);
  });

  it("writes each database's form when one process uses both", async () => {
    const shared = statement();
    const sqlite = recording('sqlite');
    const postgres = recording('postgres');
    await shared.run(sqlite.db, [[1, 'a']]);
    await shared.run(postgres.db, [[1, 'a']]);
    await shared.run(sqlite.db, [[2, 'b']]);
    expect(sqlite.seen).toEqual(['INSERT INTO t (a, b) VALUES (?, ?)', 'INSERT INTO t (a, b) VALUES (?, ?)']);
    expect(postgres.seen).toEqual(['INSERT INTO t (a, b) SELECT * FROM unnest($1::bigint[], $2::text[])']);
  });

  it('writes every value as given, in the order given, on the database under test', async () => {
    const database = await testDatabase();
    try {
      // Values an array literal must quote or escape, and more rows than one SQLite statement takes.
      const awkward = ['quo"te', 'back\\slash', '{brace},comma', 'NULL', '', 'ünï 😀', ' spaced ', "it's"];
      const rows = Array.from({ length: 300 }, (_, i) => [
        awkward[i % awkward.length]!,
        `e${i}`,
        `i${i}`,
        i % 2 ? 'x' : 'linkedin',
        Number.MAX_SAFE_INTEGER - i,
      ]);
      const insert = new MultiRowStatement(
        (source) => sql`INSERT INTO clicks (code, employee_id, item_id, network, clicked_at) ${source}`,
        ['text', 'text', 'text', 'text', 'bigint'],
      );
      await insert.run(database.db, rows);
      const stored = await database.db
        .selectFrom('clicks')
        .select(['code', 'employee_id', 'item_id', 'network', 'clicked_at'])
        .orderBy('id')
        .execute();
      expect(stored.map((r) => [r.code, r.employee_id, r.item_id, r.network, Number(r.clicked_at)])).toEqual(rows);
    } finally {
      await database.close();
    }
  });
});
