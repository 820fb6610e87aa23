import type { Network } from '../contract/common';

/** GA4 reads utm_source=twitter for X; "x" would land in "(other)". */
export const utmSource: Record<Network, string> = { linkedin: 'linkedin', x: 'twitter' };

/** Used when an item has no campaign, so every tracked click still lands in one named campaign. */
export const DEFAULT_CAMPAIGN = 'relay';

export interface UtmTags {
  network: Network;
  itemId: string;
  campaign?: string | null;
}

/**
 * The item URL as a tracked link redirects to it: the page's own query and fragment kept, the four
 * UTM tags set (replacing any the curator pasted, so attribution is always ours), all values lower-case
 * (GA4 treats "LinkedIn" and "linkedin" as two sources). `medium=social` puts the visit in Organic Social.
 */
export function tagUrl(itemUrl: string, tags: UtmTags): string {
  const url = new URL(itemUrl);
  const params = url.searchParams;
  params.set('utm_source', utmSource[tags.network]);
  params.set('utm_medium', 'social');
  params.set('utm_campaign', (tags.campaign || DEFAULT_CAMPAIGN).toLowerCase());
  params.set('utm_content', tags.itemId.toLowerCase());
  return url.toString();
}
