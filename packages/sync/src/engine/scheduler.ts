import type { SessionStore, StoreChange } from '../store/session-store.js';
import type { Timers } from './http.js';
import type { RetryPlan } from './retry-plan.js';
import type { SyncReport } from './sync-state.js';

export interface Connectivity {
  /** null when unknown (then the engine tries). */
  isOnline(): boolean | null;
  subscribe(callback: () => void): () => void;
}

export interface SchedulerOptions {
  store: SessionStore;
  connectivity?: Connectivity | undefined;
  timers: Timers;
  retry: RetryPlan;
  /** Quiet time after the last edit of an ended session before it is sent. */
  editDebounceMs: number;
  /** How long a deleted session is held back before its tombstone is sent. */
  undoWindowMs: number;
  /** One run of sync; the scheduler never starts a second while one is going. */
  run: (force: boolean) => Promise<SyncReport>;
  /** The report of a follow-up that found it had nothing it may do. */
  skipped: () => SyncReport;
}

/**
 * When the engine runs: on start, a session ended, an ended one edited (after a quiet time), a
 * delete past its undo time, connectivity back, the retry timer, or syncNow. One run at a time,
 * and a trigger during a run asks for exactly one follow-up.
 */
export class SyncScheduler {
  private started = false;
  private editTimer: unknown = null;
  private deleteTimer: unknown = null;
  private current: Promise<SyncReport> | null = null;
  private followUp: Promise<SyncReport> | null = null;
  private followUpForced = false;
  private lastOnline: boolean | null = null;
  private unsubscribeConnectivity: (() => void) | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  get isStarted(): boolean {
    return this.started;
  }

  /** Turns the automatic triggers on (and runs once, unless a retry is planned for later). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.lastOnline = this.online();
    this.unsubscribeConnectivity =
      this.options.connectivity?.subscribe(() => this.onConnectivityChange()) ?? null;
    if (this.options.retry.isWaiting()) this.options.retry.arm();
    else this.trigger();
  }

  stop(): void {
    const { timers } = this.options;
    this.started = false;
    this.unsubscribeConnectivity?.();
    this.unsubscribeConnectivity = null;
    this.options.retry.clearTimer();
    if (this.editTimer != null) timers.clearTimeout(this.editTimer);
    this.editTimer = null;
    if (this.deleteTimer != null) timers.clearTimeout(this.deleteTimer);
    this.deleteTimer = null;
  }

  onStoreChange(change: StoreChange): void {
    if (!this.started) return;
    if (change.reason === 'end') this.trigger();
    else if (change.reason === 'edit' || change.reason === 'restore') {
      this.scheduleAfterEdit(change.sessionIds);
    } else if (change.reason === 'delete') this.scheduleAfterDelete();
  }

  /** An automatic trigger: it waits for connectivity and for the backoff. */
  trigger(): void {
    if (this.started && !this.blocked()) void this.requestRun(false);
  }

  /** A run now (forced: whatever the backoff), or the follow-up of the one going. */
  requestRun(force: boolean): Promise<SyncReport> {
    const current = this.current;
    if (!current) return this.startRun(force);
    // A trigger during a run: exactly one follow-up, shared by every trigger until it starts.
    this.followUpForced ||= force;
    this.followUp ??= current.then(() => {
      const forced = this.followUpForced;
      this.followUp = null;
      this.followUpForced = false;
      if (!forced && (!this.started || this.blocked())) return this.options.skipped();
      return this.startRun(forced);
    });
    return this.followUp;
  }

  private startRun(force: boolean): Promise<SyncReport> {
    const run = this.options.run(force).finally(() => {
      if (this.current === run) this.current = null;
    });
    this.current = run;
    return run;
  }

  /** A delete goes once the undo time is over (each new delete starts it again). */
  private scheduleAfterDelete(): void {
    const { timers } = this.options;
    if (this.deleteTimer != null) timers.clearTimeout(this.deleteTimer);
    this.deleteTimer = timers.setTimeout(() => {
      this.deleteTimer = null;
      this.trigger();
    }, this.options.undoWindowMs);
  }

  private scheduleAfterEdit(sessionIds: readonly string[]): void {
    const { timers, store } = this.options;
    const endedEdited = sessionIds.some((id) => store.getSession(id)?.status === 'completed');
    if (!endedEdited) return;
    if (this.editTimer != null) timers.clearTimeout(this.editTimer);
    this.editTimer = timers.setTimeout(() => {
      this.editTimer = null;
      this.trigger();
    }, this.options.editDebounceMs);
  }

  private online(): boolean | null {
    return this.options.connectivity ? this.options.connectivity.isOnline() : null;
  }

  private blocked(): boolean {
    if (this.online() === false) return true;
    return this.options.retry.isWaiting();
  }

  private onConnectivityChange(): void {
    const now = this.online();
    const cameBack = this.lastOnline === false && now !== false;
    this.lastOnline = now;
    if (!cameBack) return;
    if (this.options.retry.connectivityBack()) this.trigger();
  }
}
