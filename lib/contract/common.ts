import { z } from 'zod';

/** Networks Relay shares to. `x` is X/Twitter; its UTM source is `twitter` (see lib/links). */
export const networks = ['linkedin', 'x'] as const;
export const Network = z.enum(networks);
export type Network = z.infer<typeof Network>;

export const contentTypes = ['curated', 'owned', 'promotional'] as const;
export const ContentType = z.enum(contentTypes);
export type ContentType = z.infer<typeof ContentType>;

export const roles = ['employee', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** ISO 8601 timestamp with an explicit offset, e.g. 2026-11-23T10:00:00Z. */
export const Timestamp = z.iso.datetime({ offset: true });

export const Id = z.uuid();

/** Only web pages may be shared or redirected to: anything else would make /r/ an open door to other schemes. */
export const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** BCP 47 language tag, kept loose on purpose (ca, es-ES, zh-Hant-TW) but always lower-cased language part. */
export const Language = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en", "ca" or "pt-BR"');

/** RFC 9457 problem details: every error the backend answers has this shape. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
