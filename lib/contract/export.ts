import { z } from 'zod';
import { Audience, Figures } from './reach';
import { Id, Network, Role, Timestamp } from './common';
import { Suggestion } from './suggestions';

/**
 * GET /v1/me/export: everything the server records about the calling employee, for the privacy page.
 * Clicks are counts per tracked link and UTC day; nothing about the people who clicked is stored or sent.
 * Sent with `Content-Disposition: attachment`.
 */
export const MyExport = z.object({
  exportedAt: Timestamp,
  profile: z.object({
    id: Id,
    name: z.string(),
    role: Role,
    active: z.boolean(),
    /** When the invite was created. */
    invitedAt: Timestamp,
    /** When the first invite code was redeemed; null if never. */
    activatedAt: Timestamp.nullable(),
    /** From single sign-on (the provider's e-mail claim), shown to curators; absent from servers before it. */
    email: z.string().nullable().optional(),
    /** The provider identity single sign-on knows the person by; null for invite-code people. */
    singleSignOn: z.object({ issuer: z.string(), subject: z.string() }).nullable().optional(),
    /** The audience figures the employee entered; null where the benchmark default is used. */
    audience: z.object({ linkedin: z.number().int().nullable(), x: z.number().int().nullable() }),
    /** The figures reach is computed with (own or default). */
    effectiveAudience: Audience,
  }),
  /** Invite codes made for the employee (the codes themselves are stored only as hashes and not sent). */
  invites: z.array(z.object({ createdAt: Timestamp, expiresAt: Timestamp, redeemedAt: Timestamp.nullable() })),
  /** Devices signed in (one per redeemed code); the tokens themselves are stored only as hashes and not sent. */
  signIns: z.array(z.object({ createdAt: Timestamp })),
  /** All-time totals, as on the reach card. */
  totals: Figures,
  shares: z.array(
    z.object({
      id: Id,
      itemId: Id,
      itemTitle: z.string(),
      itemUrl: z.string(),
      network: Network,
      captionId: Id.nullable(),
      edited: z.boolean(),
      sharedAt: Timestamp,
      receivedAt: Timestamp,
      /** The audience counted as this share's reach. */
      audience: z.number().int(),
    }),
  ),
  /** The employee's tracked links (one per item and network, made when the queue was fetched). */
  links: z.array(z.object({ code: z.string(), url: z.string(), itemId: Id, network: Network, createdAt: Timestamp })),
  /** Clicks on those links per link and UTC day (YYYY-MM-DD), oldest first. */
  clicks: z.array(z.object({ code: z.string(), day: z.iso.date(), clicks: z.number().int().positive() })),
  suggestions: z.array(Suggestion),
});
export type MyExport = z.infer<typeof MyExport>;
