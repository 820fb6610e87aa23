import type { Kysely } from 'kysely';
import type { Taxonomy } from '../../lib/contract/taxonomy';
import type { DB } from '../db/schema';

type TaxonomyKind = 'topic' | 'campaign';

interface TaxonomyTable {
  kind: TaxonomyKind;
  name: string;
}

/** The managed lists of topics and campaigns (table `taxonomy`, migration 0007). */
export class TaxonomyRepository {
  private readonly db: Kysely<DB & { taxonomy: TaxonomyTable }>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ taxonomy: TaxonomyTable }>();
  }

  async current(): Promise<Taxonomy> {
    const rows = await this.db.selectFrom('taxonomy').select(['kind', 'name']).execute();
    // Sorted here, by code point: a database's collation (PostgreSQL's follows the locale) would order them differently.
    const names = (kind: TaxonomyKind) =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => r.name)
        .sort();
    return { topics: names('topic'), campaigns: names('campaign') };
  }

  async replace(t: Taxonomy): Promise<Taxonomy> {
    const entries = (kind: TaxonomyKind, names: string[]) => names.map((name) => ({ kind, name }));
    const rows = [...entries('topic', t.topics), ...entries('campaign', t.campaigns)];
    // One transaction: a reader never sees half a list. On PostgreSQL two replacements at once can each
    // miss the rows the other just wrote when deleting; DO NOTHING then keeps both lists instead of failing.
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('taxonomy').execute();
      if (rows.length)
        await trx
          .insertInto('taxonomy')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
    });
    return this.current();
  }
}
