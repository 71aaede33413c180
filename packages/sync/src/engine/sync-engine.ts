import { syncPortOf } from '../store/session-store.js';
import type { SessionStore, StoreChange } from '../store/session-store.js';
import type { BatchLimits } from './batching.js';
import { createHttpClient } from './http.js';
import type { FetchLike, Timers } from './http.js';
import { RetryPlan } from './retry-plan.js';
import { createRunner } from './run.js';
import { SyncScheduler, type Connectivity } from './scheduler.js';
import { EngineState, NO_PROGRESS, isoTime } from './sync-state.js';
import type { SyncReport, SyncState } from './sync-state.js';

export type { Connectivity } from './scheduler.js';
export type { SyncProgress, SyncReport, SyncState } from './sync-state.js';

export interface SyncEngineOptions {
  store: SessionStore;
  baseUrl: string;
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
  connectivity?: Connectivity;
  now?: () => number | Date;
  /** Uniform in [0, 1): the jitter of the backoff. */
  random?: () => number;
  /**
   * Called when the server refuses the token (or there is none): the user must sign in again.
   * Told the token refused, so a token replaced meanwhile (a password change) is not taken for it.
   */
  onAuthRequired?: (refusedToken: string | null) => void;
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

export interface SyncEngine {
  /** Push then pull now, whatever the backoff; never rejects. */
  syncNow(): Promise<SyncReport>;
  /** Turns the automatic triggers on (and runs once). */
  start(): void;
  stop(): void;
  getState(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The engine of one store: its state, the scheduler that decides when to run, and the run itself,
 * wired to the store's sync port and one HTTP client.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const port = syncPortOf(options.store);
  const timers = options.timers ?? defaultTimers;
  const nowMs = (): number => {
    const t = options.now ? options.now() : Date.now();
    return typeof t === 'number' ? t : t.getTime();
  };
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
  const undoWindowMs = options.undoWindowMs ?? 8_000;

  const state = new EngineState({
    running: false,
    progress: NO_PROGRESS,
    pending: port.pendingCount(),
    lastSyncAt: port.lastSyncAt(),
    lastError: null,
    authRequired: false,
    nextRetryAt: null,
  });
  // The retry plan and the scheduler call each other (a due retry triggers a run; a timer is armed
  // only while started): the callbacks reach the scheduler once both exist.
  const retry: RetryPlan = new RetryPlan({
    timers,
    now: nowMs,
    random: options.random ?? Math.random,
    isStarted: (): boolean => scheduler.isStarted,
    onDue: (): void => scheduler.trigger(),
    show: (at) => state.set({ nextRetryAt: at == null ? null : isoTime(at) }),
  });
  const runner = createRunner({
    http,
    port,
    state,
    retry,
    now: nowMs,
    getToken: options.getToken,
    onAuthRequired: options.onAuthRequired,
    batchLimits: options.batchLimits,
    undoWindowMs,
  });
  const scheduler: SyncScheduler = new SyncScheduler({
    store: options.store,
    connectivity: options.connectivity,
    timers,
    retry,
    editDebounceMs: options.editDebounceMs ?? 3_000,
    undoWindowMs,
    run: runner.run,
    skipped: runner.skipped,
  });

  options.store.subscribe((change: StoreChange) => {
    state.set({ pending: port.pendingCount() });
    scheduler.onStoreChange(change);
  });

  return {
    syncNow: () => scheduler.requestRun(true),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    getState: () => state.current,
    subscribe: (listener) => state.subscribe(listener),
  };
}
