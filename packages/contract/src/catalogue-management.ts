import { z } from 'zod';
import { gradeSystemSchema } from './grades.js';
import { climbSchema, layoutSchema } from './catalogue.js';
import { gymIdSchema } from './ids.js';
import { localDate } from './logbook.js';
import { isoDateTime } from './session.js';

/** What setters send to manage walls and climbs (see docs/api.md, "Catalogue management"). */
export const CATALOGUE_LIMITS = {
  maxLayoutName: 100,
  maxLayoutDescription: 1_000,
  maxClimbName: 100,
  maxSetterName: 100,
  maxGradeLength: 10,
  /** Climbs one wall reset may bring in. */
  maxClimbsPerReset: 500,
} as const;

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} chars` });

/** Hold colour as `#rrggbb`. */
export const holdColorSchema = z
  .string({ error: 'must be a colour like #1e88e5' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1e88e5' })
  .transform((c) => c.toLowerCase());

/** Where a climb starts on its wall picture, in 0–1 of the picture's width and height. */
export const wallPositionSchema = z.strictObject({
  x: z.number({ error: 'must be a number' }).min(0, { error: 'must be ≥ 0' }).max(1, {
    error: 'must be ≤ 1',
  }),
  y: z.number({ error: 'must be a number' }).min(0, { error: 'must be ≥ 0' }).max(1, {
    error: 'must be ≤ 1',
  }),
});
export type WallPosition = z.infer<typeof wallPositionSchema>;

export const climbFields = {
  name: text(CATALOGUE_LIMITS.maxClimbName),
  grade: text(CATALOGUE_LIMITS.maxGradeLength),
  color: holdColorSchema.nullish(),
  position: wallPositionSchema.nullish(),
  setter: text(CATALOGUE_LIMITS.maxSetterName).nullish(),
  setAt: isoDateTime.nullish(),
  /** The day the gym plans to take the climb down ("up until"). */
  removalPlannedAt: localDate.nullish(),
};

export const layoutFields = {
  name: text(CATALOGUE_LIMITS.maxLayoutName),
  description: z
    .string({ error: 'must be a string' })
    .trim()
    .max(CATALOGUE_LIMITS.maxLayoutDescription, {
      error: `must be at most ${CATALOGUE_LIMITS.maxLayoutDescription} chars`,
    }),
  gradeSystem: gradeSystemSchema,
};

const archived = z.boolean({ error: 'must be a boolean' });

/**
 * `POST /layouts`: into `gymId`, else the one gym the caller is staff of (or the server's only
 * gym); when that is ambiguous, `validation_failed` at `gymId`.
 */
export const createLayoutBodySchema = z.strictObject({
  name: layoutFields.name,
  description: layoutFields.description.optional(),
  gradeSystem: layoutFields.gradeSystem,
  gymId: gymIdSchema.optional(),
});
export type CreateLayoutBody = z.infer<typeof createLayoutBodySchema>;

/** `PATCH /layouts/:id`: absent fields stay as they are; the grade system never changes. */
export const updateLayoutBodySchema = z.strictObject({
  name: layoutFields.name.optional(),
  description: layoutFields.description.optional(),
  archived: archived.optional(),
});
export type UpdateLayoutBody = z.infer<typeof updateLayoutBodySchema>;

/**
 * `POST /layouts/:id/climbs` and each climb of a reset. The grade must also belong to the
 * layout's system, which only the server knows: it checks that after this schema.
 */
export const createClimbBodySchema = z.strictObject(climbFields);
export type CreateClimbBody = z.infer<typeof createClimbBodySchema>;

/** `PATCH /climbs/:id`: absent fields stay as they are, `null` clears a colour or position. */
export const updateClimbBodySchema = z.strictObject({
  name: climbFields.name.optional(),
  grade: climbFields.grade.optional(),
  color: climbFields.color,
  position: climbFields.position,
  removalPlannedAt: climbFields.removalPlannedAt,
  archived: archived.optional(),
});
export type UpdateClimbBody = z.infer<typeof updateClimbBodySchema>;

/** `POST /layouts/:id/reset`: the wall's new climbs; `archiveOthers` archives every other one. */
export const resetLayoutBodySchema = z.strictObject({
  climbs: z
    .array(createClimbBodySchema, { error: 'must be an array' })
    .max(CATALOGUE_LIMITS.maxClimbsPerReset, {
      error: `must hold at most ${CATALOGUE_LIMITS.maxClimbsPerReset} climbs`,
    }),
  archiveOthers: archived,
});
export type ResetLayoutBody = z.infer<typeof resetLayoutBodySchema>;

export const layoutResponseSchema = z.object({ layout: layoutSchema });
export type LayoutResponse = z.infer<typeof layoutResponseSchema>;
export const climbResponseSchema = z.object({ climb: climbSchema });
export type ClimbResponse = z.infer<typeof climbResponseSchema>;
export const resetLayoutResponseSchema = z.object({
  created: z.array(climbSchema),
  /** How many climbs the reset archived. */
  archived: z.int(),
});
export type ResetLayoutResponse = z.infer<typeof resetLayoutResponseSchema>;
