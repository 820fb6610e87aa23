import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'sync-queue';
export const SYNC_PERIOD_MINUTES = 15;

/**
 * Make sure the periodic sync alarm exists, once. Alarms survive the worker being stopped (timers do
 * not), and re-creating an existing alarm would push its next run back, so only create when missing.
 */
export async function ensureSyncAlarm(alarms = browser.alarms): Promise<void> {
  const existing = await alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === SYNC_PERIOD_MINUTES) return;
  await alarms.create(SYNC_ALARM, { delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES });
}
