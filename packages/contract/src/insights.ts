import { z } from 'zod';
import { LOGBOOK_LIMITS, localDate, statsPeriodIssues } from './logbook.js';
import { isoDateTime } from './session.js';

/** The numbers of `GET /gyms/:id/insights`, named once so client and server agree on them. */
export const INSIGHTS_LIMITS = {
  /** Without `from`, the period starts this many ISO weeks back, the current week included. */
  defaultWeeks: 8,
  /** A climb's verdict needs at least this many climbers' opinions. */
  verdictOpinions: 3,
  /** The longest period answered: the logbook's. */
  maxPeriodDays: LOGBOOK_LIMITS.maxStatsPeriodDays,
} as const;

/**
 * `GET /gyms/:id/insights` query: `from` inclusive, `to` exclusive, both instants. The zone is
 * the gym's own; the defaults (the last 8 ISO weeks up to now) are filled by
 * `resolveInsightsPeriod` of `@sendlog/rules`.
 */
export const insightsQuerySchema = z
  .strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    for (const issue of statsPeriodIssues(Date.parse(q.from), Date.parse(q.to))) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
  });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

export const insightsSetRowSchema = z.object({ grade: z.string(), climbs: z.number().int() });
export type InsightsSetRow = z.infer<typeof insightsSetRowSchema>;

export const insightsClimbedRowSchema = z.object({
  grade: z.string(),
  climbers: z.number().int(),
  tries: z.number().int(),
  attempts: z.number().int(),
  sends: z.number().int(),
});
export type InsightsClimbedRow = z.infer<typeof insightsClimbedRowSchema>;

export const insightsClimbSchema = z.object({
  climbId: z.string(),
  layoutId: z.string(),
  name: z.string(),
  grade: z.string(),
  setter: z.string().nullable(),
  setAt: z.string().nullable(),
  removalPlannedAt: localDate.nullable(),
  /** Whole days from the local day it was set to the period's last local day; null: not known. */
  ageDays: z.number().int().nullable(),
  archived: z.boolean(),
  climbers: z.number().int(),
  tries: z.number().int(),
  attempts: z.number().int(),
  sends: z.number().int(),
  flashes: z.number().int(),
  rating: z.number().nullable(),
  communityGrade: z.string().nullable(),
  opinions: z.number().int(),
});
export type InsightsClimb = z.infer<typeof insightsClimbSchema>;

export const VERDICT_DIRECTIONS = ['harder', 'softer'] as const;
export const insightsVerdictSchema = z.object({
  climbId: z.string(),
  grade: z.string(),
  communityGrade: z.string(),
  opinions: z.number().int(),
  direction: z.enum(VERDICT_DIRECTIONS),
});
export type InsightsVerdict = z.infer<typeof insightsVerdictSchema>;

export const insightsWeekSchema = z.object({
  weekStart: localDate,
  sessions: z.number().int(),
  climbers: z.number().int(),
});
export type InsightsWeek = z.infer<typeof insightsWeekSchema>;

export const insightsWeekdayHourSchema = z.object({
  /** 1 = Monday … 7 = Sunday. */
  weekday: z.number().int(),
  hour: z.number().int(),
  sessions: z.number().int(),
});
export type InsightsWeekdayHour = z.infer<typeof insightsWeekdayHourSchema>;

export const insightsActivitySchema = z.object({
  weeks: z.array(insightsWeekSchema),
  /** Seven rows, Monday (1) to Sunday (7). */
  byWeekday: z.array(z.object({ weekday: z.number().int(), sessions: z.number().int() })),
  /** Twenty-four rows, 0 to 23, local hours of the sessions' starts. */
  byHour: z.array(z.object({ hour: z.number().int(), sessions: z.number().int() })),
  /**
   * Sendlog's addition: the two above crossed, so staff see *which* evening is busy. Only the
   * cells with sessions, by weekday then hour. Additive: an older client's schema drops it.
   */
  byWeekdayHour: z.array(insightsWeekdayHourSchema),
});
export type InsightsActivity = z.infer<typeof insightsActivitySchema>;

export const insightsSetterSchema = z.object({
  setter: z.string(),
  climbs: z.number().int(),
  rating: z.number().nullable(),
  verdicts: z.number().int(),
});
export type InsightsSetter = z.infer<typeof insightsSetterSchema>;

export const insightsResponseSchema = z.object({
  gymId: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  set: z.array(insightsSetRowSchema),
  climbed: z.array(insightsClimbedRowSchema),
  climbs: z.array(insightsClimbSchema),
  verdicts: z.array(insightsVerdictSchema),
  activity: insightsActivitySchema,
  setters: z.array(insightsSetterSchema),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;
