import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLOUR, BADGE_NEW_COLOUR, badgeView, refreshBadge } from './badge';
import { toQueueRow, utcMonth, type RelayDb } from '../db';
import { refreshReach } from '../reach/refresh';
import type { Reach } from '../contract/reach';
import { popupOpenedAtItem, reachCacheItem, saveConnection, clearConnection, type CachedReach } from '../settings';
import { fakeFetch, freshDb, json, makeItem, problem } from '../test-support';
import { useLocale } from '../i18n/test-catalogue';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const employee = { id: crypto.randomUUID(), name: 'Aiko Tanaka', role: 'employee' as const };

function reachBody(reach: number, overrides: Partial<Reach> = {}): Reach {
  const month = utcMonth(NOW);
  const zero = { reach: 0, clicks: 0, shares: 0 };
  return {
    reach,
    clicks: 3,
    shares: 2,
    ...month,
    byNetwork: { linkedin: { reach, clicks: 3, shares: 2 }, x: zero },
    rank: 1,
    participants: 4,
    streakWeeks: 1,
    weeks: Array.from({ length: 12 }, (_, i) => ({
      start: new Date(NOW - (11 - i) * 7 * 86_400_000).toISOString(),
      ...zero,
    })),
    lifetime: { reach, clicks: 3, shares: 2 },
    badges: [{ id: 'first-share', label: 'First share', earned: true }],
    ...overrides,
  };
}
const cache = (reach: number): CachedReach => ({ reach: reachBody(reach), fetchedAt: new Date(NOW).toISOString() });

let db: RelayDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await saveConnection({ serverUrl: 'http://127.0.0.1:8787', token: 'tok', employee });
});

const badge = () => refreshBadge({ db: () => db, action: () => fakeBrowser.action, now: () => NOW });

describe('badgeView', () => {
  it('shows this month’s reach in compact form, in words in the title', () => {
    expect(badgeView({ cached: cache(1231), newItems: 0, connected: true, now: NOW })).toEqual({
      text: '1.2k',
      colour: BADGE_COLOUR,
      title: 'Relay — Your reach this month: 1,231.',
    });
  });

  it('marks new items with a "•", another colour and a sentence', () => {
    const view = badgeView({ cached: cache(999_999), newItems: 3, connected: true, now: NOW });
    expect(view.text).toBe('999.9k•');
    expect(view.colour).toBe(BADGE_NEW_COLOUR);
    expect(view.title).toBe(
      'Relay — 3 new items to share since you last opened Relay. Your reach this month: 999,999.',
    );
  });

  it('speaks the language shown: its decimal mark within four characters, Russian plurals in the title', () => {
    useLocale('ru');
    const title = (newItems: number) => badgeView({ cached: cache(1231), newItems, connected: true, now: NOW }).title;
    expect(badgeView({ cached: cache(1231), newItems: 0, connected: true, now: NOW })).toMatchObject({
      text: '1,2k',
      title: 'Relay — Ваш охват в этом месяце: 1\u00a0231.',
    });
    expect(title(1)).toMatch(/^Relay — 1 новый материал /);
    expect(title(2)).toMatch(/^Relay — 2 новых материала /);
    expect(title(5)).toMatch(/^Relay — 5 новых материалов /);
    expect(title(21)).toMatch(/^Relay — 21 новый материал /);
    expect(badgeView({ cached: null, newItems: 0, connected: false, now: NOW }).title).toBe(
      'Relay — не подключён. Откройте настройки, чтобы подключиться.',
    );
    useLocale('ca');
    expect(badgeView({ cached: cache(999_999), newItems: 0, connected: true, now: NOW }).text).toBe('999,9k');
    expect(badgeView({ cached: cache(845), newItems: 0, connected: true, now: NOW }).text).toBe('845');
  });

  it('shows no figure from last month’s answer', () => {
    const view = badgeView({
      cached: cache(500),
      newItems: 0,
      connected: true,
      now: Date.parse('2026-12-01T00:00:00Z'),
    });
    expect(view.text).toBe('');
  });

  it('shows no "0": only the mark when there is no reach yet', () => {
    expect(badgeView({ cached: cache(0), newItems: 0, connected: true, now: NOW }).text).toBe('');
    expect(badgeView({ cached: cache(0), newItems: 1, connected: true, now: NOW }).text).toBe('•');
  });

  it('is empty when nobody is connected', () => {
    expect(badgeView({ cached: cache(500), newItems: 2, connected: false, now: NOW }).text).toBe('');
  });
});

describe('refreshBadge', () => {
  it('paints the cached reach', async () => {
    await reachCacheItem.setValue(cache(1000));
    await popupOpenedAtItem.setValue(new Date(NOW).toISOString());
    await badge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1k');
    expect(await fakeBrowser.action.getTitle({})).toBe('Relay — Your reach this month: 1,000.');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x1d, 0x4e, 0xd8, 255]);
  });

  it('marks items published since the popup was last opened, and drops the mark once it is opened', async () => {
    await reachCacheItem.setValue(cache(42));
    await popupOpenedAtItem.setValue(new Date(NOW - 60 * 60_000).toISOString());
    await db.queue.bulkPut([
      toQueueRow(makeItem({ publishAt: new Date(NOW - 2 * 60 * 60_000).toISOString() })),
      toQueueRow(makeItem({ publishAt: new Date(NOW - 10 * 60_000).toISOString() })),
      // Arrived, but already expired: nothing to share.
      toQueueRow(
        makeItem({
          publishAt: new Date(NOW - 5 * 60_000).toISOString(),
          expiresAt: new Date(NOW - 60_000).toISOString(),
        }),
      ),
    ]);
    await badge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('42•');
    expect(await fakeBrowser.action.getTitle({})).toContain('1 new item to share');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xc2, 0x41, 0x0c, 255]);

    await popupOpenedAtItem.setValue(new Date(NOW).toISOString());
    await badge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('42');
  });

  it('clears the badge when the account is disconnected', async () => {
    await reachCacheItem.setValue(cache(42));
    await badge();
    await clearConnection();
    expect(await reachCacheItem.getValue()).toBeNull();
    await badge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('refreshReach', () => {
  const deps = (fetch: ReturnType<typeof fakeFetch>) => ({
    getConnection: async () => ({ serverUrl: 'http://127.0.0.1:8787', token: 'tok' }),
    save: (v: CachedReach) => reachCacheItem.setValue(v),
    fetch,
    now: () => NOW,
  });

  it('keeps the answer with its time, then the badge shows it', async () => {
    const fetch = fakeFetch(json(reachBody(1_250_000)));
    const result = await refreshReach(deps(fetch));
    expect(result.ok).toBe(true);
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:8787/v1/me/reach');
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(await reachCacheItem.getValue()).toEqual({
      reach: reachBody(1_250_000),
      fetchedAt: new Date(NOW).toISOString(),
    });
    await badge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1.2M');
  });

  it('keeps the previous figures when the server fails or breaks the contract', async () => {
    await reachCacheItem.setValue(cache(7));
    expect((await refreshReach(deps(fakeFetch(problem(503, 'Unavailable', 'Try later'))))).ok).toBe(false);
    expect((await refreshReach(deps(fakeFetch(json({ reach: -1 }))))).ok).toBe(false);
    expect((await refreshReach(deps(fakeFetch(new TypeError('Failed to fetch'))))).ok).toBe(false);
    expect(await reachCacheItem.getValue()).toEqual(cache(7));
  });
});
