import type { ApiResult } from '../api/apiResult';

type Refusal = Extract<ApiResult<unknown>, { ok: false }>;

const FIELD_NAMES: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  currentPassword: 'Current password',
  newPassword: 'New password',
};

/** `{ path: 'password', message: 'must be at least 8 chars' }` → "Password must be at least 8 chars." */
export function sentenceOf(detail: { path: string; message: string }): string {
  return `${FIELD_NAMES[detail.path] ?? detail.path} ${detail.message}.`;
}

export function inTime(seconds: number | null): string {
  if (seconds === null) return 'in a little while';
  if (seconds <= 60) {
    const n = Math.max(1, Math.ceil(seconds));
    return n === 1 ? 'in a second' : `in ${n} seconds`;
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
}

/**
 * What an account call's refusal says to the climber. `offline` names what needed the connection;
 * `codes` are the call's own refusals (`wrong_password`, …) in words.
 */
export function refusalText(
  result: Refusal,
  offline: string,
  codes: Readonly<Record<string, string>> = {},
): string {
  if (result.kind === 'offline') return offline;
  if (result.kind === 'timeout') return result.message;
  const own = codes[result.code];
  if (own !== undefined) return own;
  if (result.code === 'rate_limited') {
    return `Too many attempts. Try again ${inTime(result.retryAfterS)}.`;
  }
  // Every refused field, not just the first: the climber fixes them all in one go.
  if (result.details.length > 0) return result.details.map(sentenceOf).join('\n');
  return result.message;
}
