import type BetterSqlite3 from 'better-sqlite3';
import type { Taxonomy } from '../../lib/contract/taxonomy';

type Kind = 'topic' | 'campaign';

/** The managed lists of topics and campaigns (table `taxonomy`, migration 0007). */
export class TaxonomyRepository {
  private readonly list: BetterSqlite3.Statement<[Kind], { name: string }>;
  private readonly replaceAll: (t: Taxonomy) => void;

  constructor(sqlite: BetterSqlite3.Database) {
    this.list = sqlite.prepare('SELECT name FROM taxonomy WHERE kind = ? ORDER BY name');
    const clear = sqlite.prepare('DELETE FROM taxonomy');
    const insert = sqlite.prepare<[Kind, string]>('INSERT INTO taxonomy (kind, name) VALUES (?, ?)');
    // One transaction: a reader never sees half a list.
    this.replaceAll = sqlite.transaction((t: Taxonomy) => {
      clear.run();
      for (const name of t.topics) insert.run('topic', name);
      for (const name of t.campaigns) insert.run('campaign', name);
    });
  }

  current(): Taxonomy {
    return {
      topics: this.list.all('topic').map((r) => r.name),
      campaigns: this.list.all('campaign').map((r) => r.name),
    };
  }

  replace(t: Taxonomy): Taxonomy {
    this.replaceAll(t);
    return this.current();
  }
}
