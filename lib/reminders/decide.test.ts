import { describe, expect, it } from 'vitest';
import { REMINDERS_OFF, reminderPrefsItem, type ReminderLog, type ReminderPrefs } from '../settings';
import { DAY_MS, newItemsToAnnounce, shouldNudge } from './decide';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const iso = (t: number) => new Date(t).toISOString();
const noLog: ReminderLog = { newItemsAt: null, nudgeAt: null };
const on: ReminderPrefs = { newItems: true, weeklyNudge: true, weeklyNudgeSince: iso(NOW - 30 * DAY_MS) };

describe('off by default', () => {
  it('stores both reminders off until the person turns one on', async () => {
    expect(await reminderPrefsItem.getValue()).toEqual(REMINDERS_OFF);
    expect(REMINDERS_OFF.newItems).toBe(false);
    expect(REMINDERS_OFF.weeklyNudge).toBe(false);
  });

  it('announces nothing and nudges nobody while off', () => {
    expect(
      newItemsToAnnounce({
        prefs: REMINDERS_OFF,
        log: noLog,
        popupOpenedAt: null,
        publishedAt: [NOW - 1000],
        now: NOW,
      }),
    ).toBe(0);
    expect(
      shouldNudge({
        prefs: { ...REMINDERS_OFF, weeklyNudgeSince: iso(NOW - 60 * DAY_MS) },
        log: noLog,
        lastSharedAt: null,
        shareable: 3,
        now: NOW,
      }),
    ).toBe(false);
  });
});

describe('new items', () => {
  const facts = (over: Partial<Parameters<typeof newItemsToAnnounce>[0]> = {}) => ({
    prefs: on,
    log: noLog,
    popupOpenedAt: iso(NOW - 2 * DAY_MS),
    publishedAt: [NOW - 3 * DAY_MS, NOW - DAY_MS, NOW - 60_000],
    now: NOW,
    ...over,
  });

  it('counts items published since the popup was last opened', () => {
    expect(newItemsToAnnounce(facts())).toBe(2);
  });

  it('says nothing when nothing arrived since the popup was opened', () => {
    expect(newItemsToAnnounce(facts({ popupOpenedAt: iso(NOW - 1000) }))).toBe(0);
  });

  it('sends at most one a day', () => {
    // One went out 23 hours ago; a new item since then waits.
    const log = { ...noLog, newItemsAt: iso(NOW - 23 * 60 * 60_000) };
    expect(newItemsToAnnounce(facts({ log, publishedAt: [NOW - 1000] }))).toBe(0);
    // A day later it may go.
    expect(newItemsToAnnounce(facts({ log, publishedAt: [NOW - 1000], now: NOW + 60 * 60_000 }))).toBe(1);
  });

  it('does not announce again what an earlier notification announced', () => {
    const log = { ...noLog, newItemsAt: iso(NOW - 2 * DAY_MS + 1000) };
    expect(newItemsToAnnounce(facts({ log, popupOpenedAt: null, publishedAt: [NOW - 3 * DAY_MS] }))).toBe(0);
  });

  it('ignores scheduled items whose time has not come', () => {
    expect(newItemsToAnnounce(facts({ publishedAt: [NOW + DAY_MS] }))).toBe(0);
  });

  it('announces everything to someone who never opened the popup', () => {
    expect(newItemsToAnnounce(facts({ popupOpenedAt: null }))).toBe(3);
  });
});

describe('weekly nudge', () => {
  it('nudges after 7 days without a share', () => {
    expect(shouldNudge({ prefs: on, log: noLog, lastSharedAt: iso(NOW - 7 * DAY_MS), shareable: 3, now: NOW })).toBe(
      true,
    );
    expect(
      shouldNudge({ prefs: on, log: noLog, lastSharedAt: iso(NOW - 7 * DAY_MS + 1), shareable: 3, now: NOW }),
    ).toBe(false);
  });

  it('does not nudge someone who shared this week', () => {
    expect(shouldNudge({ prefs: on, log: noLog, lastSharedAt: iso(NOW - DAY_MS), shareable: 3, now: NOW })).toBe(false);
  });

  it('nudges at most once a week', () => {
    const log = { ...noLog, nudgeAt: iso(NOW - 6 * DAY_MS) };
    expect(shouldNudge({ prefs: on, log, lastSharedAt: iso(NOW - 30 * DAY_MS), shareable: 3, now: NOW })).toBe(false);
    expect(shouldNudge({ prefs: on, log, lastSharedAt: iso(NOW - 30 * DAY_MS), shareable: 3, now: NOW + DAY_MS })).toBe(
      true,
    );
  });

  it('gives someone who never shared a week from opting in', () => {
    const justOn = { ...on, weeklyNudgeSince: iso(NOW - DAY_MS) };
    expect(shouldNudge({ prefs: justOn, log: noLog, lastSharedAt: null, shareable: 3, now: NOW })).toBe(false);
    expect(shouldNudge({ prefs: justOn, log: noLog, lastSharedAt: null, shareable: 3, now: NOW + 6 * DAY_MS })).toBe(
      true,
    );
  });

  it('does not nudge towards an empty queue', () => {
    expect(shouldNudge({ prefs: on, log: noLog, lastSharedAt: iso(NOW - 30 * DAY_MS), shareable: 0, now: NOW })).toBe(
      false,
    );
  });

  it('waits when it has no reference time at all', () => {
    expect(
      shouldNudge({ prefs: { ...on, weeklyNudgeSince: null }, log: noLog, lastSharedAt: null, shareable: 3, now: NOW }),
    ).toBe(false);
  });
});
