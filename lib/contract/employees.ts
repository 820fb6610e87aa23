import { z } from 'zod';
import { Id, Role, Timestamp } from './common';
import { InviteCreate } from './auth';

/**
 * Where a person is in the programme:
 * - `invited`: has an invite but never redeemed one;
 * - `activated`: redeemed an invite, no share in the last 7 days;
 * - `active`: at least one share dated in the last 7 days (shares are what the server records of use;
 *   queue syncs are answered from caches and not recorded per person, so they do not count);
 * - `deactivated`: switched off by an admin; their tokens no longer work.
 */
export const employeeStates = ['invited', 'activated', 'active', 'deactivated'] as const;
export const EmployeeState = z.enum(employeeStates);
export type EmployeeState = z.infer<typeof EmployeeState>;

export const ACTIVE_WINDOW_DAYS = 7;

export const AdminEmployee = z.object({
  id: Id,
  name: z.string(),
  /** From single sign-on; null for people who joined with an invite code. */
  email: z.string().nullable(),
  role: Role,
  active: z.boolean(),
  state: EmployeeState,
  invitedAt: Timestamp,
  activatedAt: Timestamp.nullable(),
  lastSharedAt: Timestamp.nullable(),
});
export type AdminEmployee = z.infer<typeof AdminEmployee>;

export const EmployeeListQuery = z.object({
  state: EmployeeState.optional(),
  /** Part of a name or e-mail address, any case (in any script); blank means everyone. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EmployeeListQuery = z.input<typeof EmployeeListQuery>;

export const EmployeeList = z.object({
  /** Ordered by name, then id. */
  employees: z.array(AdminEmployee),
  /** How many match the query (for paging). */
  total: z.number().int().nonnegative(),
  /** Everyone, per state, whatever the query: the adoption funnel at a glance. */
  counts: z.object({
    invited: z.number().int(),
    activated: z.number().int(),
    active: z.number().int(),
    deactivated: z.number().int(),
  }),
});
export type EmployeeList = z.infer<typeof EmployeeList>;

/** POST /v1/admin/employees: one person (same fields as an invite). */
export const EmployeeCreate = InviteCreate;
export type EmployeeCreate = z.input<typeof EmployeeCreate>;

/**
 * A new invite code for a person already in People (a new laptop, a second browser). Shown this once: only its
 * hash is stored. `link` is the invitation link (lib/contract/invitation.ts): server and code as one thing to paste.
 */
export const EmployeeInviteCode = z.object({
  code: z.string(),
  expiresAt: Timestamp,
  link: z.string(),
});
export type EmployeeInviteCode = z.infer<typeof EmployeeInviteCode>;

/** A new person with their invite code (and its invitation link). The code is shown this once: only its hash is stored. */
export const EmployeeInvited = EmployeeInviteCode.extend({
  employee: AdminEmployee,
});
export type EmployeeInvited = z.infer<typeof EmployeeInvited>;

export const MAX_BATCH_LINES = 2000;

/**
 * What is wrong with a line of an invite CSV, the last part of the error's path (`csv.3.role`): the name is
 * empty or too long; the role is neither `employee` nor `admin`; more than two fields; a double quote left open;
 * a line that cannot be read otherwise; more than MAX_BATCH_LINES people; nobody at all.
 */
export const csvProblems = ['name', 'role', 'fields', 'quote', 'line', 'limit', 'empty'] as const;
export type CsvProblem = (typeof csvProblems)[number];

/**
 * POST /v1/admin/employees/batch: CSV text, one `name,role` per line (role `employee` or `admin`, default
 * `employee` when left out), as Excel writes it in any locale: `,`, `;` or tab as delimiter (detected), fields in
 * double quotes (holding the delimiter, `""` or a line break), a UTF-8 byte-order mark, CRLF; an optional
 * `name,role` header (or the same words in the console's languages); blank lines skipped. All or nothing: any bad
 * line → 422 whose `errors` name each problem as `csv.<line number>.<problem>` (see `csvProblems`).
 */
export const EmployeeBatch = z.object({
  csv: z
    .string()
    .min(1, 'must not be empty')
    .max(512 * 1024),
});
export type EmployeeBatch = z.input<typeof EmployeeBatch>;

export const EmployeeBatchResult = z.object({
  /** In the order of the lines. */
  invited: z.array(EmployeeInvited.extend({ line: z.number().int().positive() })),
});
export type EmployeeBatchResult = z.infer<typeof EmployeeBatchResult>;

/** PATCH /v1/admin/employees/{id}. An admin cannot deactivate or demote themselves (409). */
export const EmployeePatch = z
  .object({ active: z.boolean().optional(), role: Role.optional() })
  .refine((v) => v.active !== undefined || v.role !== undefined, { message: 'send active, role or both' });
export type EmployeePatch = z.input<typeof EmployeePatch>;

/** POST /v1/admin/employees/{id}/sign-out: every session of the person ended; how many there were. */
export const EmployeeSignedOut = z.object({
  ended: z.number().int().nonnegative(),
});
export type EmployeeSignedOut = z.infer<typeof EmployeeSignedOut>;
