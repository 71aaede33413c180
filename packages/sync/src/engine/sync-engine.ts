import type { SyncErrorInfo } from '../store/model.js';
import { syncPortOf } from '../store/session-store.js';
import type { SessionStore, StoreChange } from '../store/session-store.js';
import { backoffDelayMs } from './backoff.js';
import type { BatchLimits } from './batching.js';
import { createHttpClient } from './http.js';
import type { FetchLike, Timers } from './http.js';
import { pullChanges, refreshSessions } from './pull.js';
import type { PullStop } from './pull.js';
import { pushSessions } from './push.js';
import type { PushCounts, PushStop } from './push.js';

export interface Connectivity {
  /** null when unknown (then the engine tries). */
  isOnline(): boolean | null;
  subscribe(callback: () => void): () => void;
}

export interface SyncEngineOptions {
  store: SessionStore;
  baseUrl: string;
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
  connectivity?: Connectivity;
  now?: () => number | Date;
  /** Uniform in [0, 1): the jitter of the backoff. */
  random?: () => number;
  /** Called when the server refuses the token (or there is none): the user must sign in again. */
  onAuthRequired?: () => void;
  timers?: Timers;
  /** A request without an answer after this long counts as a network failure. */
  requestTimeoutMs?: number;
  /** Quiet time after the last edit of an ended session before it is sent. */
  editDebounceMs?: number;
  /**
   * How long a deleted session is held back before its tombstone is sent, so the app's Undo
   * (a few seconds) can still restore it; syncNow() sends it at once. Default 8 s.
   */
  undoWindowMs?: number;
  batchLimits?: BatchLimits;
}

export interface SyncProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
}

export interface SyncState {
  readonly running: boolean;
  readonly progress: SyncProgress;
  /** Ended sessions waiting to reach the server. */
  readonly pending: number;
  /** When a run last completed without a whole-run failure. */
  readonly lastSyncAt: string | null;
  /** The failure that stopped the last run, if it did not succeed. */
  readonly lastError: SyncErrorInfo | null;
  readonly authRequired: boolean;
  /** When the engine tries again on its own after a transient failure. */
  readonly nextRetryAt: string | null;
}

export interface SyncReport extends PushCounts {
  /** The run reached the server and pushed and pulled without a whole-run failure. */
  readonly ok: boolean;
  /** Local sessions added or replaced from the server. */
  readonly pulled: number;
  readonly pending: number;
  readonly error: SyncErrorInfo | null;
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface SyncEngine {
  /** Push then pull now, whatever the backoff; never rejects. */
  syncNow(): Promise<SyncReport>;
  /** Turns the automatic triggers on (and runs once). */
  start(): void;
  stop(): void;
  getState(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
}

const NO_PROGRESS: SyncProgress = { total: 0, done: 0, failed: 0 };

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const port = syncPortOf(options.store);
  const timers = options.timers ?? defaultTimers;
  const random = options.random ?? Math.random;
  const nowMs = (): number => {
    const t = options.now ? options.now() : Date.now();
    return typeof t === 'number' ? t : t.getTime();
  };
  const iso = (ms: number): string => new Date(ms).toISOString();
  const fetchImpl: FetchLike | undefined =
    options.fetch ?? (typeof fetch === 'function' ? (url, init) => fetch(url, init) : undefined);
  if (!fetchImpl) throw new TypeError('no fetch available: pass options.fetch');
  const http = createHttpClient({
    baseUrl: options.baseUrl,
    fetch: fetchImpl,
    timers,
    timeoutMs: options.requestTimeoutMs ?? 30_000,
    now: nowMs,
  });
  const editDebounceMs = options.editDebounceMs ?? 3_000;
  const undoWindowMs = options.undoWindowMs ?? 8_000;

  let state: SyncState = {
    running: false,
    progress: NO_PROGRESS,
    pending: port.pendingCount(),
    lastSyncAt: port.lastSyncAt(),
    lastError: null,
    authRequired: false,
    nextRetryAt: null,
  };
  const listeners = new Set<(state: SyncState) => void>();
  let started = false;
  let consecutiveFailures = 0;
  /** A server's Retry-After is honoured even when connectivity comes back. */
  let notBeforeMs = 0;
  let retryAt: number | null = null;
  let retryTimer: unknown = null;
  let editTimer: unknown = null;
  let deleteTimer: unknown = null;
  let current: Promise<SyncReport> | null = null;
  let followUp: Promise<SyncReport> | null = null;
  let followUpForced = false;
  let lastOnline: boolean | null = null;
  /**
   * The token the server refused (null: there was none). Automatic runs with the same token stay
   * quiet instead of asking again; a new token (the user signed in) or syncNow() goes ahead.
   */
  let refusedToken: string | null | undefined;
  let unsubscribeConnectivity: (() => void) | null = null;

  function setState(patch: Partial<SyncState>): void {
    const next = { ...state, ...patch };
    const same = (Object.keys(next) as (keyof SyncState)[]).every((k) => next[k] === state[k]);
    if (same) return;
    state = next;
    for (const listener of [...listeners]) listener(state);
  }

  options.store.subscribe((change: StoreChange) => {
    setState({ pending: port.pendingCount() });
    if (!started) return;
    if (change.reason === 'end') trigger();
    else if (change.reason === 'edit' || change.reason === 'restore') {
      scheduleAfterEdit(change.sessionIds);
    } else if (change.reason === 'delete') scheduleAfterDelete();
  });

  /** A delete goes once the undo time is over (each new delete starts it again). */
  function scheduleAfterDelete(): void {
    if (deleteTimer != null) timers.clearTimeout(deleteTimer);
    deleteTimer = timers.setTimeout(() => {
      deleteTimer = null;
      trigger();
    }, undoWindowMs);
  }

  function scheduleAfterEdit(sessionIds: readonly string[]): void {
    const endedEdited = sessionIds.some(
      (id) => options.store.getSession(id)?.status === 'completed',
    );
    if (!endedEdited) return;
    if (editTimer != null) timers.clearTimeout(editTimer);
    editTimer = timers.setTimeout(() => {
      editTimer = null;
      trigger();
    }, editDebounceMs);
  }

  function online(): boolean | null {
    return options.connectivity ? options.connectivity.isOnline() : null;
  }

  /** An automatic trigger waits for connectivity and for the backoff; a forced one does not. */
  function blocked(): boolean {
    if (online() === false) return true;
    return retryAt != null && nowMs() < retryAt;
  }

  /** start(), a session ended, an ended session edited, connectivity back, the retry timer. */
  function trigger(): void {
    if (started && !blocked()) void requestRun(false);
  }

  function requestRun(force: boolean): Promise<SyncReport> {
    if (!current) return startRun(force);
    // A trigger during a run: exactly one follow-up, shared by every trigger until it starts.
    followUpForced ||= force;
    followUp ??= current.then(() => {
      const forced = followUpForced;
      followUp = null;
      followUpForced = false;
      if (!forced && (!started || blocked())) return skippedReport();
      return startRun(forced);
    });
    return followUp;
  }

  function startRun(force: boolean): Promise<SyncReport> {
    const run = runOnce(force).finally(() => {
      if (current === run) current = null;
    });
    current = run;
    return run;
  }

  function skippedReport(): SyncReport {
    const at = iso(nowMs());
    return {
      ...zeroCounts(),
      ok: false,
      pulled: 0,
      pending: port.pendingCount(),
      error: state.lastError,
      startedAt: at,
      finishedAt: at,
    };
  }

  async function runOnce(force: boolean): Promise<SyncReport> {
    const startedAt = iso(nowMs());
    clearRetryTimer();
    setState({ running: true, progress: { total: port.pendingCount(), done: 0, failed: 0 } });
    let counts = zeroCounts();
    let pulled = 0;
    let error: SyncErrorInfo | null = null;
    try {
      const token = await readToken();
      if (!force && refusedToken !== undefined && token === refusedToken) {
        error = state.lastError ?? authError('sign in again');
      } else if (token == null) {
        error = authError('not signed in');
        requireAuth(error, token);
      } else {
        const push = await pushSessions({
          http,
          token,
          port,
          ...(options.batchLimits ? { limits: options.batchLimits } : {}),
          deletedBefore: force ? Infinity : nowMs() - undoWindowMs,
          onProgress: (synced, failed) => {
            const p = state.progress;
            setState({
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
          const at = scheduleRetry(stop.retryAfterMs);
          if ('attempted' in stop) {
            port.applyOutcomes(
              stop.attempted.map((sent) => ({
                kind: 'deferred' as const,
                sent,
                error: stop.error,
                nextAttemptAt: iso(at),
              })),
            );
          }
        } else if (push.deferredSessions.length > 0) {
          // Some sessions met a server-side error of their own: retry them on the backoff.
          scheduleRetry(null);
        } else {
          consecutiveFailures = 0;
          retryAt = null;
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
      scheduleRetry(null);
    }
    const finishedAt = iso(nowMs());
    const ok = error == null;
    if (ok) port.recordSyncSuccess(finishedAt);
    setState({
      running: false,
      pending: port.pendingCount(),
      lastError: error,
      nextRetryAt: retryAt == null ? null : iso(retryAt),
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
    // Nothing is retried on a timer: only a new sign-in (then a trigger or syncNow) can help.
    retryAt = null;
    setState({ authRequired: true, lastError: error, nextRetryAt: null });
    try {
      options.onAuthRequired?.();
    } catch {
      // The app's callback failing must not turn into a sync failure.
    }
  }

  /** Records one more transient failure and plans the next automatic try; returns its time. */
  function scheduleRetry(retryAfterMs: number | null): number {
    consecutiveFailures += 1;
    const now = nowMs();
    const jitter = backoffDelayMs(consecutiveFailures, random);
    const delay = Math.max(jitter, retryAfterMs ?? 0);
    if (retryAfterMs != null) notBeforeMs = now + retryAfterMs;
    retryAt = now + delay;
    setState({ nextRetryAt: iso(retryAt) });
    armRetryTimer();
    return retryAt;
  }

  function armRetryTimer(): void {
    clearRetryTimer();
    if (!started || retryAt == null) return;
    retryTimer = timers.setTimeout(
      () => {
        retryTimer = null;
        retryAt = null;
        trigger();
      },
      Math.max(0, retryAt - nowMs()),
    );
  }

  function clearRetryTimer(): void {
    if (retryTimer != null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  }

  function onConnectivityChange(): void {
    const now = online();
    const cameBack = lastOnline === false && now !== false;
    lastOnline = now;
    if (!cameBack) return;
    // Back online: the failures were the network's, so try at once (unless the server asked
    // for a pause with Retry-After).
    consecutiveFailures = 0;
    const wait = notBeforeMs - nowMs();
    if (wait > 0) {
      retryAt = notBeforeMs;
      setState({ nextRetryAt: iso(retryAt) });
      armRetryTimer();
      return;
    }
    retryAt = null;
    clearRetryTimer();
    setState({ nextRetryAt: null });
    trigger();
  }

  return {
    syncNow: () => requestRun(true),

    start() {
      if (started) return;
      started = true;
      lastOnline = online();
      unsubscribeConnectivity = options.connectivity?.subscribe(onConnectivityChange) ?? null;
      if (retryAt != null && nowMs() < retryAt) armRetryTimer();
      else trigger();
    },

    stop() {
      started = false;
      unsubscribeConnectivity?.();
      unsubscribeConnectivity = null;
      clearRetryTimer();
      if (editTimer != null) timers.clearTimeout(editTimer);
      editTimer = null;
      if (deleteTimer != null) timers.clearTimeout(deleteTimer);
      deleteTimer = null;
    },

    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function zeroCounts(): PushCounts {
  return { created: 0, duplicate: 0, updated: 0, merged: 0, rejected: 0, deferred: 0 };
}

function authError(message: string): SyncErrorInfo {
  return { code: 'unauthorized', message, permanent: false };
}
