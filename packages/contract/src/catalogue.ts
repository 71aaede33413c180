import { z } from 'zod';
import { gradeSystemSchema } from './grades.js';

/** A wall's picture: `url` (relative to the API) changes whenever the picture does. */
export const wallImageSchema = z.object({
  url: z.string(),
  width: z.int(),
  height: z.int(),
});
export type WallImage = z.infer<typeof wallImageSchema>;

/**
 * One wall. Archived layouts stay listed: sessions logged on them still name them. The server
 * always sends every field; the defaults let a phone read a catalogue it cached before walls had
 * grade systems and pictures (it is refreshed, by ETag, at the next connection).
 */
export const layoutSchema = z.object({
  id: z.string(),
  /** The gym whose wall it is (null only in a catalogue cached before gyms). */
  gymId: z.string().nullable().optional(),
  name: z.string(),
  description: z.string(),
  gradeSystem: gradeSystemSchema.default('V'),
  archived: z.boolean().default(false),
  /** Every climb of the layout, archived ones included (the length of its climbs list). */
  climbCount: z.int(),
  image: wallImageSchema.nullable().default(null),
});
export type Layout = z.infer<typeof layoutSchema>;
export const layoutsResponseSchema = z.object({ layouts: z.array(layoutSchema) });
export type LayoutsResponse = z.infer<typeof layoutsResponseSchema>;

/**
 * What climbers' own logs say of a climb: the median of their grades (each climber's latest
 * `gradeOpinion` that is a grade of the layout's system), the mean of their stars (each
 * climber's latest), how many sends were logged and by how many climbers. Null until known.
 */
export const communityViewSchema = z.object({
  grade: z.string().nullable(),
  rating: z.number().nullable(),
  sends: z.int(),
  climbers: z.int(),
});
export type CommunityView = z.infer<typeof communityViewSchema>;

export const climbSchema = z.object({
  id: z.string(),
  layoutId: z.string(),
  name: z.string(),
  grade: z.string(),
  /** Hold colour, `#rrggbb`. */
  color: z.string().nullable().default(null),
  /** Where it starts on the wall picture, 0–1 of the picture's width and height. */
  position: z.object({ x: z.number(), y: z.number() }).nullable().default(null),
  setter: z.string().nullable().default(null),
  setAt: z.string().nullable().default(null),
  /** The day the gym plans to take it down (`YYYY-MM-DD`, "up until"), or null. */
  removalPlannedAt: z.string().nullable().optional(),
  archived: z.boolean(),
  // Defaults as for layouts: a climbs list cached by an older app still reads.
  community: communityViewSchema.default({ grade: null, rating: null, sends: 0, climbers: 0 }),
});
export type Climb = z.infer<typeof climbSchema>;
export const climbsResponseSchema = z.object({ climbs: z.array(climbSchema) });
export type ClimbsResponse = z.infer<typeof climbsResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
