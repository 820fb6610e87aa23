import type { Kysely } from 'kysely';
import { SiteProfile } from '../../lib/contract/site-profiles';
import type { Network } from '../../lib/contract/common';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';

export type PublishResult =
  | { status: 'published' | 'unchanged'; profile: SiteProfile }
  | { status: 'stale'; current: number };

/**
 * Published site profiles. Every published version is kept (a row per network and version), so a bad push
 * can be undone by publishing the previous content under a newer version, and what was live is on record.
 * Readers only ever see the newest version of each network.
 */
export class SiteProfileRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  /** The newest published profile of each network, in network order. */
  async latest(): Promise<SiteProfile[]> {
    const rows = await this.db
      .selectFrom('site_profiles as p')
      .select(['p.network', 'p.version', 'p.profile'])
      .where(({ eb, selectFrom }) =>
        eb(
          'p.version',
          '=',
          selectFrom('site_profiles as q')
            .select(({ fn }) => fn.max('q.version').as('v'))
            .whereRef('q.network', '=', 'p.network'),
        ),
      )
      .orderBy('p.network')
      .execute();
    // Stored after validation; parsed again so a row edited by hand can never reach an extension broken.
    return rows.flatMap((row) => {
      const parsed = SiteProfile.safeParse(JSON.parse(row.profile));
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Publish `profile` (already validated). Its version must be above the network's current one, since
   * extensions only replace a profile with a newer one; the same version with the same content again is
   * a no-op (a retried PUT), with other content a conflict.
   */
  async publish(profile: SiteProfile): Promise<PublishResult> {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('site_profiles')
        .select(['version', 'profile'])
        .where('network', '=', profile.network)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const json = JSON.stringify(profile);
      if (current && current.version === profile.version && current.profile === json)
        return { status: 'unchanged', profile };
      if (current && current.version >= profile.version) return { status: 'stale', current: current.version };
      await trx
        .insertInto('site_profiles')
        .values({ network: profile.network, version: profile.version, profile: json, published_at: this.now() })
        .execute();
      return { status: 'published', profile };
    });
  }

  /** The newest version per network, for the ETag: changes whenever any published profile does. */
  async versions(): Promise<Partial<Record<Network, number>>> {
    const rows = await this.db
      .selectFrom('site_profiles')
      .select(({ fn }) => ['network', fn.max('version').as('version')])
      .groupBy('network')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.network, Number(r.version)]));
  }
}
