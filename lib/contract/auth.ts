import { z } from 'zod';
import { Id, Role, Timestamp } from './common';

export const InviteCreate = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  role: Role,
});
export type InviteCreate = z.input<typeof InviteCreate>;

export const InviteCreated = z.object({
  code: z.string(),
  employeeId: Id,
  expiresAt: Timestamp,
});
export type InviteCreated = z.infer<typeof InviteCreated>;

export const Redeem = z.object({
  code: z.string().trim().min(1, 'must not be empty').max(200),
});

export const Employee = z.object({ id: Id, name: z.string(), role: Role });
export type Employee = z.infer<typeof Employee>;

export const Redeemed = z.object({ token: z.string(), employee: Employee });
export type Redeemed = z.infer<typeof Redeemed>;

/** GET /v1/auth/methods: how people may sign in to this server (the settings page shows what is offered). */
export const AuthMethods = z.object({ inviteCode: z.boolean(), singleSignOn: z.boolean() });
export type AuthMethods = z.infer<typeof AuthMethods>;

/** A PKCE code challenge (RFC 7636, S256): base64url of a SHA-256, 43 characters. */
const S256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an S256 code challenge (43 base64url characters)');

/** GET /v1/auth/oidc/start query; `return_to` is checked further by the server (extension redirect URLs only). */
export const SsoStart = z.object({
  return_to: z.string().min(1).max(2048),
  challenge: S256,
});

/** POST /v1/auth/oidc/redeem: the hand-off code from the redirect and the verifier whose S256 was the challenge. */
export const SsoRedeem = z.object({
  code: z.string().min(1).max(200),
  verifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be a PKCE code verifier (43 to 128 characters)'),
});
export type SsoRedeem = z.infer<typeof SsoRedeem>;
