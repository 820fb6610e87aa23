import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApi } from '@/lib/api/client';
import { describeError } from '@/lib/api/errors';
import { getDb } from '@/lib/db';
import { plural, t, type MessageKey } from '@/lib/i18n';
import { getConnection } from '@/lib/settings';
import { buildExport, exportFileName, SECRET_SETTINGS } from './export';

/** Every setting Relay keeps in extension storage, read raw (the export leaves out SECRET_SETTINGS). */
async function readSettings(): Promise<Record<string, unknown>> {
  const all = await browser.storage.local.get(null);
  for (const key of SECRET_SETTINGS) delete all[key];
  return all;
}

/** The settings page's list, in the order PRIVACY.md gives the same lines (privacy-policy.test.ts keeps them together). */
export const IN_BROWSER: readonly MessageKey[] = [
  'options.privacy.browserServer',
  'options.privacy.browserName',
  'options.privacy.browserSettings',
  'options.privacy.browserQueue',
  'options.privacy.browserShares',
  'options.privacy.browserWaiting',
  'options.privacy.browserReach',
];
export const ON_SERVER: readonly MessageKey[] = [
  'options.privacy.serverPerson',
  'store.privacy.serverIdentity',
  'options.privacy.serverSignIns',
  'store.privacy.serverSessions',
  'options.privacy.serverShares',
  'options.privacy.serverLinks',
  'options.privacy.serverSuggestions',
];
const LISTS: ReadonlyArray<[MessageKey, readonly MessageKey[]]> = [
  ['options.privacy.inBrowser', IN_BROWSER],
  ['options.privacy.onServer', ON_SERVER],
];

/** "What Relay records about you", in plain words, and the export of all of it. */
export function PrivacySection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function exportData() {
    setBusy(true);
    setStatus(t('options.privacy.preparing'));
    try {
      const db = getDb();
      const [settings, history, outbox, connection] = await Promise.all([
        readSettings(),
        db.history.orderBy('sharedAt').reverse().toArray(),
        db.outbox.toArray(),
        getConnection(),
      ]);
      let server: Parameters<typeof buildExport>[0]['server'];
      if (!connection) server = { ok: false, reason: t('options.privacy.notConnected') };
      else {
        try {
          server = { ok: true, data: await createApi(connection).exportMyData() };
        } catch (err) {
          server = { ok: false, reason: t('options.privacy.serverFailed', { error: describeError(err) }) };
        }
      }
      const now = Date.now();
      const doc = buildExport({ settings, history, outbox, server, now });
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(now);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(
        server.ok
          ? plural('options.privacy.downloaded', history.length, { file: a.download })
          : plural('options.privacy.downloadedLocal', history.length, {
              file: a.download,
              reason: doc.serverMissing ?? '',
            }),
      );
    } catch (err) {
      setStatus(t('options.privacy.failed', { error: describeError(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="privacy" aria-labelledby="privacy-heading" class="panel" tabIndex={-1}>
      <h2 id="privacy-heading">{t('options.privacy.heading')}</h2>
      {LISTS.map(([heading, lines]) => (
        <Fragment key={heading}>
          <h3>{t(heading)}</h3>
          <ul class="plain-list">
            {lines.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </Fragment>
      ))}
      <h3>{t('options.privacy.never')}</h3>
      <p>{t('options.privacy.neverText')}</p>
      {/* The policy ships inside the extension (modules/privacy-page/), so the link works without a web site. */}
      <p>
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">
          {t('store.privacy.policy')}
        </a>
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={exportData} disabled={busy} aria-describedby="export-status">
          {busy ? t('options.privacy.exporting') : t('options.privacy.export')}
        </button>
      </div>
      <p id="export-status" role="status" class="save-status">
        {status}
      </p>
    </section>
  );
}
