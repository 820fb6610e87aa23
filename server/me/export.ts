import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_AUDIENCE } from '../../lib/contract/reach';
import type { MyExport } from '../../lib/contract/export';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import { toIso, type Clock } from '../clock';
import type { DB } from '../db/schema';
import { problems } from '../http/problem';
import { lifetimeFigures } from '../reach/personal-reach';
import type { SuggestionRepository } from '../suggestions/repository';

const DAY_MS = 86_400_000;

interface ExportDeps {
  db: Kysely<DB>;
  now: Clock;
  suggestions: SuggestionRepository;
  publicUrl: () => string;
  flushClicks: () => Promise<unknown>;
}

/**
 * Everything stored about one employee, read only by their id. Clicks are grouped per link and day in SQL:
 * the clicks table holds no visitor data, and the export does not even list single click times.
 */
export async function exportEmployee(deps: ExportDeps, employeeId: string): Promise<MyExport> {
  const { db } = deps;
  const person = await db.selectFrom('employees').selectAll().where('id', '=', employeeId).executeTakeFirst();
  if (!person) throw problems.notFound('Your employee record no longer exists');

  const invites = await db
    .selectFrom('invites')
    .select(['created_at', 'expires_at', 'redeemed_at'])
    .where('employee_id', '=', employeeId)
    .orderBy('created_at')
    .execute();
  const signIns = await db
    .selectFrom('tokens')
    .select('created_at')
    .where('employee_id', '=', employeeId)
    .orderBy('created_at')
    .execute();
  const shares = await db
    .selectFrom('shares as s')
    .innerJoin('items as i', 'i.id', 's.item_id')
    .select([
      's.id',
      's.item_id',
      'i.title',
      'i.url',
      's.network',
      's.caption_id',
      's.edited',
      's.shared_at',
      's.received_at',
      's.audience',
    ])
    .where('s.employee_id', '=', employeeId)
    .orderBy('s.shared_at')
    .orderBy('s.id')
    .execute();
  const links = await db
    .selectFrom('links')
    .select(['code', 'item_id', 'network', 'created_at'])
    .where('employee_id', '=', employeeId)
    .orderBy('created_at')
    .orderBy('code')
    .execute();
  const day = sql<number>`clicked_at / ${sql.lit(DAY_MS)}`;
  const clicks = await db
    .selectFrom('clicks')
    .select(['code', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('employee_id', '=', employeeId)
    .groupBy(['code', 'day'])
    .orderBy('day')
    .orderBy('code')
    .execute();
  const base = `${deps.publicUrl()}/r/`;

  return {
    exportedAt: toIso(deps.now()),
    profile: {
      id: person.id,
      name: person.name,
      role: person.role,
      active: person.active === 1,
      invitedAt: toIso(person.created_at),
      activatedAt: person.activated_at === null ? null : toIso(person.activated_at),
      email: person.email,
      singleSignOn:
        person.sso_issuer !== null && person.sso_subject !== null
          ? { issuer: person.sso_issuer, subject: person.sso_subject }
          : null,
      audience: { linkedin: person.audience_linkedin, x: person.audience_x },
      effectiveAudience: {
        linkedin: person.audience_linkedin ?? DEFAULT_AUDIENCE.linkedin,
        x: person.audience_x ?? DEFAULT_AUDIENCE.x,
      },
    },
    invites: invites.map((i) => ({
      createdAt: toIso(i.created_at),
      expiresAt: toIso(i.expires_at),
      redeemedAt: i.redeemed_at === null ? null : toIso(i.redeemed_at),
    })),
    signIns: signIns.map((t) => ({ createdAt: toIso(t.created_at) })),
    totals: await lifetimeFigures(db, employeeId),
    shares: shares.map((s) => ({
      id: s.id,
      itemId: s.item_id,
      itemTitle: s.title,
      itemUrl: s.url,
      network: s.network,
      captionId: s.caption_id,
      edited: s.edited === 1,
      sharedAt: toIso(s.shared_at),
      receivedAt: toIso(s.received_at),
      audience: s.audience,
    })),
    links: links.map((l) => ({
      code: l.code,
      url: base + l.code,
      itemId: l.item_id,
      network: l.network,
      createdAt: toIso(l.created_at),
    })),
    clicks: clicks.map((c) => ({ code: c.code, day: toIso(Number(c.day) * DAY_MS).slice(0, 10), clicks: Number(c.n) })),
    suggestions: await deps.suggestions.byEmployee(employeeId),
  };
}

/** GET /v1/me/export: the privacy page's "see everything recorded about you", as a download. */
export function exportRoutes(deps: ExportDeps) {
  return new Hono<AppEnv>().get('/v1/me/export', async (c) => {
    const employeeId = employeeOf(c);
    // Clicks still in the buffer are recorded too; write them first so the export holds them.
    await deps.flushClicks();
    const body = await exportEmployee(deps, employeeId);
    const date = body.exportedAt.slice(0, 10);
    return c.json(body, 200, {
      'Content-Disposition': `attachment; filename="relay-my-data-${date}.json"`,
      'Cache-Control': 'no-store',
    });
  });
}
