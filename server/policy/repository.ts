import type { Kysely } from 'kysely';
import { EMPTY_POLICY, PolicyUpdate, type Policy } from '../../lib/contract/policy';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';

/**
 * The policy in force, kept in memory: every caption check and every extension poll reads it, and it only
 * changes through `replace` in this process.
 */
export class PolicyRepository {
  private cached: Policy | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Clock,
  ) {}

  async current(): Promise<Policy> {
    if (this.cached) return this.cached;
    const row = await this.db.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    // Stored rows were validated on the way in; parsing again fills defaults added to the schema since.
    this.cached = row
      ? {
          ...PolicyUpdate.parse(JSON.parse(row.policy)),
          version: Number(row.version),
          updatedAt: toIso(row.updated_at),
        }
      : EMPTY_POLICY;
    return this.cached;
  }

  /** Stores the next version; the whole policy is replaced. */
  async replace(update: PolicyUpdate, updatedBy: string | null): Promise<Policy> {
    const at = this.now();
    const parsed = PolicyUpdate.parse(update);
    await this.db.transaction().execute(async (trx) => {
      const top = await trx
        .selectFrom('policies')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst();
      const version = Number(top?.v ?? 0) + 1;
      await trx
        .insertInto('policies')
        .values({ version, policy: JSON.stringify(parsed), updated_at: at, updated_by: updatedBy })
        .execute();
    });
    this.cached = null;
    return this.current();
  }
}
