import { z } from 'zod';
import { gradeSystemSchema } from './grades.js';
import { LIMITS } from './limits.js';

/**
 * `user.role` as v2 clients know it: `admin` for a server admin (runs the server, may do
 * anything), `setter` for anyone on some gym's staff, else `climber`. Where someone is staff is
 * `user.staff`.
 */
export const ROLES = ['climber', 'setter', 'admin'] as const;
export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export type Role = z.infer<typeof roleSchema>;

/** A gym's staff: `admin`s manage its walls, climbs and staff; `setter`s its walls and climbs. */
export const GYM_ROLES = ['admin', 'setter'] as const;
export const gymRoleSchema = z.enum(GYM_ROLES, { error: `must be one of ${GYM_ROLES.join(', ')}` });
export type GymRole = z.infer<typeof gymRoleSchema>;

/** One gym where the account is staff. */
export const staffRoleSchema = z.object({ gymId: z.string(), role: gymRoleSchema });
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  // Defaults: a phone keeps the user it signed in as; one stored before roles existed still
  // reads (and stays signed in, offline too) until the server answers the user again.
  role: roleSchema.default('climber'),
  /** How the user wants grades shown; stored grades are never rewritten. */
  gradeSystem: gradeSystemSchema.default('V'),
  /** The gyms where the account is staff; answered only when there is one at least. */
  staff: z.array(staffRoleSchema).optional(),
});
export type User = z.infer<typeof userSchema>;

const email = z
  .email({ error: 'must be an email address' })
  .max(LIMITS.maxEmailLength, { error: `must be at most ${LIMITS.maxEmailLength} chars` });

const name = z
  .string({ error: 'must be a string or null' })
  .trim()
  .max(LIMITS.maxNameLength, { error: `must be at most ${LIMITS.maxNameLength} chars` })
  .nullish();

export const registerBodySchema = z.strictObject({
  email,
  password: z
    .string({ error: 'must be a string' })
    .min(LIMITS.minPasswordLength, { error: `must be at least ${LIMITS.minPasswordLength} chars` })
    .max(LIMITS.maxPasswordLength, { error: `must be at most ${LIMITS.maxPasswordLength} chars` }),
  name,
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

/** An email as typed to find an account (login, role grants): any text, matched case-insensitively. */
export const accountEmail = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.maxEmailLength, { error: `must be at most ${LIMITS.maxEmailLength} chars` });

export const loginBodySchema = z.strictObject({
  email: accountEmail,
  password: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(LIMITS.maxPasswordLength, { error: `must be at most ${LIMITS.maxPasswordLength} chars` }),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const authResponseSchema = z.object({ token: z.string(), user: userSchema });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** `PATCH /me`: the fields a user may change about themselves; absent fields stay as they are. */
export const updateMeBodySchema = z.strictObject({
  name,
  gradeSystem: gradeSystemSchema.optional(),
});
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;

/** `PUT /users/role` (admins): gives the account with this email a role. */
export const setRoleBodySchema = z.strictObject({ email: accountEmail, role: roleSchema });
export type SetRoleBody = z.infer<typeof setRoleBodySchema>;

export const DEMO_ACCOUNT = { email: 'demo@sendlog.app', password: 'sendlog-demo' } as const;
/** Demo mode's setter, who may manage the demo gym's walls. */
export const DEMO_SETTER = { email: 'setter@sendlog.app', password: 'sendlog-setter' } as const;
