import { z } from 'zod';
import { Timestamp } from './common';

export const ReachQuery = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});

export const Figures = z.object({
  reach: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
  shares: z.number().int().nonnegative(),
});

export type Figures = z.infer<typeof Figures>;

/** One ISO week (Monday 00:00 UTC onwards) of the sparkline. */
export const WeekFigures = Figures.extend({ start: Timestamp });
export type WeekFigures = z.infer<typeof WeekFigures>;

/** Stable ids of the badge tiers, in the order the card shows them; the UI keys on these, never on labels. */
export const badgeIds = ['first-share', 'shares-10', 'shares-50', 'reach-1k', 'reach-10k', 'clicks-100'] as const;
export const BadgeId = z.enum(badgeIds);
export type BadgeId = z.infer<typeof BadgeId>;

export const Badge = z.object({
  id: BadgeId,
  /** Plain English, e.g. "10 shares". */
  label: z.string(),
  /** From all-time figures: once earned, a badge stays earned. */
  earned: z.boolean(),
  /** Only while not earned: how far along, e.g. 7 of 10 shares. */
  progress: z.object({ current: z.number().int().nonnegative(), target: z.number().int().positive() }).optional(),
});
export type Badge = z.infer<typeof Badge>;

export const REACH_WEEKS = 12;

export const Reach = Figures.extend({
  /** Half-open period [from, to); by default the current UTC calendar month. */
  from: Timestamp,
  to: Timestamp,
  byNetwork: z.object({ linkedin: Figures, x: Figures }),
  /** 1 = most reach in the period among employees who shared; null when this employee has not shared. */
  rank: z.number().int().positive().nullable(),
  /** Employees who shared in the period. */
  participants: z.number().int().nonnegative(),
  /** Consecutive ISO weeks, up to this one, with at least one share (this week counts only once shared). */
  streakWeeks: z.number().int().nonnegative(),
  /** The last 12 ISO weeks up to the current one, oldest first, whatever the period (the sparkline). */
  weeks: z.array(WeekFigures).length(REACH_WEEKS),
  /** All-time figures. */
  lifetime: Figures,
  /** Every badge tier, in display order, earned or not. */
  badges: z.array(Badge),
});
export type Reach = z.infer<typeof Reach>;

/** Benchmark audience sizes (PRODUCT.md) used until an employee enters their own. */
export const DEFAULT_AUDIENCE = { linkedin: 459, x: 772 } as const;

export const Audience = z.object({
  linkedin: z.number().int().nonnegative().max(100_000_000),
  x: z.number().int().nonnegative().max(1_000_000_000),
});
export type Audience = z.infer<typeof Audience>;

export const Me = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(['employee', 'admin']),
  /** The figures reach uses: the employee's own, or the benchmark default where they entered none. */
  audience: Audience,
  /** true where `audience` shows the benchmark default rather than the employee's own figure. */
  audienceIsDefault: z.object({ linkedin: z.boolean(), x: z.boolean() }).optional(),
});
export type Me = z.infer<typeof Me>;

/** Each figure: a number sets it, null returns to the benchmark default, absent leaves it unchanged. */
export const MePatch = z
  .object({
    audience: z.object({
      linkedin: Audience.shape.linkedin.nullable().optional(),
      x: Audience.shape.x.nullable().optional(),
    }),
  })
  .refine((v) => Object.keys(v.audience).length > 0, {
    message: 'send at least one audience figure',
    path: ['audience'],
  });
export type MePatch = z.input<typeof MePatch>;
