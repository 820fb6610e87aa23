import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApi } from '@/lib/api/client';
import { describeError } from '@/lib/api/errors';
import { getDb } from '@/lib/db';
import { getConnection } from '@/lib/settings';
import { buildExport, exportFileName, SECRET_SETTINGS } from './export';

/** Every setting Relay keeps in extension storage, read raw (the export leaves out SECRET_SETTINGS). */
async function readSettings(): Promise<Record<string, unknown>> {
  const all = await browser.storage.local.get(null);
  for (const key of SECRET_SETTINGS) delete all[key];
  return all;
}

/** "What Relay records about you", in plain words, and the export of all of it. */
export function PrivacySection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function exportData() {
    setBusy(true);
    setStatus('Preparing your data…');
    try {
      const db = getDb();
      const [settings, history, outbox, connection] = await Promise.all([
        readSettings(),
        db.history.orderBy('sharedAt').reverse().toArray(),
        db.outbox.toArray(),
        getConnection(),
      ]);
      let server: Parameters<typeof buildExport>[0]['server'];
      if (!connection) server = { ok: false, reason: 'Relay is not connected to a server, so only what this browser keeps is included.' };
      else {
        try {
          server = { ok: true, data: await createApi(connection).exportMyData() };
        } catch (err) {
          server = { ok: false, reason: `The server's part could not be fetched: ${describeError(err)}` };
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
          ? `Downloaded ${a.download}: ${history.length} shares from this browser and everything the server records.`
          : `Downloaded ${a.download} with what this browser keeps (${history.length} shares). The server's part is missing. ${doc.serverMissing}`,
      );
    } catch (err) {
      setStatus(`The export failed: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="privacy" aria-labelledby="privacy-heading" class="panel" tabIndex={-1}>
      <h2 id="privacy-heading">What Relay records about you</h2>
      <h3>In this browser</h3>
      <ul class="plain-list">
        <li>The address of your company’s Relay server and a sign-in token (the token is only ever sent to that server, and is left out of the export).</li>
        <li>Your name and role, as your organisers entered them.</li>
        <li>Your settings on this page: display name, opening lines and signatures, caption language, topics, audience sizes and reminder choices.</li>
        <li>A copy of the curated queue, so Relay works offline.</li>
        <li>
          Every share you make with Relay: the item’s title, the network, the time, whether you changed the caption, the caption as sent
          when Relay knows it, and whether the server has it yet.
        </li>
        <li>Shares still waiting to be sent to the server.</li>
        <li>Your latest reach figures, when you last opened Relay and when a reminder last went out.</li>
      </ul>
      <h3>On your company’s server</h3>
      <ul class="plain-list">
        <li>Your name, role, when you were invited and first connected, and your audience sizes.</li>
        <li>One entry per sign-in (the token itself only as a one-way hash).</li>
        <li>Each share: which item, which network, when, and whether you changed the caption — not the caption’s text.</li>
        <li>Your personal tracked links, and how many times each was clicked per day. Not who clicked.</li>
        <li>Pages you suggested to the queue.</li>
      </ul>
      <h3>Never</h3>
      <p>
        Relay does not read your feed, your messages or your browsing. On LinkedIn and X it only looks for the post box, to offer
        captions, and notes that you posted when you used one of them.
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={exportData} disabled={busy} aria-describedby="export-status">
          {busy ? 'Exporting…' : 'Export my data (JSON)'}
        </button>
      </div>
      <p id="export-status" role="status" class="save-status">
        {status}
      </p>
    </section>
  );
}
