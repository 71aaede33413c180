import { z } from 'zod';
import { userSchema } from './auth.js';
import { gymIdSchema } from './ids.js';
import { isoDateTime, sessionSchema } from './session.js';

/** The numbers of the logbook endpoints, named once so client and server agree on them. */
export const LOGBOOK_LIMITS = {
  /** The longest period `GET /stats` answers: 5 years with their leap days. */
  maxStatsPeriodDays: 5 * 365 + 2,
  /** Without `from`, the period starts this many ISO weeks back, the current week included. */
  defaultStatsWeeks: 12,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the runtime knows `tz` as an IANA time zone (`Europe/Berlin`, `UTC`). UTC offsets such
 * as `+01:00` are refused although newer runtimes accept them: a zone name follows summer time,
 * an offset does not, and PostgreSQL reads `+01:00` with the opposite sign.
 */
export function isIanaTimeZone(tz: string): boolean {
  if (tz === '' || /^[+\-\d]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: 'must be a string' })
  .max(64, { error: 'must be at most 64 chars' })
  .refine(isIanaTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin' });

export const STATS_GRADE_SOURCES = ['route', 'own'] as const;
export const statsGradeSourceSchema = z.enum(STATS_GRADE_SOURCES, {
  error: "must be 'route' or 'own'",
});
/** `route`: the climb's grade; `own`: the climber's `gradeOpinion` where it is a known grade. */
export type StatsGradeSource = z.infer<typeof statsGradeSourceSchema>;

/** Issues of a period, at `from`, as zod-style issues; shared by the schema and the defaults. */
export function statsPeriodIssues(
  fromMs: number,
  toMs: number,
): { path: (string | number)[]; message: string }[] {
  if (fromMs >= toMs) return [{ path: ['from'], message: 'must be before to' }];
  if (toMs - fromMs > LOGBOOK_LIMITS.maxStatsPeriodDays * DAY_MS) {
    return [{ path: ['from'], message: 'a period lasts at most 5 years' }];
  }
  return [];
}

/**
 * `GET /stats` query. `from` is inclusive and `to` exclusive, both instants. Their defaults need
 * the clock and the zone, so they are filled by `resolveStatsPeriod` of `@sendlog/rules`: `to`
 * = now, `from` = Monday 00:00 in `tz` of the week 11 weeks before the week of `to` (12 ISO weeks,
 * the current one included). The 5-year limit is checked here when both ends are given and by
 * `resolveStatsPeriod` otherwise, always reported at `from`.
 */
export const statsQuerySchema = z
  .strictObject({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    tz: timeZoneSchema.default('UTC'),
    grades: statsGradeSourceSchema.default('route'),
    /** Only the sessions at this gym's walls. */
    gymId: gymIdSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    for (const issue of statsPeriodIssues(Date.parse(q.from), Date.parse(q.to))) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;
export type StatsQueryInput = z.input<typeof statsQuerySchema>;

/** A local calendar date in the climber's zone: `2026-11-24`. */
export const localDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** The hardest send or flash of a period: the climb, its grade and the local date of the try. */
export const statsHighlightSchema = z.object({
  grade: z.string(),
  /** Null for an unlisted climb (a boulder logged outside every catalogue). */
  climbId: z.string().nullable(),
  climbName: z.string(),
  date: localDate,
});
export type StatsHighlight = z.infer<typeof statsHighlightSchema>;

/** Distinct climbs of one grade by their best result in the period. */
export const pyramidRowSchema = z.object({
  grade: z.string(),
  flashed: z.int(),
  sent: z.int(),
  triedOnly: z.int(),
});
export type PyramidRow = z.infer<typeof pyramidRowSchema>;

export const statsWeekSchema = z.object({
  /** The Monday of the ISO week, a local date in the query's zone. */
  weekStart: localDate,
  sessions: z.int(),
  attempts: z.int(),
  sends: z.int(),
});
export type StatsWeek = z.infer<typeof statsWeekSchema>;

/** `GET /stats` answer; the rules behind every number are those of `@sendlog/rules`' logbook. */
export const statsResponseSchema = z.object({
  period: z.object({ from: isoDateTime, to: isoDateTime }),
  sessions: z.int(),
  climbingDays: z.int(),
  tries: z.int(),
  attempts: z.int(),
  sends: z.int(),
  flashes: z.int(),
  repeats: z.int(),
  hardestSend: statsHighlightSchema.nullable(),
  hardestFlash: statsHighlightSchema.nullable(),
  /** Hardest grade first; grades outside the grade table last, by text. */
  pyramid: z.array(pyramidRowSchema),
  /** Every ISO week the period touches, ascending, empty weeks included. */
  weeks: z.array(statsWeekSchema),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

export const climbHistoryParamsSchema = z.strictObject({
  id: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
});
export type ClimbHistoryParams = z.infer<typeof climbHistoryParamsSchema>;

/** The climb a history is about; a later feature extends it with the catalogue's fields. */
export const historyClimbSchema = z.object({
  id: z.string(),
  name: z.string(),
  grade: z.string(),
});
export type HistoryClimb = z.infer<typeof historyClimbSchema>;

export const climbHistoryTrySchema = z.object({
  sessionId: z.string(),
  /** The moment of the try: its `loggedAt`, else its session's start (an instant, not a day). */
  date: isoDateTime,
  isSuccess: z.boolean(),
  attempts: z.int(),
  notes: z.string().nullable(),
  rating: z.int().nullable(),
  gradeOpinion: z.string().nullable(),
});
export type ClimbHistoryTry = z.infer<typeof climbHistoryTrySchema>;

/** `GET /climbs/:id/history`: every try at the climb outside deleted sessions, newest first. */
export const climbHistoryResponseSchema = z.object({
  climb: historyClimbSchema,
  tries: z.array(climbHistoryTrySchema),
});
export type ClimbHistoryResponse = z.infer<typeof climbHistoryResponseSchema>;

export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** `GET /sessions/export` query; `tz` names the zone of the CSV's `date` column. */
export const sessionsExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: "must be 'csv' or 'json'" }).default('json'),
  tz: timeZoneSchema.default('UTC'),
});
export type SessionsExportQuery = z.infer<typeof sessionsExportQuerySchema>;

/** The gym of a backed-up session's wall, so a backup still says where it was climbed. */
export const backupGymSchema = z.object({ id: z.string(), name: z.string() });
export type BackupGym = z.infer<typeof backupGymSchema>;

/** A session in the backup: as `GET /sessions` answers it, with its wall's gym (null: none). */
export const backupSessionSchema = sessionSchema.extend({
  gym: backupGymSchema.nullable().optional(),
});
export type BackupSession = z.infer<typeof backupSessionSchema>;

/**
 * `GET /sessions/export?format=json`: the whole history as a backup, every session (deleted ones
 * left out) in the shape `GET /sessions` answers plus its gym, oldest first.
 */
export const sessionsBackupSchema = z.object({
  format: z.literal('sendlog-backup'),
  version: z.literal(1),
  exportedAt: isoDateTime,
  user: userSchema,
  sessions: z.array(backupSessionSchema),
});
export type SessionsBackup = z.infer<typeof sessionsBackupSchema>;
