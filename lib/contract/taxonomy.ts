import { z } from 'zod';
import { itemInputFields } from './items';

/*
 * Topics and campaigns as managed lists: curators keep them in one place so items use the same words
 * (the console offers them as choices). Each entry follows the same rules as on an item.
 */

const Topic = itemInputFields.topics.unwrap().element;
const Campaign = itemInputFields.campaign.unwrap();

const distinct = (list: string[]) => new Set(list).size === list.length;

export const MAX_TAXONOMY_ENTRIES = 500;

/** PUT /v1/admin/taxonomy replaces both lists; GET answers them sorted. */
export const Taxonomy = z.object({
  topics: z
    .array(Topic)
    .max(MAX_TAXONOMY_ENTRIES)
    .refine(distinct, 'each topic once (topics are compared in lower case)'),
  campaigns: z
    .array(Campaign)
    .max(MAX_TAXONOMY_ENTRIES)
    .refine(distinct, 'each campaign once (campaigns are compared in lower case)'),
});
export type Taxonomy = z.infer<typeof Taxonomy>;
export type TaxonomyUpdate = z.input<typeof Taxonomy>;
