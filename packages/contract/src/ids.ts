import { z } from 'zod';

/** A server id (a UUID) as a body or query names it; matched case-insensitively. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A gym's id where a body or query names one (`POST /layouts`, `GET /stats?gymId=`). */
export const gymIdSchema = z
  .string({ error: 'must be a gym id' })
  .regex(UUID, { error: 'must be a gym id' })
  .transform((id) => id.toLowerCase());
