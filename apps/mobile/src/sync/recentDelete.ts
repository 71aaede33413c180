import { createEmitter } from '../lib/emitter';
import type { SessionStore, SyncEngine } from './types';

/** How long the "Undo" strip stays after a delete. */
export const UNDO_DELETE_MS = 5_000;

export interface RecentDelete {
  readonly sessionId: string;
  /** What the strip calls the session ("Main Wall, 24 Nov 18:05"). */
  readonly label: string;
}

/**
 * The last session the climber deleted, while it can still be undone. Kept beside the account
 * rather than in a screen, so the strip survives leaving the detail screen for History. When the
 * time is over the delete is sent at once (the engine would hold it a little longer on its own).
 */
export interface RecentDeletes {
  get(): RecentDelete | null;
  subscribe(listener: () => void): () => void;
  /** Deletes the session (offline too) and offers its undo. */
  remove(sessionId: string, label: string): void;
  /** False when it is too late (the delete already left). */
  undo(): boolean;
  dispose(): void;
}

export function createRecentDeletes(
  store: SessionStore,
  engine: SyncEngine,
  undoMs = UNDO_DELETE_MS,
): RecentDeletes {
  const emitter = createEmitter();
  let recent: RecentDelete | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function set(next: RecentDelete | null): void {
    if (timer != null) clearTimeout(timer);
    timer = null;
    recent = next;
    emitter.emit();
  }

  return {
    get: () => recent,
    subscribe: emitter.subscribe,
    remove(sessionId, label) {
      store.deleteSession(sessionId);
      set({ sessionId, label });
      timer = setTimeout(() => {
        timer = null;
        recent = null;
        emitter.emit();
        void engine.syncNow();
      }, undoMs);
    },
    undo() {
      const last = recent;
      set(null);
      return last != null && store.undoDelete(last.sessionId) != null;
    },
    dispose() {
      if (timer != null) clearTimeout(timer);
      timer = null;
    },
  };
}
