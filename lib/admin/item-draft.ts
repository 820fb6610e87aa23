import type { ContentType, Network } from '../contract/common';
import type { AdminItem, ItemCreate, ItemPatch } from '../contract/items';
import type { Unfurl } from '../contract/unfurl';
import { isoToLocalInput, localInputToIso } from './dates';

/** An item as the editor holds it: strings for inputs, local date-times, topics as typed. */
export interface ItemDraft {
  url: string;
  title: string;
  summary: string;
  imageUrl: string;
  contentType: ContentType;
  /** Comma-separated, as typed. */
  topics: string;
  campaign: string;
  pinned: boolean;
  /** datetime-local values (local time); empty: now / never. */
  publishAt: string;
  expiresAt: string;
  captions: Array<{ key: string; network: Network; language: string; text: string }>;
}

let keys = 0;
export const newCaptionKey = () => `c${++keys}`;

export function emptyDraft(): ItemDraft {
  return {
    url: '',
    title: '',
    summary: '',
    imageUrl: '',
    contentType: 'curated',
    topics: '',
    campaign: '',
    pinned: false,
    publishAt: '',
    expiresAt: '',
    captions: [{ key: newCaptionKey(), network: 'linkedin', language: 'en', text: '' }],
  };
}

/** A new item prefilled from what the page says about itself. */
export function draftFromUnfurl(unfurl: Unfurl): ItemDraft {
  return {
    ...emptyDraft(),
    url: unfurl.url,
    title: unfurl.title ?? '',
    summary: unfurl.description ?? '',
    imageUrl: unfurl.imageUrl ?? '',
  };
}

export function draftFromItem(item: AdminItem): ItemDraft {
  return {
    url: item.url,
    title: item.title,
    summary: item.summary ?? '',
    imageUrl: item.imageUrl ?? '',
    contentType: item.contentType,
    topics: item.topics.join(', '),
    campaign: item.campaign ?? '',
    pinned: item.pinned,
    publishAt: isoToLocalInput(item.publishAt),
    expiresAt: isoToLocalInput(item.expiresAt),
    captions: item.captions.map((c) => ({
      key: newCaptionKey(),
      network: c.network as Network,
      language: c.language,
      text: c.text,
    })),
  };
}

export const splitTopics = (typed: string): string[] => [
  ...new Set(
    typed
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  ),
];

/** The body of POST /v1/admin/items (the server validates it again and names what is wrong). */
export function draftToCreate(d: ItemDraft): ItemCreate {
  const publishAt = localInputToIso(d.publishAt);
  const expiresAt = localInputToIso(d.expiresAt);
  const topics = splitTopics(d.topics);
  return {
    url: d.url.trim(),
    title: d.title.trim(),
    ...(d.summary.trim() ? { summary: d.summary.trim() } : {}),
    ...(d.imageUrl.trim() ? { imageUrl: d.imageUrl.trim() } : {}),
    contentType: d.contentType,
    ...(topics.length ? { topics } : {}),
    ...(d.campaign.trim() ? { campaign: d.campaign.trim() } : {}),
    pinned: d.pinned,
    ...(publishAt ? { publishAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    captions: d.captions.map((c) => ({ network: c.network, language: c.language || 'en', text: c.text })),
  };
}

/** The body of PATCH for an edited item: every field, with null clearing what was emptied. */
export function draftToPatch(d: ItemDraft): ItemPatch {
  const create = draftToCreate(d);
  return {
    ...create,
    summary: create.summary ?? null,
    imageUrl: create.imageUrl ?? null,
    topics: create.topics ?? [],
    campaign: create.campaign ?? null,
    // An emptied publish date keeps the one the item has (the server has no "unpublish" value for it).
    publishAt: create.publishAt ?? undefined,
    expiresAt: create.expiresAt ?? null,
  };
}
