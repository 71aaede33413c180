import { z } from 'zod';
import { LIMITS } from './limits.js';
import { placeSchema, unlistedClimbSchema } from './unlisted.js';

/** ISO-8601 with a zone offset (`2026-11-24T18:05:00.000Z` or `…+01:00`). */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone offset',
});

export const clientId = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.maxClientIdLength, { error: `must be at most ${LIMITS.maxClientIdLength} chars` });

const serverId = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });

export const routeSnapshotSchema = z.strictObject({
  clientRouteId: clientId.optional(),
  /** Null (or left out) for a climb in no catalogue, which `climb` then describes. */
  climbId: serverId
    .max(LIMITS.maxClientIdLength, {
      error: `must be at most ${LIMITS.maxClientIdLength} chars`,
    })
    .nullish(),
  isSuccess: z.boolean({ error: 'must be a boolean' }),
  attempts: z
    .int({ error: 'must be an integer' })
    .min(LIMITS.minAttempts, { error: `must be ≥ ${LIMITS.minAttempts}` })
    .max(LIMITS.maxAttempts, { error: `must be ≤ ${LIMITS.maxAttempts}` }),
  notes: z
    .string({ error: 'must be a string or null' })
    .max(LIMITS.maxRouteNotes, { error: `must be at most ${LIMITS.maxRouteNotes} chars` })
    .nullish(),
  rating: z
    .int({ error: 'must be an integer or null' })
    .min(LIMITS.minRating, { error: `must be ≥ ${LIMITS.minRating}` })
    .max(LIMITS.maxRating, { error: `must be ≤ ${LIMITS.maxRating}` })
    .nullish(),
  gradeOpinion: z
    .string({ error: 'must be a string or null' })
    .max(LIMITS.maxGradeOpinion, { error: `must be at most ${LIMITS.maxGradeOpinion} chars` })
    .nullish(),
  loggedAt: isoDateTime.nullish(),
  updatedAt: isoDateTime.nullish(),
  climb: unlistedClimbSchema.nullish(),
});
export type RouteSnapshot = z.infer<typeof routeSnapshotSchema>;

/**
 * The unit of sync. Rules that need the server's clock (start not too far in the future) are
 * checked by `snapshotClockIssues`, so this schema stays a pure function of its input.
 */
export const sessionSnapshotSchema = z
  .strictObject({
    clientSessionId: clientId.nullish(),
    layoutId: serverId
      .max(LIMITS.maxClientIdLength, { error: `must be at most ${LIMITS.maxClientIdLength} chars` })
      .nullish(),
    /** Where a session away from every catalogued wall took place: only without `layoutId`. */
    place: placeSchema.nullish(),
    startTime: isoDateTime,
    endTime: isoDateTime.nullish(),
    notes: z
      .string({ error: 'must be a string or null' })
      .max(LIMITS.maxSessionNotes, { error: `must be at most ${LIMITS.maxSessionNotes} chars` })
      .nullish(),
    baseRevision: z.int({ error: 'must be an integer or null' }).min(1).nullish(),
    updatedAt: isoDateTime.nullish(),
    removedRouteIds: z
      .array(clientId, { error: 'must be an array of ids' })
      .max(LIMITS.maxRoutesPerSession * 4, { error: 'too many removed route ids' })
      .optional(),
    /** The climber deleted the session: it becomes a tombstone for good (its content is dropped). */
    deleted: z.boolean({ error: 'must be a boolean' }).optional(),
    routes: z
      .array(routeSnapshotSchema, { error: 'must be an array' })
      .max(LIMITS.maxRoutesPerSession, {
        error: `must hold at most ${LIMITS.maxRoutesPerSession} routes`,
      }),
  })
  .superRefine((s, ctx) => {
    const start = Date.parse(s.startTime);
    if (s.endTime != null) {
      const end = Date.parse(s.endTime);
      if (end < start) {
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'must be ≥ startTime' });
      } else if (end - start > LIMITS.maxSessionDurationMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['endTime'],
          message: 'a session lasts at most 24 h',
        });
      }
    }
    if (s.layoutId != null && s.place != null) {
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: 'a session at a catalogued wall (layoutId) has no place',
      });
    }
    const seen = new Set<string>();
    s.routes.forEach((r, i) => {
      if ((r.climbId == null) === (r.climb == null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['routes', i, r.climbId == null ? 'climbId' : 'climb'],
          message:
            r.climbId == null
              ? 'is required unless the route carries an unlisted climb'
              : 'must be left out when climbId is given',
        });
      }
      if (r.clientRouteId == null) return;
      if (seen.has(r.clientRouteId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['routes', i, 'clientRouteId'],
          message: 'is repeated in this session',
        });
      }
      seen.add(r.clientRouteId);
    });
  });
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;
/** What a client may send: the schema's input (optional fields may be left out). */
export type SessionSnapshotInput = z.input<typeof sessionSnapshotSchema>;

/**
 * Rules that depend on the server's clock. Returns zod-style issues (path + message). A start,
 * and a route's `loggedAt`, may be up to 24 h in the server's future (phones' clocks are skewed),
 * no further: a try "logged" in the year 9999 would stay every climb's latest for good. (Every
 * `updatedAt` is clamped to the server's clock instead; `endTime` is bounded by the start.)
 */
export function snapshotClockIssues(
  s: Pick<SessionSnapshot, 'startTime'> & {
    routes?: readonly { loggedAt?: string | null | undefined }[];
  },
  nowMs: number,
): { path: (string | number)[]; message: string }[] {
  const tooLate = (time: string) => Date.parse(time) - nowMs > LIMITS.maxStartTimeFutureMs;
  const message = "must not be more than 24 h in the server's future";
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (tooLate(s.startTime)) issues.push({ path: ['startTime'], message });
  s.routes?.forEach((r, i) => {
    if (r.loggedAt != null && tooLate(r.loggedAt)) {
      issues.push({ path: ['routes', i, 'loggedAt'], message });
    }
  });
  return issues;
}

export const bulkRequestSchema = z.union([
  z.object({ sessions: z.array(z.unknown()) }),
  z.array(z.unknown()),
]);

export const sessionRouteSchema = z.object({
  id: z.string(),
  clientRouteId: z.string(),
  /** Null for an unlisted climb; `climbName` and `grade` are then its name and grade. */
  climbId: z.string().nullable(),
  climbName: z.string(),
  grade: z.string(),
  isSuccess: z.boolean(),
  attempts: z.int(),
  notes: z.string().nullable(),
  rating: z.int().nullable(),
  gradeOpinion: z.string().nullable(),
  loggedAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Only on a route of an unlisted climb (left out otherwise, as older clients knew routes). */
  climb: unlistedClimbSchema.nullish(),
});
export type SessionRoute = z.infer<typeof sessionRouteSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  clientSessionId: z.string().nullable(),
  layoutId: z.string().nullable(),
  /** Only on a session elsewhere (left out when null, as older clients knew sessions). */
  place: z.string().nullish(),
  startTime: isoDateTime,
  endTime: isoDateTime.nullable(),
  notes: z.string().nullable(),
  revision: z.int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  routes: z.array(sessionRouteSchema),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * What is left of a deleted session: enough for another device to recognise and drop its copy.
 * Its notes, routes and times are gone for good.
 */
export const sessionTombstoneSchema = z.object({
  id: z.string(),
  clientSessionId: z.string().nullable(),
  revision: z.int(),
  deleted: z.literal(true),
  updatedAt: isoDateTime,
});
export type SessionTombstone = z.infer<typeof sessionTombstoneSchema>;

/** A session as a change answers it: alive, or a tombstone. */
export const sessionOrTombstoneSchema = z.union([sessionSchema, sessionTombstoneSchema]);
export type SessionOrTombstone = Session | SessionTombstone;

/** The tombstone a deleted session is answered as: its identity and the time of the delete. */
export function tombstoneOf(s: {
  id: string;
  clientSessionId: string | null;
  revision: number;
  updatedAt: string;
}): SessionTombstone {
  return {
    id: s.id,
    clientSessionId: s.clientSessionId,
    revision: s.revision,
    deleted: true,
    updatedAt: s.updatedAt,
  };
}

export function isTombstone(s: SessionOrTombstone): s is SessionTombstone {
  return 'deleted' in s && s.deleted === true;
}

export const SYNC_STATUSES = ['created', 'duplicate', 'updated', 'merged'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const createdResponseSchema = z.object({
  sessionId: z.string(),
  revision: z.int(),
  status: z.literal('created'),
  isDuplicate: z.literal(false),
  routeIds: z.array(z.string()),
});
export const existingResponseSchema = z.object({
  sessionId: z.string(),
  revision: z.int(),
  status: z.enum(['duplicate', 'updated', 'merged']),
  isDuplicate: z.boolean(),
  session: sessionOrTombstoneSchema.optional(),
});
export const offlineResponseSchema = z.union([createdResponseSchema, existingResponseSchema]);
export type OfflineResponse = z.infer<typeof offlineResponseSchema>;

export const bulkResultSchema = z.discriminatedUnion('success', [
  z.object({
    index: z.int(),
    clientSessionId: z.string().nullable(),
    success: z.literal(true),
    status: z.enum(SYNC_STATUSES),
    sessionId: z.string(),
    revision: z.int(),
    isDuplicate: z.boolean(),
    session: sessionOrTombstoneSchema.optional(),
  }),
  z.object({
    index: z.int(),
    clientSessionId: z.string().nullable(),
    success: z.literal(false),
    status: z.literal('rejected'),
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  }),
]);
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkResponseSchema = z.object({
  results: z.array(bulkResultSchema),
  summary: z.object({
    created: z.int(),
    duplicate: z.int(),
    updated: z.int(),
    merged: z.int(),
    rejected: z.int(),
  }),
});
export type BulkResponse = z.infer<typeof bulkResponseSchema>;

export const sessionsQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be ≥ 1' })
    .max(LIMITS.maxPageSize, { error: `must be ≤ ${LIMITS.maxPageSize}` })
    .default(LIMITS.defaultPageSize),
  cursor: z.string().max(512).optional(),
  /** A cursor issued by the server (`nextCursor` of an earlier pull); empty means from the start. */
  updatedSince: z.string().max(512).optional(),
});
export type SessionsQuery = z.infer<typeof sessionsQuerySchema>;

/** A history page (`GET /sessions`, `?cursor=`): live sessions only. */
export const sessionsPageSchema = z.object({
  sessions: z.array(sessionSchema),
  nextCursor: z.string().nullable(),
});
export type SessionsPage = z.infer<typeof sessionsPageSchema>;

/**
 * Any page of `GET /sessions`: with `updatedSince` it also answers deleted sessions as tombstones,
 * so other devices drop their copy.
 */
export const sessionChangesPageSchema = z.object({
  sessions: z.array(sessionOrTombstoneSchema),
  nextCursor: z.string().nullable(),
});
export type SessionChangesPage = z.infer<typeof sessionChangesPageSchema>;

export const sessionResponseSchema = z.object({ session: sessionSchema });

/** `DELETE /sessions/:id`: the session is a tombstone (idempotent). */
export const deleteSessionResponseSchema = z.object({
  sessionId: z.string(),
  revision: z.int(),
  deleted: z.literal(true),
});
export type DeleteSessionResponse = z.infer<typeof deleteSessionResponseSchema>;
