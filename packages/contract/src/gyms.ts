import { z } from 'zod';
import { accountEmail, gymRoleSchema } from './auth.js';
import { layoutFields } from './catalogue-management.js';
import { layoutSchema } from './catalogue.js';
import { gradeSystemSchema } from './grades.js';
import { timeZoneSchema } from './logbook.js';

/** The numbers of the gym endpoints (see docs/api.md, "Gyms"). */
export const GYM_LIMITS = {
  maxGymName: 100,
  maxCity: 100,
  maxCountry: 100,
  /** The longest `q` of `GET /gyms`. */
  maxSearch: 100,
  /** `GET /gyms` answers at most this many gyms. */
  maxSearchResults: 50,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `text` could be a gym's slug: `GET /gyms/:idOrSlug` reads it as one. */
export const GYM_SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;

/**
 * A gym's link (`/g/<slug>`): 2–40 lower-case letters, digits and dashes. Never shaped like an
 * id, so `GET /gyms/:idOrSlug` cannot mistake one for the other.
 */
export const gymSlugSchema = z
  .string({ error: 'must be a string' })
  .regex(GYM_SLUG_PATTERN, { error: 'must be 2–40 lower-case letters, digits or dashes' })
  .refine((slug) => !UUID.test(slug), { error: 'must not look like a gym id' });

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} chars` });

/** Optional text where an empty string means none, as for a user's name. */
const optionalText = (max: number) =>
  z
    .string({ error: 'must be a string or null' })
    .trim()
    .max(max, { error: `must be at most ${max} chars` })
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const gymSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** An IANA zone name: the gym's figures are counted in it. */
  timeZone: z.string(),
  /** The grade system of the gym's new walls. */
  gradeSystem: gradeSystemSchema,
  /** Walls not archived. */
  layoutCount: z.int(),
  /** Climbs up: not archived, on a wall not archived. */
  climbCount: z.int(),
  archived: z.boolean(),
  /** Whether the caller follows it (false without a token). */
  following: z.boolean(),
  /** The caller's staff role there, or null. */
  myRole: gymRoleSchema.nullable(),
});
export type Gym = z.infer<typeof gymSchema>;
export const gymResponseSchema = z.object({ gym: gymSchema });
export type GymResponse = z.infer<typeof gymResponseSchema>;
export const gymsResponseSchema = z.object({ gyms: z.array(gymSchema) });
export type GymsResponse = z.infer<typeof gymsResponseSchema>;

/** `POST /gyms` (server admin): a slug is made from the name when absent. */
export const createGymBodySchema = z.strictObject({
  name: text(GYM_LIMITS.maxGymName),
  slug: gymSlugSchema.optional(),
  city: optionalText(GYM_LIMITS.maxCity),
  country: optionalText(GYM_LIMITS.maxCountry),
  timeZone: timeZoneSchema,
  gradeSystem: gradeSystemSchema.optional(),
});
export type CreateGymBody = z.infer<typeof createGymBodySchema>;

/** `PATCH /gyms/:id` (gym admin): absent fields stay as they are, `null` clears city or country. */
export const updateGymBodySchema = z.strictObject({
  name: text(GYM_LIMITS.maxGymName).optional(),
  city: optionalText(GYM_LIMITS.maxCity),
  country: optionalText(GYM_LIMITS.maxCountry),
  timeZone: timeZoneSchema.optional(),
  gradeSystem: gradeSystemSchema.optional(),
  archived: z.boolean({ error: 'must be a boolean' }).optional(),
});
export type UpdateGymBody = z.infer<typeof updateGymBodySchema>;

/** `GET /gyms?q=`: name or city containing `q`, ignoring case and accents. */
export const gymsQuerySchema = z.strictObject({
  q: z
    .string({ error: 'must be a string' })
    .max(GYM_LIMITS.maxSearch, { error: `must be at most ${GYM_LIMITS.maxSearch} chars` })
    .optional(),
});
export type GymsQuery = z.infer<typeof gymsQuerySchema>;

export const gymStaffMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: gymRoleSchema,
});
export type GymStaffMember = z.infer<typeof gymStaffMemberSchema>;
export const gymStaffResponseSchema = z.object({ staff: z.array(gymStaffMemberSchema) });
export type GymStaffResponse = z.infer<typeof gymStaffResponseSchema>;

/** `PUT /gyms/:id/staff` (gym admin): `role: null` removes the account from the staff. */
export const setGymStaffBodySchema = z.strictObject({
  email: accountEmail,
  role: gymRoleSchema.nullable(),
});
export type SetGymStaffBody = z.infer<typeof setGymStaffBodySchema>;

/** `POST /gyms/:id/layouts` (gym staff): the grade system defaults to the gym's. */
export const createGymLayoutBodySchema = z.strictObject({
  name: layoutFields.name,
  description: layoutFields.description.optional(),
  gradeSystem: layoutFields.gradeSystem.optional(),
});
export type CreateGymLayoutBody = z.infer<typeof createGymLayoutBodySchema>;

export const gymLayoutsResponseSchema = z.object({ layouts: z.array(layoutSchema) });
export type GymLayoutsResponse = z.infer<typeof gymLayoutsResponseSchema>;
