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
  'last_admin',
  'invalid_image',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_format',
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
  /** How many more broken fields there were than `details` lists (see `boundedError`). */
  detailsOmitted: z.number().int().positive().optional(),
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

/** At most this many `details` in an answer; `detailsOmitted` counts the rest. */
export const MAX_ERROR_DETAILS = 50;
/** Longest `message`, and `path` or `message` of a detail, in an answer. */
export const MAX_ERROR_TEXT = 200;

/** `text` cut to `max` characters with `…`, never between the halves of a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * An error as it is answered: the first `MAX_ERROR_DETAILS` details and the count of the rest,
 * every text clipped (a path names the client's own keys, which can be of any length). So an
 * answer stays a few kB whatever the request: 180,000 unknown keys in a 2 MB body once made a
 * 9 MB answer.
 */
export function boundedError(error: ApiError): ApiError {
  const { details, detailsOmitted, ...rest } = error;
  const bounded: ApiError = { ...rest, message: clip(rest.message, MAX_ERROR_TEXT) };
  if (details === undefined) return bounded;
  const shown = details.slice(0, MAX_ERROR_DETAILS).map((d) => ({
    path: clip(d.path, MAX_ERROR_TEXT),
    message: clip(d.message, MAX_ERROR_TEXT),
  }));
  const omitted = (detailsOmitted ?? 0) + details.length - shown.length;
  return { ...bounded, details: shown, ...(omitted > 0 ? { detailsOmitted: omitted } : {}) };
}
