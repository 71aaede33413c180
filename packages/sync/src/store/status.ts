import type { LocalSession, LocalSessionStatus } from './model.js';

/**
 * The status machine of docs/architecture.md:
 * active → completed (ended) → synced (confirmed) ; any edit of an ended session → completed;
 * completed → sync_failed (rejected) → completed (edited or retried).
 */

/** A session the engine should send: ended and not confirmed at its current revision. */
export function needsSync(s: LocalSession): boolean {
  return s.status === 'completed';
}

/** The session holds local changes the server has not confirmed. */
export function hasUnconfirmedChanges(s: LocalSession): boolean {
  return s.status !== 'synced';
}

/** The status a session takes after a local edit. */
export function statusAfterEdit(status: LocalSessionStatus): LocalSessionStatus {
  return status === 'active' ? 'active' : 'completed';
}

/** Retry bookkeeping resets on an edit: a rejected session is worth sending again once changed. */
export function clearedRetryState(): Pick<
  LocalSession,
  'lastError' | 'attemptCount' | 'nextAttemptAt'
> {
  return { lastError: null, attemptCount: 0, nextAttemptAt: null };
}
