import '@/lib/zod-setup'; // before anything that creates zod schemas
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SYNC_ALARM, ensureSyncAlarm } from '@/lib/background/alarms';
import { createRelayService } from '@/lib/background/service';
import { getDb } from '@/lib/db';
import { registerHandlers } from '@/lib/messaging/handlers';
import { messenger } from '@/lib/messaging';

// Wiring only, all registered synchronously so an event that wakes the worker finds its listener.
// The logic lives in lib/background (tested there).
export default defineBackground(() => {
  const service = createRelayService({ db: getDb });

  registerHandlers(messenger, service.handlers, browser.runtime.id);

  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.sync();
  });
  // Also on every worker start: cheap and idempotent, and covers a reload in development.
  void ensureSyncAlarm();
});
