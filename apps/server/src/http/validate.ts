import type { z } from 'zod';
import { ApiError } from './errors.js';
import { unsafeTextDetails } from '../domain/text-safety.js';

/** Parses with a contract schema, or throws `400 validation_failed` naming each field path. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ApiError.fromZod(result.error.issues, prefix);
  const unsafe = unsafeTextDetails(result.data);
  if (unsafe.length > 0) throw ApiError.validation(unsafe);
  return result.data;
}
