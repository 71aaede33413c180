import type { SyncErrorInfo } from '../store/model.js';
import type { SyncPort } from '../store/sync-port.js';
import type { BatchLimits } from './batching.js';
import type { HttpClient } from './http.js';
import { pullChanges, refreshSessions } from './pull.js';
import type { PullStop } from './pull.js';
import { pushSessions } from './push.js';
import type { PushCounts, PushStop } from './push.js';
import type { RetryPlan } from './retry-plan.js';
import { isoTime, type EngineState, type SyncReport } from './sync-state.js';

export interface RunnerOptions {
  http: HttpClient;
  port: SyncPort;
  state: EngineState;
  retry: RetryPlan;
  now: () => number;
  getToken: () => string | null | Promise<string | null>;
  onAuthRequired?: ((refusedToken: string | null) => void) | undefined;
  batchLimits?: BatchLimits | undefined;
  /** Automatic runs hold back tombstones of deletes younger than this. */
  undoWindowMs: number;
}

export interface Runner {
  /** One push then pull; never rejects. Forced: a refused token is tried again, every delete sent. */
  run(force: boolean): Promise<SyncReport>;
  /** The report of a run that did not happen. */
  skipped(): SyncReport;
}

/** One run of sync and what its end means for the state, the backoff and the sign-in. */
export function createRunner(options: RunnerOptions): Runner {
  const { http, port, state, retry, now } = options;
  /**
   * The token the server refused (null: there was none). Automatic runs with the same token stay
   * quiet instead of asking again; a new token (the user signed in) or syncNow() goes ahead.
   */
  let refusedToken: string | null | undefined;

  async function run(force: boolean): Promise<SyncReport> {
    const startedAt = isoTime(now());
    retry.clearTimer();
    state.set({ running: true, progress: { total: port.pendingCount(), done: 0, failed: 0 } });
    let counts = zeroCounts();
    let pulled = 0;
    let error: SyncErrorInfo | null = null;
    try {
      const token = await readToken();
      if (!force && refusedToken !== undefined && token === refusedToken) {
        error = state.current.lastError ?? authError('sign in again');
      } else if (token == null) {
        error = authError('not signed in');
        requireAuth(error, token);
      } else {
        const push = await pushSessions({
          http,
          token,
          port,
          ...(options.batchLimits ? { limits: options.batchLimits } : {}),
          deletedBefore: force ? Infinity : now() - options.undoWindowMs,
          onProgress: (synced, failed) => {
            const p = state.current.progress;
            state.set({
              progress: { total: p.total, done: p.done + synced, failed: p.failed + failed },
            });
          },
        });
        counts = push.counts;
        let stop: PushStop | PullStop | null = push.stop;
        if (!stop) {
          const pull = await pullChanges({ http, token, port });
          pulled = pull.changed;
          stop = pull.stop;
          if (!stop && push.refresh.length > 0) {
            const serverSessionIds = push.refresh;
            pulled += await refreshSessions({ http, token, port, serverSessionIds });
          }
        }
        if (stop?.kind === 'unauthorized') {
          error = stop.error;
          requireAuth(error, token);
        } else if (stop) {
          error = stop.error;
          const at = retry.failed(stop.retryAfterMs);
          if ('attempted' in stop) {
            port.applyOutcomes(
              stop.attempted.map((sent) => ({
                kind: 'deferred' as const,
                sent,
                error: stop.error,
                nextAttemptAt: isoTime(at),
              })),
            );
          }
        } else if (push.deferredSessions.length > 0) {
          // Some sessions met a server-side error of their own: retry them on the backoff.
          retry.failed(null);
        } else {
          retry.succeeded();
        }
        if (!stop) refusedToken = undefined;
      }
    } catch (unexpected) {
      // Storage or a bug: never thrown at the UI; reported and retried like a transient failure.
      error = {
        code: 'client_error',
        message: unexpected instanceof Error ? unexpected.message : String(unexpected),
        permanent: false,
      };
      retry.failed(null);
    }
    const finishedAt = isoTime(now());
    const ok = error == null;
    if (ok) port.recordSyncSuccess(finishedAt);
    const { retryAt } = retry;
    state.set({
      running: false,
      pending: port.pendingCount(),
      lastError: error,
      nextRetryAt: retryAt == null ? null : isoTime(retryAt),
      ...(ok ? { lastSyncAt: finishedAt, authRequired: false } : {}),
    });
    return { ...counts, ok, pulled, pending: port.pendingCount(), error, startedAt, finishedAt };
  }

  async function readToken(): Promise<string | null> {
    try {
      const token = await options.getToken();
      return token == null || token === '' ? null : token;
    } catch {
      return null;
    }
  }

  function requireAuth(error: SyncErrorInfo, token: string | null): void {
    refusedToken = token;
    retry.forget();
    state.set({ authRequired: true, lastError: error, nextRetryAt: null });
    try {
      options.onAuthRequired?.(token);
    } catch {
      // The app's callback failing must not turn into a sync failure.
    }
  }

  function skipped(): SyncReport {
    const at = isoTime(now());
    return {
      ...zeroCounts(),
      ok: false,
      pulled: 0,
      pending: port.pendingCount(),
      error: state.current.lastError,
      startedAt: at,
      finishedAt: at,
    };
  }

  return { run, skipped };
}

function zeroCounts(): PushCounts {
  return { created: 0, duplicate: 0, updated: 0, merged: 0, rejected: 0, deferred: 0 };
}

function authError(message: string): SyncErrorInfo {
  return { code: 'unauthorized', message, permanent: false };
}
