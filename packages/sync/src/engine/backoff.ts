/** Retry timing of the failure policy: exponential backoff with full jitter, 1 s doubling to 5 min. */
export const BACKOFF = { baseMs: 1_000, maxMs: 5 * 60_000 } as const;

/**
 * Delay before the next try after `failures` consecutive failed runs (1 for the first failure).
 * Full jitter (a uniform draw below the exponential cap) keeps many phones that lost the same
 * server from coming back in step.
 */
export function backoffDelayMs(failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const cap = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** exponent);
  return Math.floor(clampUnit(random()) * cap);
}

/**
 * `Retry-After` as a delay in ms: delta-seconds or an HTTP date; null when absent or unreadable.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | null {
  if (header == null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}

function clampUnit(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
}
