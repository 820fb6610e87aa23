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
  const statement = () => new MultiRowStatement((rows) => sql`INSERT INTO t (a, b) VALUES ${sql.join(rows)}`, 2);

  it('splits rows into power-of-two parts, each with its own placeholders', async () => {
    const { db, seen } = recording('sqlite');
    await statement().run(db, [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(seen).toEqual(['INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', 'INSERT INTO t (a, b) VALUES (?, ?)']);
  });

  it("writes each database's placeholders when one process uses both", async () => {
    const shared = statement();
    const sqlite = recording('sqlite');
    const postgres = recording('postgres');
    await shared.run(sqlite.db, [[1, 'a']]);
    await shared.run(postgres.db, [[1, 'a']]);
    await shared.run(sqlite.db, [[2, 'b']]);
    expect(sqlite.seen).toEqual(['INSERT INTO t (a, b) VALUES (?, ?)', 'INSERT INTO t (a, b) VALUES (?, ?)']);
    expect(postgres.seen).toEqual(['INSERT INTO t (a, b) VALUES ($1, $2)']);
  });
});
