import { backoffDelayMs } from './backoff.js';
import type { Timers } from './http.js';

export interface RetryPlanOptions {
  timers: Timers;
  now: () => number;
  /** Uniform in [0, 1): the jitter of the backoff. */
  random: () => number;
  /** Automatic runs are on: only then is a retry timer armed. */
  isStarted: () => boolean;
  /** The planned retry is due. */
  onDue: () => void;
  /** Shows a new retry time (null: none) where nothing else of the state changes with it. */
  show: (retryAt: number | null) => void;
}

/**
 * When the engine tries again on its own after transient failures: the backoff with jitter, a
 * server's Retry-After, and the one timer that brings the retry about.
 */
export class RetryPlan {
  private consecutiveFailures = 0;
  /** A server's Retry-After is honoured even when connectivity comes back. */
  private notBeforeMs = 0;
  private at: number | null = null;
  private timer: unknown = null;

  constructor(private readonly options: RetryPlanOptions) {}

  /** Epoch ms of the next automatic try, null when none is planned. */
  get retryAt(): number | null {
    return this.at;
  }

  /** An automatic run has to wait for the planned retry. */
  isWaiting(): boolean {
    return this.at != null && this.options.now() < this.at;
  }

  /** Records one more transient failure and plans the next automatic try; returns its time. */
  failed(retryAfterMs: number | null): number {
    this.consecutiveFailures += 1;
    const now = this.options.now();
    const jitter = backoffDelayMs(this.consecutiveFailures, this.options.random);
    const delay = Math.max(jitter, retryAfterMs ?? 0);
    if (retryAfterMs != null) this.notBeforeMs = now + retryAfterMs;
    const at = now + delay;
    this.at = at;
    this.options.show(at);
    this.arm();
    return at;
  }

  /** A run went through: the backoff starts again from the bottom. */
  succeeded(): void {
    this.consecutiveFailures = 0;
    this.at = null;
  }

  /** Nothing is retried on a timer: only a new sign-in (then a trigger or syncNow) can help. */
  forget(): void {
    this.at = null;
  }

  /**
   * Back online: the failures were the network's, so the retry is now (unless the server asked
   * for a pause with Retry-After). True when a run may start at once.
   */
  connectivityBack(): boolean {
    this.consecutiveFailures = 0;
    const wait = this.notBeforeMs - this.options.now();
    if (wait > 0) {
      this.at = this.notBeforeMs;
      this.options.show(this.at);
      this.arm();
      return false;
    }
    this.at = null;
    this.clearTimer();
    this.options.show(null);
    return true;
  }

  arm(): void {
    this.clearTimer();
    const at = this.at;
    if (!this.options.isStarted() || at == null) return;
    this.timer = this.options.timers.setTimeout(
      () => {
        this.timer = null;
        this.at = null;
        this.options.onDue();
      },
      Math.max(0, at - this.options.now()),
    );
  }

  clearTimer(): void {
    if (this.timer != null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
