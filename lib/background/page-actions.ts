import { browser } from 'wxt/browser';
import { createApi } from '../api/client';
import { describeError } from '../api/errors';
import { SuggestionCreate } from '../contract/suggestions';
import { t } from '../i18n';
import type { Handlers } from '../messaging/handlers';
import type {
  AudienceUpdate,
  AudienceUpdateResult,
  SuggestPageRequest,
  SuggestPageResult,
} from '../messaging/protocol';
import { audienceItem } from '../settings';
import type { ServiceContext } from './context';

/** "Suggest to the queue": checked against the contract here, so a bad URL gets a sentence, not a 400. */
export async function suggestPage(ctx: ServiceContext, request: SuggestPageRequest): Promise<SuggestPageResult> {
  const parsed = SuggestionCreate.safeParse(request);
  if (!parsed.success) return { ok: false, message: t('errors.suggestWebOnly') };
  const connection = await ctx.getConnection();
  if (!connection) return { ok: false, message: t('errors.suggestNotConnected') };
  try {
    const { alreadySuggested } = await createApi({ ...connection, fetch: ctx.fetch }).suggest(parsed.data);
    return { ok: true, alreadySuggested };
  } catch (err) {
    return { ok: false, message: describeError(err) };
  }
}

/** The options page's audience sizes: stored first (they are the person's, whatever the server says), then sent. */
export async function updateAudience(ctx: ServiceContext, update: AudienceUpdate): Promise<AudienceUpdateResult> {
  await audienceItem.setValue(update);
  const connection = await ctx.getConnection();
  if (!connection) return { ok: true, sent: false, message: t('errors.audienceLocal') };
  try {
    await createApi({ ...connection, fetch: ctx.fetch }).updateMe({ audience: update });
    return { ok: true, sent: true };
  } catch (err) {
    return { ok: true, sent: false, message: t('errors.audienceNotSent', { error: describeError(err) }) };
  }
}

/**
 * The in-page panel's "Open Relay": the toolbar popup where the browser allows it (Chrome 127+ with the
 * window focused), else the popup page in a tab next to the one the person is on (Firefox only opens a popup
 * on a user gesture, which a message from a content script does not carry).
 */
export async function openRelay(sender: Parameters<Handlers['openRelay']>[1]): Promise<{ ok: true }> {
  const tab = sender.tab;
  try {
    const action = (browser.action ??
      (browser as unknown as { browserAction: typeof browser.action }).browserAction) as {
      openPopup?: (options?: { windowId?: number }) => Promise<void>;
    };
    if (action.openPopup) {
      await action.openPopup(tab?.windowId === undefined ? undefined : { windowId: tab.windowId });
      return { ok: true };
    }
  } catch {
    // Not allowed here and now: the tab below.
  }
  await browser.tabs.create({
    url: browser.runtime.getURL('/popup.html'),
    ...(tab?.id === undefined ? {} : { openerTabId: tab.id, index: tab.index + 1, windowId: tab.windowId }),
  });
  return { ok: true };
}
