import { browser } from 'wxt/browser';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardContext } from '@/components/ItemCard';
import { Notice } from '@/components/Notice';
import { QueueView } from '@/components/queue/QueueView';
import { SharePage, type PageTab } from '@/components/share/SharePage';
import { useOnline, useStorageItem } from '@/components/hooks';
import type { QueueRow } from '@/lib/db';
import type { QueueHead } from '@/lib/db/head';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { policyInForce } from '@/lib/policy/in-force';
import {
  EMPTY_TOUCHES,
  employeeItem,
  lastSyncItem,
  personalTouchesItem,
  policyCacheItem,
  preferredLanguageItem,
  sessionEndedItem,
  topicsItem,
} from '@/lib/settings';
import { bannerText } from './banner';
import { firstFrameOnScreen } from './on-screen';
import { HistorySlot, ReachSlot } from './slots';
import { Tabs } from './Tabs';

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** The settings page, at its sign-in form (it scrolls there and puts focus on it). */
function openSignIn() {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sign-in') });
  window.close();
}

const tabs = () => [
  { key: 'queue' as const, label: t('popup.tabs.queue') },
  { key: 'history' as const, label: t('popup.tabs.history') },
];

/**
 * The whole cached queue, kept up to date, from the moment the first view has been painted: Dexie and the
 * read of every row (which grows with the queue) come after it. `undefined` until the first result.
 */
function useWholeQueue(): QueueRow[] | undefined {
  const [rows, setRows] = useState<QueueRow[] | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    let stop = () => {};
    void firstFrameOnScreen
      .then(() => import('./queue-live'))
      .then(({ watchQueue }) => {
        if (!stopped) stop = watchQueue((next) => setRows(() => next));
      });
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return rows;
}

/**
 * `head`: the first screenful of the queue and its topics, read before the first render (boot.ts), shown
 * until the whole list arrives; null when it could not be read that way.
 */
export function App({
  previousOpen,
  head,
  activeTab,
}: {
  previousOpen: string | null;
  head: QueueHead | null;
  activeTab: PageTab | null;
}) {
  const employee = useStorageItem(employeeItem);
  const lastSync = useStorageItem(lastSyncItem);
  const sessionEnded = useStorageItem(sessionEndedItem);
  const touches = useStorageItem(personalTouchesItem);
  const language = useStorageItem(preferredLanguageItem);
  const topics = useStorageItem(topicsItem);
  const policyCache = useStorageItem(policyCacheItem);
  const items = useWholeQueue();
  const online = useOnline();

  const ctx = useMemo<CardContext | null>(
    () =>
      // Not before the policy is read: a card must never offer Share for a caption the policy forbids.
      employee && touches !== undefined && language !== undefined && policyCache !== undefined
        ? {
            employeeId: employee.id,
            language,
            touches: touches ?? EMPTY_TOUCHES,
            now: Date.now(),
            policy: policyInForce(policyCache),
            record: (item, network, share) =>
              sendMessage('recordPopupShare', {
                itemId: item.id,
                network,
                edited: share.edited,
                text: share.text,
                ...(share.captionId ? { captionId: share.captionId } : {}),
              }),
          }
        : null,
    [employee, touches, language, policyCache],
  );

  const list = items ?? head?.rows;
  const loading = employee === undefined || list === undefined || topics === undefined || (employee && !ctx);
  if (loading) return <main class="popup" aria-busy="true" />;

  if (!employee || !ctx) {
    return (
      <main class="popup">
        <Header admin={false} />
        <div class="empty">
          <p>{t('popup.notConnected')}</p>
          <button type="button" class="button" onClick={openOptions}>
            {t('popup.openSettingsToConnect')}
          </button>
        </div>
      </main>
    );
  }

  const banner = bannerText(lastSync, online);
  return (
    <main class="popup">
      <Header admin={employee.role === 'admin'} />
      <p role="status" class={banner ? 'banner' : 'banner empty-banner'} title={lastSync?.error}>
        {banner}
      </p>
      {sessionEnded && (
        <Notice role="alert" tone="error" class="signed-out">
          <p>{t('signin.ended.popup', { name: employee.name })}</p>
          <button type="button" class="button secondary" onClick={openSignIn}>
            {t('signin.signInAgain')}
          </button>
        </Notice>
      )}
      <Tabs
        label={t('popup.tabs.label')}
        tabs={tabs()}
        render={(key) =>
          key === 'queue' ? (
            <>
              <ReachSlot />
              {activeTab && <SharePage tab={activeTab} items={items ?? []} ctx={ctx} />}
              <h2 class="visually-hidden">{t('popup.yourQueue')}</h2>
              <QueueView
                items={list!}
                complete={items !== undefined}
                headTopics={head?.allTopics ?? []}
                chosenTopics={topics ?? []}
                previousOpen={previousOpen}
                ctx={ctx}
              />
            </>
          ) : (
            <HistorySlot />
          )
        }
      />
    </main>
  );
}

function Header({ admin }: { admin: boolean }) {
  return (
    <header class="popup-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>Relay</h1>
      {admin && (
        <a class="link-button" href="/admin.html" target="_blank" rel="noopener">
          {t('popup.header.console')}
        </a>
      )}
      <button type="button" class="link-button" onClick={openOptions}>
        {t('popup.header.settings')}
      </button>
    </header>
  );
}
