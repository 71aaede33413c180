import { z } from 'zod';
import { LIMITS } from './limits.js';

/** What an unlisted climb is: a boulder, or a route on a rope. */
export const CLIMB_KINDS = ['boulder', 'route'] as const;
export type ClimbKind = (typeof CLIMB_KINDS)[number];

/**
 * A climb in no catalogue (another gym, a crag, an imported tick), carried by the route that logs
 * it: its name and its grade exactly as the climber wrote them.
 */
export const unlistedClimbSchema = z.strictObject({
  name: z
    .string({ error: 'must be a string' })
    .max(LIMITS.maxUnlistedName, { error: `must be at most ${LIMITS.maxUnlistedName} chars` })
    // Kept as written (no trimming: device and server must hold the same text), but not blank.
    .refine((name) => name.trim().length > 0, { error: 'must not be empty' }),
  grade: z
    .string({ error: 'must be a string' })
    .max(LIMITS.maxUnlistedGrade, { error: `must be at most ${LIMITS.maxUnlistedGrade} chars` }),
  kind: z.enum(CLIMB_KINDS, { error: "must be 'boulder' or 'route'" }),
});
export type UnlistedClimb = z.infer<typeof unlistedClimbSchema>;

/** Where a session away from every catalogued wall took place (free text). */
export const placeSchema = z
  .string({ error: 'must be a string or null' })
  .max(LIMITS.maxPlace, { error: `must be at most ${LIMITS.maxPlace} chars` });

/**
 * The identity of an unlisted climb, which flashes and repeats are told by: its kind, name and
 * grade, ignoring letter case and blanks around and between words. (A catalogue climb is its id;
 * the prefix keeps the two apart.) Changing this changes stored keys: see the server's
 * `session_routes.climb_key`.
 */
export function unlistedClimbKey(climb: UnlistedClimb): string {
  const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `u:${climb.kind}:${fold(climb.grade)}:${fold(climb.name)}`;
}

/** The identity of the climb a route logs: its catalogue id, else its unlisted climb's key. */
export function climbKeyOf(route: {
  climbId: string | null;
  climb?: UnlistedClimb | null | undefined;
}): string {
  if (route.climbId !== null) return route.climbId;
  return route.climb != null ? unlistedClimbKey(route.climb) : '';
}
