import type { Network } from '../contract/common';
import { insertionText } from '../captions/insertion';
import { utmSource } from './utm';

/*
 * The networks' own share pages, prefilled. Pure string work: the popup opens the result in a new tab.
 * Text is encoded with encodeURIComponent (UTF-8, space as %20, newline as %0A), so "&", "#", "+" and
 * non-Latin scripts arrive as typed; `+` in particular must not be left raw (it would read as a space).
 */

export const X_INTENT = 'https://x.com/intent/post';
export const LINKEDIN_FEED = 'https://www.linkedin.com/feed/';
export const LINKEDIN_OFFSITE = 'https://www.linkedin.com/sharing/share-offsite/';

/**
 * Longest LinkedIn share URL Relay opens with the text in it. Browsers take far longer URLs, but the
 * servers in front of LinkedIn commonly refuse a request line past 8 KB (HTTP 414); 6,000 characters
 * leaves headroom for cookies and the other headers. A full 3,000-character caption in Cyrillic or CJK
 * encodes to 18,000–27,000 characters, so long non-Latin captions take the fallback; that page shares the
 * link only, and the popup copies the caption to the clipboard so the person can paste it.
 */
export const LINKEDIN_MAX_URL = 6000;

export interface ShareTarget {
  /** The page to open. */
  url: string;
  /** True when the text did not fit and only the link is prefilled (LinkedIn's share-offsite page). */
  linkOnly: boolean;
  /** The exact text the share page was given (caption, then link), or what it would have been. */
  text: string;
}

/** The post as Relay prefills it: caption, then the tracked link exactly as the queue gave it. */
export function postText(caption: string, link: string): string {
  return insertionText(caption, link);
}

export function xShareUrl(caption: string, link: string): ShareTarget {
  const text = postText(caption, link);
  return { url: `${X_INTENT}?text=${encodeURIComponent(text)}`, linkOnly: false, text };
}

export function linkedinShareUrl(caption: string, link: string, maxLength = LINKEDIN_MAX_URL): ShareTarget {
  const text = postText(caption, link);
  const full = `${LINKEDIN_FEED}?shareActive=true&text=${encodeURIComponent(text)}`;
  if (full.length <= maxLength) return { url: full, linkOnly: false, text };
  return { url: `${LINKEDIN_OFFSITE}?url=${encodeURIComponent(link.trim())}`, linkOnly: true, text };
}

export function shareUrl(network: Network, caption: string, link: string): ShareTarget {
  return network === 'x' ? xShareUrl(caption, link) : linkedinShareUrl(caption, link);
}

/** utm_campaign for pages shared from "Share this page" (not a curated item, so no item campaign). */
export const PAGE_SHARE_CAMPAIGN = 'employee-share';

/**
 * Any web page the person shares from the popup, tagged so the site's analytics files the visit under
 * Organic Social: utm_source per network, utm_medium=social, one fixed campaign. No personal data (no
 * employee name or id) goes into the tags: the URL is public once posted. The page's own query and
 * fragment are kept.
 */
export function tagPageUrl(pageUrl: string, network: Network): string {
  const url = new URL(pageUrl);
  url.searchParams.set('utm_source', utmSource[network]);
  url.searchParams.set('utm_medium', 'social');
  url.searchParams.set('utm_campaign', PAGE_SHARE_CAMPAIGN);
  return url.toString();
}

/** Whether "Share this page" applies: only http(s) pages (not the browser's own or the extension's). */
export function isShareablePage(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

/**
 * A page URL in a form two visits of the same page share: no fragment, no utm_* tags, no trailing slash,
 * lower-case host. Used to tell whether the current tab is an item already in the queue.
 */
export function comparablePageUrl(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    url.hash = '';
    for (const key of [...url.searchParams.keys()])
      if (key.toLowerCase().startsWith('utm_')) url.searchParams.delete(key);
    return url.toString().replace(/\/(?=$|\?)/, '');
  } catch {
    return pageUrl;
  }
}
