import { useSignal } from '@preact/signals';
import { Notice } from '@/components/Notice';
import { useLiveQuery, useStorageItem } from '@/components/hooks';
import { getDb } from '@/lib/db';
import { plural, t, timeAgo } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { lastSyncItem } from '@/lib/settings';
import { useRequest } from './request';

/** Who is connected to which server, how the last sync went, and the buttons to sync now or disconnect. */
export function AccountSection({ name, serverUrl }: { name: string; serverUrl: string }) {
  const items = useLiveQuery(() => getDb().queue.count());
  const lastSync = useStorageItem(lastSyncItem);
  const { busy, error, send } = useRequest();
  const running = useSignal<'sync' | 'disconnect'>('sync');

  function run(kind: 'sync' | 'disconnect') {
    running.value = kind;
    void send(async () => {
      if (kind === 'disconnect') return sendMessage('disconnect');
      // How the sync went shows in the last sync line.
      await sendMessage('syncNow');
      return { ok: true };
    });
  }
  const working = (kind: 'sync' | 'disconnect') => busy.value && running.value === kind;

  return (
    <section id="account" aria-labelledby="account-heading" class="panel" tabIndex={-1}>
      <h2 id="account-heading">{t('options.account.heading')}</h2>
      <div role="status" class="notice success">
        <p class="connected-as">{t('options.account.connectedAs', { name })}</p>
        {items !== undefined && <p class="items-synced">{plural('options.account.itemsSynced', items)}</p>}
      </div>
      <dl class="facts">
        <dt>{t('options.account.server')}</dt>
        <dd>{serverUrl}</dd>
        <dt>{t('options.account.lastSync')}</dt>
        <dd>
          {!lastSync
            ? t('options.account.notYet')
            : lastSync.ok
              ? t('options.account.succeeded', { when: timeAgo(lastSync.at) })
              : t('options.account.failed', {
                  when: timeAgo(lastSync.at),
                  error: lastSync.error ?? t('options.account.unknownError'),
                })}
        </dd>
      </dl>
      <Notice role="alert" tone="error">
        {error.value}
      </Notice>
      <div class="actions">
        <button type="button" class="button" disabled={busy.value} onClick={() => run('sync')}>
          {working('sync') ? t('options.account.syncing') : t('options.account.syncNow')}
        </button>
        <button type="button" class="button secondary" disabled={busy.value} onClick={() => run('disconnect')}>
          {working('disconnect') ? t('options.account.disconnecting') : t('options.account.disconnect')}
        </button>
      </div>
    </section>
  );
}
