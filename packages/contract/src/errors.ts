import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unknown_climb',
  'unauthorized',
  'forbidden',
  'not_found',
  'email_taken',
  'slug_taken',
  'last_gym_admin',
  'invalid_image',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'wrong_password',
  'last_admin',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorDetailSchema = z.object({
  /** Dotted field path, array indexes as numbers: `routes.3.attempts`. Empty for the whole body. */
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.array(errorDetailSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorBodySchema = z.object({ error: apiErrorSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod issues into the `details` of docs/api.md: one entry per broken field, dotted path. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  const join = (parts: readonly PropertyKey[]) =>
    [prefix, ...parts.map((p) => String(p))].filter((p) => p !== '').join('.');
  return issues.flatMap((issue) =>
    // An unknown field is reported at its own path, so a client sees exactly what to drop.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: join([...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ path: join(issue.path), message: issue.message }],
  );
}

/** A one-line message that names the first broken field, as in docs/api.md's example. */
export function summarizeDetails(details: readonly ErrorDetail[]): string {
  const first = details[0];
  if (!first) return 'the request is invalid';
  const where = first.path === '' ? 'body' : first.path;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return `${where} ${first.message}${more}`;
}
