import { EDITABLE_ROUTE_FIELD_NAMES, type EditableRouteField } from '@sendlog/contract';
import { createEmitter } from '../lib/emitter';
import type { LocalRoute, LogRouteInput, SessionStore, SyncEngine } from './types';

/**
 * How long "Undo" stays after an end, a delete or a removal: one time for all of them (a tap on
 * "Try" or "Sent" offers its own Undo as long). Shorter than the engine's hold on deletes, so a
 * delete still undoable has never left the phone.
 */
export const UNDO_MS = 6_000;

export type RecentAction =
  | {
      readonly kind: 'end';
      readonly text: string;
      readonly sessionId: string;
      readonly layoutId: string | null;
    }
  | { readonly kind: 'delete'; readonly text: string; readonly sessionId: string }
  | {
      readonly kind: 'remove';
      readonly text: string;
      readonly sessionId: string;
      readonly route: LocalRoute;
    };

/**
 * The last thing done that "Undo" can take back — a session ended, a session deleted, a route
 * removed — one at a time, for UNDO_MS. Each happens at once in the store (offline too) and is
 * offered back by the one strip every screen shows (RecentActionStrip). Kept beside the account
 * rather than in a screen, so the strip survives the move from a session to History. A new action
 * ends the last one's time: a delete past its time is sent at once.
 */
export interface RecentActions {
  get(): RecentAction | null;
  subscribe(listener: () => void): () => void;
  /** Ends the session; an empty one is discarded, with nothing to take back. */
  endSession(sessionId: string): void;
  /** Deletes the session everywhere; `label` names it in the strip ("Main Wall, Mon 18:05"). */
  deleteSession(sessionId: string, label: string): void;
  removeRoute(sessionId: string, routeId: string, climbName: string): void;
  /** The action taken back, or null when it is too late (or, for an end, another session runs). */
  undo(): RecentAction | null;
  dispose(): void;
}

export function createRecentActions(
  store: SessionStore,
  engine: SyncEngine,
  undoMs = UNDO_MS,
): RecentActions {
  const emitter = createEmitter();
  let recent: RecentAction | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** The time of the action offered is over (or cut short by a new one). */
  function expire(): void {
    if (timer != null) clearTimeout(timer);
    timer = null;
    const last = recent;
    recent = null;
    // The engine would hold a delete a little longer on its own: past Undo, it goes now.
    if (last?.kind === 'delete') void engine.syncNow();
  }

  function offer(action: RecentAction | null): void {
    expire();
    recent = action;
    if (action)
      timer = setTimeout(() => {
        expire();
        emitter.emit();
      }, undoMs);
    emitter.emit();
  }

  function takeBack(action: RecentAction): boolean {
    switch (action.kind) {
      case 'end':
        if (store.getActiveSession()) return false;
        store.resumeSession(action.sessionId);
        return true;
      case 'delete':
        return store.undoDelete(action.sessionId) != null;
      case 'remove': {
        // The removal stays remembered (the server may have the route already): the route comes
        // back as a new one with what it said, at the session's end.
        // Every field the climber can log, from the one field list (an unlisted climb included).
        const input: Partial<Record<EditableRouteField, unknown>> = {};
        for (const name of EDITABLE_ROUTE_FIELD_NAMES) input[name] = action.route[name];
        if (!store.getSession(action.sessionId)) return false;
        store.logRoute(action.sessionId, input as LogRouteInput);
        return true;
      }
    }
  }

  return {
    get: () => recent,
    subscribe: emitter.subscribe,
    endSession(sessionId) {
      const ended = store.endSession(sessionId);
      offer(
        ended ? { kind: 'end', text: 'Session ended.', sessionId, layoutId: ended.layoutId } : null,
      );
    },
    deleteSession(sessionId, label) {
      store.deleteSession(sessionId);
      offer({ kind: 'delete', text: `Deleted ${label}.`, sessionId });
    },
    removeRoute(sessionId, routeId, climbName) {
      const route = store.getSession(sessionId)?.routes.find((r) => r.id === routeId);
      store.removeRoute(sessionId, routeId);
      if (route) offer({ kind: 'remove', text: `Removed ${climbName}.`, sessionId, route });
    },
    undo() {
      const last = recent;
      if (timer != null) clearTimeout(timer);
      timer = null;
      recent = null;
      emitter.emit();
      return last && takeBack(last) ? last : null;
    },
    dispose() {
      if (timer != null) clearTimeout(timer);
      timer = null;
    },
  };
}
