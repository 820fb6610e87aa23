import { sql, type Kysely } from 'kysely';
import type { Adoption, Contributors, Participation, Ranking } from '../../lib/contract/analytics';
import { toIso } from '../clock';
import type { DB } from '../db/schema';
import { sharerCount, sharersByWeek, topBy } from './figures';
import { DAY_MS, WEEKS, bucketOf, bucketStart, bucketsIn, ratio, type Range } from './range';

const ACTIVE_WINDOW_MS = 7 * DAY_MS;

/** Invited → activated → active, as the programme stood at the end of the period. */
export async function adoption(db: Kysely<DB>, range: Range): Promise<Adoption> {
  const activeSince = Math.max(range.from, range.to - ACTIVE_WINDOW_MS);
  const people = await db
    .selectFrom('employees')
    .select([
      (eb) => eb.fn.countAll<number>().as('invited'),
      sql<number>`COALESCE(SUM(CASE WHEN activated_at < ${range.to} THEN 1 ELSE 0 END), 0)`.as('activated'),
    ])
    .where('created_at', '<', range.to)
    .executeTakeFirstOrThrow();
  const activeCount = await sharerCount(db, { from: activeSince, to: range.to });
  const invited = Number(people.invited);
  const activated = Number(people.activated);
  return {
    from: toIso(range.from),
    to: toIso(range.to),
    activeSince: toIso(activeSince),
    invited,
    activated,
    active: activeCount,
    activationRate: ratio(activated, invited),
    activeRate: ratio(activeCount, activated),
  };
}

const weekExpr = (column: 'activated_at') =>
  sql<number>`(${sql.ref(column)} + ${sql.lit(WEEKS.shift)}) / ${sql.lit(WEEKS.size)}`;

/** Per ISO week: of the people activated by then, how many shared that week (within the period). */
export async function participation(db: Kysely<DB>, range: Range): Promise<Participation> {
  const sharedIn = await sharersByWeek(db, range);
  const firstWeek = bucketOf(range.from, WEEKS);
  // Activations before the first week are one running total; later ones are added week by week.
  const activations = await db
    .selectFrom('employees')
    .select([
      sql<number>`CASE WHEN activated_at < ${bucketStart(firstWeek, WEEKS)} THEN -1 ELSE ${weekExpr('activated_at')} END`.as(
        'week',
      ),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('activated_at', 'is not', null)
    .where('activated_at', '<', range.to)
    .groupBy('week')
    .execute();

  const activatedIn = new Map(activations.map((r) => [Number(r.week), Number(r.n)]));
  let activated = activatedIn.get(-1) ?? 0;
  const weeks = bucketsIn(range, WEEKS).map((week) => {
    activated += activatedIn.get(week) ?? 0;
    const participants = sharedIn.get(week) ?? 0;
    return {
      weekStart: toIso(bucketStart(week, WEEKS)),
      activated,
      participants,
      rate: ratio(participants, activated),
    };
  });
  return { from: toIso(range.from), to: toIso(range.to), weeks };
}

/** "Núria Puig i Soler" → "NS": first letters of the first and last words. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-‐]+/u)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (w: string | undefined) => (w ? (w.match(/[\p{L}\p{N}]/u)?.[0] ?? '').toLocaleUpperCase() : '');
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters || '?';
}

export async function contributors(
  db: Kysely<DB>,
  range: Range,
  options: { by: Ranking; limit: number; anonymise: boolean },
): Promise<Contributors> {
  const top = await topBy(db, range, 'employee_id', options.by, options.limit);
  const names = top.length
    ? await db
        .selectFrom('employees')
        .select(['id', 'name'])
        .where(
          'id',
          'in',
          top.map((r) => r.key),
        )
        .execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    from: toIso(range.from),
    to: toIso(range.to),
    by: options.by,
    anonymised: options.anonymise,
    contributors: top.map((r) => {
      const name = nameOf.get(r.key) ?? '';
      const figures = { shares: r.shares, clicks: r.clicks, reach: r.reach };
      return options.anonymise
        ? { rank: r.rank, initials: initialsOf(name), ...figures }
        : { rank: r.rank, employeeId: r.key, name, initials: initialsOf(name), ...figures };
    }),
  };
}
