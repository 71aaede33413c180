import { z } from 'zod';
import { gradeSystemSchema } from './grades.js';
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
