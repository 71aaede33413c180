import type { SyncErrorInfo } from '../store/model.js';
import type { PushCounts } from './push.js';

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

export const NO_PROGRESS: SyncProgress = { total: 0, done: 0, failed: 0 };

/** The engine's state as the app sees it: listeners hear of a change only when a field changed. */
export class EngineState {
  private readonly listeners = new Set<(state: SyncState) => void>();

  constructor(private state: SyncState) {}

  get current(): SyncState {
    return this.state;
  }

  set(patch: Partial<SyncState>): void {
    const next = { ...this.state, ...patch };
    const same = (Object.keys(next) as (keyof SyncState)[]).every((k) => next[k] === this.state[k]);
    if (same) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(this.state);
  }

  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** Times in the state and reports are ISO text. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
