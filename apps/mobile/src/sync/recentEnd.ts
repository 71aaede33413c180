import { createEmitter } from '../lib/emitter';
import type { SessionStore } from './types';

/** How long "Undo" stays after "End session". */
export const UNDO_END_MS = 6_000;

export interface RecentEnd {
  readonly sessionId: string;
  /** The wall it ran on, where Undo goes back to. */
  readonly layoutId: string | null;
}

/**
 * The session the climber just ended, while the end can be taken back: "End session" is one tap,
 * and a tap too soon (a last climb left) is undone by one more. Kept beside the account rather
 * than in a screen, so the strip survives the move to History. The end itself happens at once
 * (it syncs as usual); Undo resumes the session in the store.
 */
export interface RecentEnds {
  get(): RecentEnd | null;
  subscribe(listener: () => void): () => void;
  /** Ends the session and offers its undo; false when the store refused. */
  end(sessionId: string): boolean;
  /** The session running again, or null when it is too late or another one runs. */
  undo(): RecentEnd | null;
  dispose(): void;
}

export function createRecentEnds(store: SessionStore, undoMs = UNDO_END_MS): RecentEnds {
  const emitter = createEmitter();
  let recent: RecentEnd | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function set(next: RecentEnd | null): void {
    if (timer != null) clearTimeout(timer);
    timer = null;
    recent = next;
    emitter.emit();
  }

  return {
    get: () => recent,
    subscribe: emitter.subscribe,
    end(sessionId) {
      const ended = store.endSession(sessionId);
      // An empty session is discarded, not ended: nothing to take back.
      if (!ended) {
        set(null);
        return true;
      }
      set({ sessionId, layoutId: ended.layoutId });
      timer = setTimeout(() => set(null), undoMs);
      return true;
    },
    undo() {
      const last = recent;
      set(null);
      if (!last || store.getActiveSession()) return null;
      store.resumeSession(last.sessionId);
      return last;
    },
    dispose() {
      if (timer != null) clearTimeout(timer);
      timer = null;
    },
  };
}
