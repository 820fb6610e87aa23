import { t } from '../i18n';
import type { PopupShare, RecordShareResult, ShareReport } from '../messaging/protocol';
import { recordShare, type NewShare } from '../outbox';
import { employeeItem } from '../settings';
import type { ServiceContext } from './context';

/** A reported share time must fall in [now - this, now + SHARE_MAX_AHEAD_MS]: it was made moments ago. */
export const SHARE_MAX_AGE_MS = 24 * 60 * 60_000;
export const SHARE_MAX_AHEAD_MS = 5 * 60_000;

/**
 * A content script says the person posted with a Relay caption. The payload's shape was checked by the
 * guard; here what needs state: the item must be one Relay knows (cached, or in the history), the time
 * must be now-ish. Stored in history + outbox, then delivery is attempted at once.
 */
export async function recordReportedShare(ctx: ServiceContext, report: ShareReport): Promise<RecordShareResult> {
  const db = ctx.db();
  const at = Date.parse(report.sharedAt);
  const current = ctx.now();
  if (!(at >= current - SHARE_MAX_AGE_MS && at <= current + SHARE_MAX_AHEAD_MS)) {
    return { ok: false, message: t('errors.shareTime') };
  }
  const cached = await db.queue.get(report.itemId);
  const earlier = cached ? undefined : await db.history.where('itemId').equals(report.itemId).first();
  if (!cached && !earlier) return { ok: false, message: t('errors.unknownItem') };
  // A caption the curator replaced since it was inserted: keep the share, drop the stale reference.
  const captionKnown = cached
    ? cached.captions.some((c) => c.id === report.captionId && c.network === report.network)
    : true;
  const id = await record(
    ctx,
    report,
    captionKnown,
    { sharedAt: report.sharedAt, title: cached?.title ?? earlier!.title },
    current,
  );
  void ctx.flush().catch(() => undefined);
  return { ok: true, id };
}

/**
 * The popup opened a network's share page for a queue item. Unlike a content script's report, the time
 * is ours (now) and the text as sent is stored with the history row. The item must be cached: the popup
 * only offers items from the cache. Stored in history + outbox, then delivered at once.
 */
export async function recordPopupShare(ctx: ServiceContext, share: PopupShare): Promise<RecordShareResult> {
  const item = await ctx.db().queue.get(share.itemId);
  if (!item) return { ok: false, message: t('errors.itemGone') };
  const captionKnown = item.captions.some((c) => c.id === share.captionId && c.network === share.network);
  const current = ctx.now();
  const id = await record(
    ctx,
    share,
    captionKnown,
    { sharedAt: new Date(current).toISOString(), title: item.title, text: share.text },
    current,
  );
  void ctx.flush(true).catch(() => undefined);
  return { ok: true, id };
}

/** Records a checked share under the signed-in employee, keeping its caption only when the item still has it. */
async function record(
  ctx: ServiceContext,
  share: Pick<ShareReport, 'itemId' | 'network' | 'captionId' | 'edited'>,
  captionKnown: boolean,
  rest: Pick<NewShare, 'sharedAt' | 'title' | 'text'>,
  now: number,
): Promise<string> {
  const employee = await employeeItem.getValue();
  return recordShare(
    ctx.db(),
    {
      itemId: share.itemId,
      network: share.network,
      ...(share.captionId && captionKnown ? { captionId: share.captionId } : {}),
      edited: share.edited,
      ...rest,
      ...(employee ? { employeeId: employee.id } : {}),
    },
    now,
  );
}
