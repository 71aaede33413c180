import { z } from 'zod';

export const layoutSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  climbCount: z.int(),
});
export type Layout = z.infer<typeof layoutSchema>;
export const layoutsResponseSchema = z.object({ layouts: z.array(layoutSchema) });
export type LayoutsResponse = z.infer<typeof layoutsResponseSchema>;

export const climbSchema = z.object({
  id: z.string(),
  layoutId: z.string(),
  name: z.string(),
  grade: z.string(),
  archived: z.boolean(),
});
export type Climb = z.infer<typeof climbSchema>;
export const climbsResponseSchema = z.object({ climbs: z.array(climbSchema) });
export type ClimbsResponse = z.infer<typeof climbsResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
