import type { ApiResult } from '../../../api/apiResult';

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

/**
 * What a failed management call means for the form that sent it: one message per refused field,
 * shown at that field, and one line for the whole form.
 */
export interface Refusal {
  /** The server's dotted `details` path (`name`, `grade`, `climbs.0.grade`) → why it was refused. */
  fields: Readonly<Record<string, string>>;
  message: string;
  /** The account lost its setter role (or never had it): the screen should say "setters only". */
  forbidden: boolean;
  /** The server's error code (`not_found`, `last_gym_admin`…); null when it did not answer. */
  code?: string | null;
}

const SENTENCES: Readonly<Record<string, string>> = {
  invalid_image: 'This file is not a JPEG, PNG or WebP picture (or it is cut short).',
  unsupported_media_type: 'Only JPEG, PNG or WebP pictures can go on a wall.',
  payload_too_large: 'This picture is over 8 MiB: pick a smaller one.',
  forbidden: 'Only setters and admins can manage walls.',
  unauthorized: 'Your sign-in expired: sign in again to manage walls.',
  not_found: 'This wall or climb is no longer on the server.',
};

/** "must not be empty" → "Must not be empty": a field's message reads as a sentence of its own. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function refusalOf(failure: Failure): Refusal {
  if (failure.kind !== 'http') {
    return {
      fields: {},
      message: `${failure.message} Nothing was changed; try again once you are online.`,
      forbidden: false,
    };
  }
  const fields: Record<string, string> = {};
  for (const detail of failure.details) {
    // The first reason per field is the one to fix first; `""` is the whole body.
    if (detail.path !== '' && fields[detail.path] === undefined) {
      fields[detail.path] = sentence(detail.message);
    }
  }
  const known = SENTENCES[failure.code];
  const message =
    failure.code === 'validation_failed' && Object.keys(fields).length > 0
      ? 'Check the fields marked below.'
      : known
        ? `${known} (${failure.message})`
        : failure.message;
  return { fields, message, forbidden: failure.code === 'forbidden', code: failure.code };
}

/**
 * The refusal's line for a form that shows `shown` fields at their place: any other refused
 * field (`position.x`, a field the form has no input for) is named in the line itself, so no
 * reason goes unsaid behind "Check the fields marked below".
 */
export function messageFor(refusal: Refusal, shown: readonly string[]): string {
  const elsewhere = Object.entries(refusal.fields).filter(([path]) => !shown.includes(path));
  if (elsewhere.length === 0) return refusal.message;
  return [refusal.message, ...elsewhere.map(([path, reason]) => `${path}: ${reason}`)].join(' ');
}
