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
