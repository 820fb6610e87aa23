import '@/lib/zod-setup'; // before anything that creates zod schemas
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SYNC_ALARM, ensureSyncAlarm } from '@/lib/background/alarms';
import { createRelayService } from '@/lib/background/service';
import { getDb } from '@/lib/db';
import { registerHandlers } from '@/lib/messaging/handlers';
import { messenger } from '@/lib/messaging';
import { FLUSH_ALARM } from '@/lib/outbox';

// Wiring only, all registered synchronously so an event that wakes the worker finds its listener.
// The logic lives in lib/background (tested there).
export default defineBackground(() => {
  const service = createRelayService({ db: getDb });

  registerHandlers(messenger, service.handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });

  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncAndFlush();
    // The outbox's backoff ran out: deliver what is due (the rows in IndexedDB are the state).
    if (alarm.name === FLUSH_ALARM) void service.flush();
  });
  // Also on every worker start: cheap and idempotent, and covers a reload in development.
  void ensureSyncAlarm();
  // A worker stopped mid-flush left its shares in the outbox: pick them up (the lease keeps this single).
  void service.flush();
});
