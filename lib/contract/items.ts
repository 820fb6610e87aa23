import { z } from 'zod';
import { ContentType, HttpUrl, Id, Language, Network, Timestamp } from './common';

export const CaptionInput = z.object({
  network: Network,
  text: z.string().trim().min(1, 'must not be empty').max(3000),
  language: Language.default('en'),
});
export type CaptionInput = z.input<typeof CaptionInput>;

export const Caption = z.object({
  id: Id,
  network: Network,
  text: z.string(),
  language: z.string(),
});
export type Caption = z.infer<typeof Caption>;

const Topic = z.string().trim().toLowerCase().min(1).max(40);
const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-_]{0,79}$/, 'must be a slug: lower-case letters, digits, "-" or "_"');

const hasControlCharacter = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/**
 * An item's address as stored and redirected to: the WHATWG-normalised form (`new URL(x).href`), so what
 * the links lead to is exactly what browsers would open. Control characters anywhere (which browsers drop
 * silently, hiding what the address really is) and schemes other than http(s) are refused.
 */
export const ItemUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => !hasControlCharacter(s), {
    message: 'must not contain control characters (tabs, line breaks…)',
    abort: true,
  })
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    message: 'must be a web address starting with http:// or https://',
    abort: true,
  })
  .transform((s) => new URL(s).href)
  .pipe(z.string().max(2048, 'is too long once normalised'));

/** The fields of an item as a curator sends them (shared with SuggestionAccept). */
export const itemInputFields = {
  url: ItemUrl,
  title: z.string().trim().min(1, 'must not be empty').max(300),
  summary: z.string().trim().max(2000).optional(),
  imageUrl: ItemUrl.optional(),
  topics: z.array(Topic).max(20).optional(),
  contentType: ContentType.optional(),
  campaign: Slug.optional(),
  pinned: z.boolean().optional(),
  publishAt: Timestamp.optional(),
  expiresAt: Timestamp.optional(),
  captions: z.array(CaptionInput).min(1, 'an item needs at least one suggested caption').max(50),
};

export const datesInOrder = (v: { publishAt?: string | null; expiresAt?: string | null }) =>
  !v.publishAt || !v.expiresAt || Date.parse(v.publishAt) < Date.parse(v.expiresAt);
export const datesMessage = { message: 'expiresAt must be later than publishAt', path: ['expiresAt'] };

export const ItemCreate = z.object(itemInputFields).refine(datesInOrder, datesMessage);
export type ItemCreate = z.input<typeof ItemCreate>;

/** PATCH: any subset; `captions` replaces the whole set; null clears an optional field. */
export const ItemPatch = z
  .object({
    url: itemInputFields.url.optional(),
    title: itemInputFields.title.optional(),
    summary: itemInputFields.summary.nullable(),
    imageUrl: itemInputFields.imageUrl.nullable(),
    topics: itemInputFields.topics,
    contentType: itemInputFields.contentType,
    campaign: itemInputFields.campaign.nullable(),
    pinned: itemInputFields.pinned,
    publishAt: itemInputFields.publishAt.nullable(),
    expiresAt: itemInputFields.expiresAt.nullable(),
    captions: itemInputFields.captions.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change' })
  .refine(datesInOrder, datesMessage);
export type ItemPatch = z.input<typeof ItemPatch>;

/**
 * An item as the server answers it, extended for the console (AdminItem) and the queue (QueueItem).
 * Addresses are checked as HttpUrl: the server only stores ItemUrl's normalised http(s) form.
 */
export const Item = z.object({
  id: Id,
  url: HttpUrl,
  title: z.string(),
  summary: z.string().nullable(),
  imageUrl: HttpUrl.nullable(),
  topics: z.array(z.string()),
  contentType: ContentType,
  campaign: z.string().nullable(),
  pinned: z.boolean(),
  publishAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  captions: z.array(Caption),
});

/** An item as curators see it. */
export const AdminItem = Item.extend({ createdAt: Timestamp, updatedAt: Timestamp });
export type AdminItem = z.infer<typeof AdminItem>;

export const AdminItemList = z.object({ items: z.array(AdminItem) });
