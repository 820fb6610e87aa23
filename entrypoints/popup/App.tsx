import { browser } from 'wxt/browser';
import { ItemCard } from '@/components/ItemCard';
import { Notice } from '@/components/Notice';
import { timeAgo, useLiveQuery, useStorageItem } from '@/components/hooks';
import { getDb, listQueue } from '@/lib/db';
import { employeeItem, lastSyncItem, type LastSync } from '@/lib/settings';

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** One quiet line about freshness; the list itself always comes from the cache. */
function syncLine(lastSync: LastSync | null | undefined, online: boolean): string {
  if (!online) return 'Offline. Showing saved items.';
  if (!lastSync) return 'Syncing…';
  if (lastSync.ok) return `Updated ${timeAgo(lastSync.at)}`;
  switch (lastSync.reason) {
    case 'unreachable':
      return "Can't reach the server. Showing saved items.";
    case 'signed-out':
      return 'Signed out by the server.';
    case 'invalid-response':
      return "The server's answer was not understood. Showing saved items.";
    default:
      return 'The server had a problem. Showing saved items.';
  }
}

export function App() {
  const employee = useStorageItem(employeeItem);
  const lastSync = useStorageItem(lastSyncItem);
  const items = useLiveQuery(() => listQueue(getDb()));

  if (employee === undefined || items === undefined) return <main class="popup" aria-busy="true" />;

  if (!employee) {
    return (
      <main class="popup">
        <Header />
        <div class="empty">
          <p>Relay is not connected to your company's server yet.</p>
          <button type="button" class="button" onClick={openOptions}>
            Open settings to connect
          </button>
        </div>
      </main>
    );
  }

  const signedOut = lastSync?.reason === 'signed-out';
  return (
    <main class="popup">
      <Header />
      <p role="status" class="sync-line muted" title={lastSync?.error}>
        {syncLine(lastSync, navigator.onLine)}
      </p>
      {signedOut && (
        <Notice role="alert" tone="error" class="signed-out">
          <p>The server signed you out. Connect again with a new invite code.</p>
          <button type="button" class="button secondary" onClick={openOptions}>
            Open settings
          </button>
        </Notice>
      )}
      <h2 class="visually-hidden">Your queue</h2>
      {items.length === 0 ? (
        <p class="empty">Nothing to share yet. New items appear here when your organisers add them.</p>
      ) : (
        <ul class="queue" aria-label="Your queue">
          {items.map((item) => (
            <li key={item.id}>
              <ItemCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function Header() {
  return (
    <header class="popup-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>Relay</h1>
      <button type="button" class="link-button" onClick={openOptions}>
        Settings
      </button>
    </header>
  );
}
