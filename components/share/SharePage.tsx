import './share-page.css';
import { useState } from 'preact/hooks';
import type { CardContext } from '../ItemCard';
import { NetworkShare, ShareStatusLine } from './NetworkShare';
import type { ShareStatus } from './use-share-draft';
import { sourceDomain } from '../queue/when';
import type { Network, QueueItem } from '@/lib/contract';
import { comparablePageUrl, tagPageUrl } from '@/lib/links/share-urls';
import { sendMessage } from '@/lib/messaging';
import { t } from '@/lib/i18n';

/** The web page in the current tab, read by the page that shows this section. */
export interface PageTab {
  url: string;
  title: string;
}

const networks: Network[] = ['linkedin', 'x'];

/**
 * "Share this page": the page in the current tab (an http(s) page), with an empty caption editor per network
 * and the same share buttons, and "Suggest to the queue".
 */
export function SharePage({ tab, items, ctx }: { tab: PageTab; items: QueueItem[]; ctx: CardContext }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<ShareStatus>(null);
  const [sending, setSending] = useState(false);

  // The page may be an item of the queue: then its tracked links count the clicks and the share is
  // recorded like any other.
  const key = comparablePageUrl(tab.url);
  const item = items.find((i) => comparablePageUrl(i.url) === key) ?? null;

  async function suggest() {
    setSending(true);
    setStatus(null);
    try {
      const result = await sendMessage('suggestPage', { url: tab.url, ...(note.trim() ? { note: note.trim() } : {}) });
      setStatus(
        result.ok
          ? {
              tone: 'ok',
              text: t(result.alreadySuggested ? 'popup.page.already' : 'popup.page.sent'),
            }
          : { tone: 'error', text: t('popup.page.notSent', { message: result.message }) },
      );
      if (result.ok) setNote('');
    } catch (err) {
      setStatus({
        tone: 'error',
        text: t('popup.page.notSent', { message: err instanceof Error ? err.message : String(err) }),
      });
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="share-page" aria-labelledby="share-page-h">
      <h2 id="share-page-h" class="share-page-heading">
        <button
          type="button"
          class="share-page-toggle"
          aria-expanded={open}
          aria-controls="share-page-body"
          onClick={() => setOpen(!open)}
        >
          {t('popup.page.title')}
        </button>
      </h2>
      <div id="share-page-body" hidden={!open}>
        <p class="share-page-title" dir="auto">
          {tab.title || tab.url} <span class="domain">{sourceDomain(tab.url)}</span>
        </p>
        {item && <p class="muted">{t('popup.page.inQueue')}</p>}
        {open &&
          networks.map((network) => (
            <NetworkShare
              key={network}
              network={network}
              variants={[]}
              touch={ctx.touches[network]}
              link={item ? item.links[network] : tagPageUrl(tab.url, network)}
              policy={ctx.policy}
              idBase="this-page"
              // A page outside the queue is not recorded: the backend counts shares per item, and this
              // page has none (nothing goes to the history or the outbox).
              {...(item ? { record: (share) => ctx.record(item, network, share) } : {})}
            />
          ))}
        <div class="field suggest">
          <label for="suggest-note">{t('popup.page.note')}</label>
          <textarea
            id="suggest-note"
            rows={2}
            maxLength={1000}
            dir="auto"
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="button" class="button secondary" disabled={sending} onClick={() => void suggest()}>
            {t('popup.page.suggest')}
          </button>
        </div>
        <ShareStatusLine status={status} />
      </div>
    </section>
  );
}
