import { personalise } from '../captions/personalise';
import { rankCaptions } from '../captions/rank';
import type { Network } from '../contract/common';
import { listQueue, sharedItemIds } from '../db';
import type { Suggestion, SuggestionsResult } from '../messaging/protocol';
import { preparePost } from '../policy/prepare';
import { employeeItem, personalTouchesItem, preferredLanguageItem, topicsItem } from '../settings';
import type { ServiceContext } from './context';
import { readPolicy } from './policy';

/** Most suggestions one answer carries: a panel shows a handful; this bounds the message. */
export const MAX_SUGGESTIONS = 50;

/** The captions the in-page panel offers for `network`: ranked, personalised, and with the policy applied. */
export async function getSuggestions(
  ctx: ServiceContext,
  { network }: { network: Network },
): Promise<SuggestionsResult> {
  const db = ctx.db();
  const [connection, employee, language, topics, touches, policy, items] = await Promise.all([
    ctx.getConnection(),
    employeeItem.getValue(),
    preferredLanguageItem.getValue(),
    topicsItem.getValue(),
    personalTouchesItem.getValue(),
    readPolicy(),
    listQueue(db, ctx.now()),
  ]);
  const shared = await sharedItemIds(
    db,
    network,
    items.map((i) => i.id),
  );
  const ranked = rankCaptions(items, network, {
    employeeId: employee?.id ?? '',
    language,
    topics,
    shared,
    now: ctx.now(),
  });
  // The policy is applied here, where the content scripts get their text: what they insert is already
  // disclosed, and a caption with a banned term never reaches a page.
  const suggestions: Suggestion[] = [];
  let withheld = 0;
  // Stops once the answer is full: checking the whole cache would cost time nobody sees.
  for (const { item, caption, shared: done } of ranked) {
    if (suggestions.length === MAX_SUGGESTIONS) break;
    const link = item.links[network];
    const personal = personalise(caption.text, touches[network]);
    const post = preparePost(personal, link, policy, network);
    if (post.banned.length > 0) {
      withheld += 1;
      continue;
    }
    suggestions.push({
      itemId: item.id,
      captionId: caption.id,
      network,
      title: item.title,
      text: post.caption,
      link,
      ...(post.disclosureAdded ? { disclosure: { added: post.disclosureAdded, without: personal } } : {}),
      language: caption.language,
      pinned: item.pinned,
      shared: done,
    });
  }
  return { connected: connection !== null, suggestions, ...(withheld ? { withheld } : {}) };
}
