import type { AdminApi } from '@/lib/api/admin';
import type { AdminItem } from '@/lib/contract/items';
import type { Taxonomy } from '@/lib/contract/taxonomy';
import type { PolicyRules } from '@/lib/policy';
import { useLoad } from './use-load';

/** What the item editor offers as choices and checks a draft against. */
export interface ItemChoices {
  policy: PolicyRules | null;
  topics: string[];
  campaigns: string[];
  /** The managed lists; entries outside them are pointed out (not refused: a list may lag behind). */
  managed?: Taxonomy;
}

/** The managed lists first, then what items already use: offered as choices so items use the same words. */
export function knownLists(items: readonly AdminItem[], managed?: Taxonomy) {
  const topics = new Set<string>(managed?.topics);
  const campaigns = new Set<string>(managed?.campaigns);
  for (const i of items) {
    i.topics.forEach((topic) => topics.add(topic));
    if (i.campaign) campaigns.add(i.campaign);
  }
  return { topics: [...topics].sort(), campaigns: [...campaigns].sort() };
}

/** Loads the policy and the managed lists, and offers them with the topics and campaigns `items` use. */
export function useItemChoices(api: AdminApi, items: readonly AdminItem[]) {
  const policy = useLoad(() => api.policy(), [api]);
  const taxonomy = useLoad(() => api.taxonomy(), [api]);
  const choices: ItemChoices = {
    policy: policy.data ?? null,
    ...knownLists(items, taxonomy.data),
    managed: taxonomy.data,
  };
  return { policy, taxonomy, choices };
}
