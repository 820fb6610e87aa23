// First: the storage read of the first view (boot.ts) starts before the rest of the popup's code is evaluated.
import { firstView, type FirstView } from './boot';
import { render } from 'preact';
import '@/components/base.css';
import './popup.css';
import { App } from './App';
import { primeStorage } from '@/components/hooks';
import { sendMessage } from '@/lib/messaging';
import { popupOpenedAtItem } from '@/lib/settings';
import { firstFrameOnScreen } from './on-screen';
import { ensureCatalogue, uiLocale } from '@/lib/i18n';

const NOTHING_READ: FirstView = { settings: [], previousOpen: null, head: null, activeTab: null };

async function start() {
  const [first] = await Promise.all([
    firstView.catch((err: unknown) => {
      console.error('[relay] first read failed', err);
      return NOTHING_READ;
    }),
    ensureCatalogue(),
  ]);
  primeStorage(first.settings);
  // The page speaks the catalogue's language (popup.html says English until now).
  document.documentElement.lang = uiLocale();
  // Which items are "new" is decided against the previous open (read above); only after this open has
  // been painted is it recorded (the background clears the badge's new-items mark from it).
  render(
    <App previousOpen={first.previousOpen} head={first.head} activeTab={first.activeTab} />,
    document.getElementById('app')!,
  );
  performance.mark('relay:rendered');
  void firstFrameOnScreen.then(() => {
    // Someone is looking: sync the queue and deliver waiting shares now, whatever the outbox's backoff.
    // Asked once the cached queue is on screen, so that waking the background worker does not compete
    // with the first paint; the list updates when the sync lands.
    sendMessage('syncNow').catch(() => undefined);
    void popupOpenedAtItem.setValue(new Date().toISOString()).catch(() => undefined);
  });
}
void start();
