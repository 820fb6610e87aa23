import { z } from 'zod';
import { HttpUrl, Id, Timestamp } from './common';
import { AdminItem, itemInputFields, datesInOrder, datesMessage } from './items';

/** POST /v1/suggestions: an employee proposes a page to the curators. */
export const SuggestionCreate = z.object({
  url: z.string().trim().pipe(HttpUrl),
  /** Why it is worth sharing; optional, plain text. */
  note: z.string().trim().max(1000).optional(),
});
export type SuggestionCreate = z.input<typeof SuggestionCreate>;

export const suggestionStatuses = ['open', 'dismissed', 'accepted'] as const;
export const SuggestionStatus = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

/**
 * A suggestion as its author and the curators see it. POST answers 201 with a new one, or 200 with the
 * open suggestion the same employee already made for the same URL (nothing is duplicated).
 */
export const Suggestion = z.object({
  id: Id,
  url: HttpUrl,
  /** An empty note is stored as null. */
  note: z.string().nullable(),
  status: SuggestionStatus,
  suggestedBy: z.object({ id: Id, name: z.string() }),
  createdAt: Timestamp,
  /** When a curator accepted or dismissed it; null while open. */
  decidedAt: Timestamp.nullable(),
  /** The item it became (status `accepted`); null otherwise. */
  itemId: Id.nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** GET /v1/admin/suggestions: newest first; pass `next` back as `?before=` for the following page. */
export const SuggestionListQuery = z.object({
  status: SuggestionStatus.default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(200).optional(),
});
export type SuggestionListQuery = z.input<typeof SuggestionListQuery>;

export const SuggestionList = z.object({
  suggestions: z.array(Suggestion),
  /** Opaque cursor of the next (older) page; null on the last page. */
  next: z.string().nullable(),
});
export type SuggestionList = z.infer<typeof SuggestionList>;

/**
 * POST /v1/admin/suggestions/{id}/accept: the new item's fields, as for POST /v1/admin/items, except that
 * `url` defaults to the suggested page. Answers 201 with the item; the suggestion becomes `accepted`.
 */
export const SuggestionAccept = z
  .object({ ...itemInputFields, url: itemInputFields.url.optional() })
  .refine(datesInOrder, datesMessage);
export type SuggestionAccept = z.input<typeof SuggestionAccept>;

export const SuggestionAccepted = z.object({ item: AdminItem, suggestion: Suggestion });
export type SuggestionAccepted = z.infer<typeof SuggestionAccepted>;
