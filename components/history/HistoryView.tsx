import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks';
import { formatDate, formatNumber, plural, t, timeAgo, type MessageKey } from '@/lib/i18n';
import {
  getDb,
  listHistory,
  listHistoryDownTo,
  shareTotals,
  type HistoryCursor,
  type HistoryRow,
  type ShareState,
} from '@/lib/db';
import { networkLabel } from '@/components/network-label';
import './history.css';

/** Rows per page: what one "Show older" adds. */
export const HISTORY_PAGE = 50;

const STATE_WORDS: Record<ShareState, MessageKey> = {
  pending: 'popup.history.pending',
  synced: 'popup.history.synced',
  failed: 'popup.history.failed',
};

const exactTime = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

interface Shown {
  rows: HistoryRow[];
  /** There are older shares than the last row. */
  more: boolean;
}

/**
 * The popup's History tab: every share, newest first, from IndexedDB. The first page is the newest 50;
 * "Show older" reads the next 50 by keyset (below the last row shown, an index range, so page 2,000 costs
 * what page 1 does) and widens the live query down to it. Live: new shares and their sync state appear as
 * the background writes them.
 */
export function HistoryView() {
  const db = getDb();
  const [floor, setFloor] = useState<HistoryCursor | null>(null);
  const [loading, setLoading] = useState(false);
  const [announce, setAnnounce] = useState('');
  const focusId = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const shown = useLiveQuery<Shown>(async () => {
    const rows = floor ? await listHistoryDownTo(db, floor) : await listHistory(db, { limit: HISTORY_PAGE });
    const last = rows.at(-1);
    const more = last ? (await listHistory(db, { limit: 1, before: last })).length > 0 : false;
    return { rows, more };
  }, [floor]);

  // After "Show older", keyboard and screen-reader users land on the first share that was added.
  useEffect(() => {
    const id = focusId.current;
    if (!id || !shown) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    if (el) {
      el.focus();
      focusId.current = null;
    }
  }, [shown]);

  async function showOlder() {
    const last = shown?.rows.at(-1);
    if (!last || loading) return;
    setLoading(true);
    try {
      const page = await listHistory(db, { limit: HISTORY_PAGE, before: last });
      if (page.length === 0) return;
      focusId.current = page[0]!.id;
      setAnnounce(plural('popup.history.olderShown', page.length));
      const end = page.at(-1)!;
      setFloor({ sharedAt: end.sharedAt, id: end.id });
    } finally {
      setLoading(false);
    }
  }

  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading" class="visually-hidden">
        {t('popup.history.heading')}
      </h2>
      <MonthTotals />
      {shown === undefined ? null : shown.rows.length === 0 ? (
        <p class="history-empty">{t('popup.history.empty')}</p>
      ) : (
        <>
          <ol class="history-list" ref={listRef}>
            {shown.rows.map((row) => (
              <HistoryEntry key={row.id} row={row} />
            ))}
          </ol>
          {shown.more ? (
            <button type="button" class="button secondary history-more" onClick={showOlder} disabled={loading}>
              {loading ? t('popup.history.loading') : t('popup.history.showOlder')}
            </button>
          ) : (
            <p class="history-end muted">{t('popup.history.end')}</p>
          )}
        </>
      )}
      <p role="status" class="visually-hidden">
        {announce}
      </p>
    </section>
  );
}

/** "This month: 12 shares · LinkedIn 5 · X 7", from two index counts (no rows read). */
function MonthTotals() {
  const totals = useLiveQuery(() => shareTotals(getDb()));
  if (!totals) return <p class="history-totals">&nbsp;</p>;
  return (
    <p class="history-totals">
      <strong>{t('popup.history.thisMonth')}</strong> {plural('popup.history.shares', totals.total)}
      {totals.total > 0 && (
        <>
          {' '}
          <span class="muted">
            · {networkLabel.linkedin} {formatNumber(totals.linkedin)} · {networkLabel.x} {formatNumber(totals.x)}
          </span>
        </>
      )}
    </p>
  );
}

function HistoryEntry({ row }: { row: HistoryRow }) {
  return (
    <li class="history-entry" data-id={row.id} tabIndex={-1}>
      <div class="history-head">
        <span class="history-title" dir="auto">
          {row.title}
        </span>
        <span class={`history-state state-${row.state}`}>{t(STATE_WORDS[row.state])}</span>
      </div>
      <div class="history-meta muted">
        <span class={`history-network network-${row.network}`}>{networkLabel[row.network]}</span>
        {' · '}
        <time dateTime={row.sharedAt} title={exactTime(row.sharedAt)}>
          {timeAgo(row.sharedAt)}
        </time>
        <span class="visually-hidden"> ({exactTime(row.sharedAt)})</span>
        {row.edited && <> · {t('popup.history.ownWords')}</>}
      </div>
      {row.text && (
        <p class="history-text" dir="auto">
          {row.text}
        </p>
      )}
    </li>
  );
}
