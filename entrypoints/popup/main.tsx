import { render } from 'preact';
import '@/components/base.css';
import './popup.css';
import { App } from './App';
import { sendMessage } from '@/lib/messaging';
import { popupOpenedAtItem } from '@/lib/settings';
import { getDb } from '@/lib/db';

// Someone is looking: sync the queue and deliver waiting shares now, whatever the outbox's backoff. The
// list shows the cache at once and updates when the sync lands.
sendMessage('syncNow').catch(() => undefined);

// Open IndexedDB now, alongside the storage reads below, rather than after them on the first query.
getDb()
  .open()
  .catch(() => undefined);

async function start() {
  // Which items are "new" is decided against the previous open, so it is read first; only then is this
  // open recorded (the background clears the badge's new-items mark from it).
  const previousOpen = await popupOpenedAtItem.getValue().catch(() => null);
  render(<App previousOpen={previousOpen} />, document.getElementById('app')!);
  await popupOpenedAtItem.setValue(new Date().toISOString()).catch(() => undefined);
}
void start();
