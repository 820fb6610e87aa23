import { Hono, type Context } from 'hono';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { QueueItem, QueueResponse } from '../../lib/contract/queue';
import { QueueQuery } from '../../lib/contract/queue';
import { employeeOf } from '../auth/middleware';
import type { AppEnv } from '../auth/principal';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { problems } from '../http/problem';
import { readQuery } from '../http/validate';
import { captionsByItem, itemFields } from '../items/rows';
import type { TrackedLinks } from '../links/tracked-links';
import { decodeCursor, encodeCursor, type QueueCursor } from './cursor';
import { etagMatches, type QueueVersion, type Snapshot } from './queue-version';

interface QueueDeps {
  db: Kysely<DB>;
  now: Clock;
  version: QueueVersion;
  links: TrackedLinks;
  /** Origin for tracked links; a function because it may be known only once the server listens. */
  publicUrl: () => string;
}

export const CACHE_CONTROL = 'private, no-cache';

type ItemsEb = ExpressionBuilder<DB, 'items'>;

/** Live, published and not expired at `now`. */
const visibleAt = (eb: ItemsEb, now: number): Expression<SqlBool> =>
  eb.and([
    eb('deleted_at', 'is', null),
    eb('publish_at', '<=', now),
    eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]),
  ]);

/** GET /v1/queue: the whole queue, or with ?since= only what changed; 304 when the ETag still holds. */
export function queueRoutes(deps: QueueDeps) {
  const { db, version, links } = deps;

  return new Hono<AppEnv>().get('/v1/queue', (c): Response | Promise<Response> => {
    const employeeId = employeeOf(c);
    // Most polls carry no query string: skip parsing one.
    const { since } = c.req.url.includes('?') ? readQuery(c, QueueQuery) : { since: undefined };
    const cursor = since === undefined ? undefined : decodeCursor(since);
    if (cursor === null)
      throw problems.badRequest('The since cursor is not one this server issued; fetch the queue without ?since=');

    const now = deps.now();
    const snapshot = version.at(now);
    return snapshot instanceof Promise
      ? snapshot.then((s) => answer(c, employeeId, now, s, cursor))
      : answer(c, employeeId, now, snapshot, cursor);
  });

  function answer(
    c: Context<AppEnv>,
    employeeId: string,
    now: number,
    snapshot: Snapshot,
    cursor: QueueCursor | undefined,
  ): Response | Promise<Response> {
    const etag = version.etag(employeeId, snapshot);
    // The hot path: auth and the ETag came from memory; no other work.
    if (etagMatches(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } });
    }
    return buildQueue(c, employeeId, now, snapshot.seq, cursor, etag);
  }

  async function buildQueue(
    c: Context<AppEnv>,
    employeeId: string,
    now: number,
    seq: number,
    cursor: QueueCursor | undefined,
    etag: string,
  ) {
    // A cursor from the future (e.g. the database was reset) cannot be answered as a delta: send everything.
    const delta = cursor !== undefined && cursor.seq <= seq ? cursor : undefined;

    let query = db
      .selectFrom('items')
      .selectAll()
      .where((eb) => visibleAt(eb, now));
    if (delta) {
      query = query.where((eb) =>
        eb.or([eb('version', '>', delta.seq), eb.and([eb('publish_at', '>', delta.at), eb('publish_at', '<=', now)])]),
      );
    }
    const rows = await query.orderBy('pinned', 'desc').orderBy('publish_at', 'desc').orderBy('id', 'desc').execute();

    const removed = delta
      ? (
          await db
            .selectFrom('items')
            .select('id')
            .where((eb) =>
              eb.or([
                eb.and([eb('version', '>', delta.seq), eb.not(visibleAt(eb, now))]),
                eb.and([eb('deleted_at', 'is', null), eb('expires_at', '>', delta.at), eb('expires_at', '<=', now)]),
              ]),
            )
            .execute()
        ).map((r) => r.id)
      : [];

    const ids = rows.map((r) => r.id);
    const captions = await captionsByItem(db, ids);
    const codes = await links.codesFor(employeeId, ids);
    const base = `${deps.publicUrl()}/r/`;
    const items: QueueItem[] = rows.map((row) => {
      const code = codes.get(row.id)!;
      return {
        ...itemFields(row, captions.get(row.id) ?? []),
        links: { linkedin: base + code.linkedin, x: base + code.x },
      };
    });

    const body: QueueResponse = { full: !delta, items, removed, cursor: encodeCursor({ seq, at: now }) };
    return c.json(body, 200, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
  }
}
