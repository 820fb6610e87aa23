import { z } from 'zod';
import { HttpUrl } from './common';

/** POST /v1/admin/unfurl: the page whose title, description and image prefill a new item. */
export const UnfurlRequest = z.object({ url: HttpUrl });
export type UnfurlRequest = z.input<typeof UnfurlRequest>;

/**
 * What the page says about itself (Open Graph, Twitter card, `<title>`, meta description), already cut
 * to what an item accepts (lib/contract/items.ts), so the curator can save it unchanged. A field the page
 * does not offer is null. `url` is where the fetch ended after redirects.
 */
export const Unfurl = z.object({
  url: HttpUrl,
  title: z.string().min(1).max(300).nullable(),
  description: z.string().min(1).max(2000).nullable(),
  imageUrl: HttpUrl.nullable(),
});
export type Unfurl = z.infer<typeof Unfurl>;
