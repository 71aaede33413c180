import type { RouteValues } from '../../components/RouteForm';
import { quickLog, undoOf } from '../../logbook/quickLog';
import type { QuickOutcome, QuickUndo } from '../../logbook/quickLog';
import { useRequiredAccount } from '../../hooks/services';
import { useActiveSession } from '../../hooks/sessions';
import { useStoreAction } from '../../hooks/useStoreAction';
import type { LocalRoute, LocalSession } from '../../sync/types';

/** A tap the store took: the route as the tap left it, and how to take the tap back. */
export interface QuickLogged {
  route: LocalRoute;
  undo: QuickUndo;
}

export interface LayoutSession {
  /** The running session when it is on this layout. */
  session: LocalSession | null;
  /** The running session when it is on another layout (one runs at a time). */
  elsewhere: LocalSession | null;
  /** Why the last change was refused, for the screen to show. */
  error: string | null;
  start(): void;
  /** Each change answers whether the store took it. */
  logRoute(climbId: string, values: RouteValues): boolean;
  updateRoute(routeId: string, values: RouteValues): boolean;
  /** Removes a route; the Undo strip offers it back. */
  removeRoute(routeId: string, climbName: string): void;
  /** "Try" or "Sent" on a climb row (see quickLog); null when the store refused it. */
  quickLog(climbId: string, outcome: QuickOutcome): QuickLogged | null;
  /** Takes a tap back through the store: the exact route state before it. */
  undo(undo: QuickUndo): boolean;
  saveNotes(notes: string): void;
  /** Ends the session (an empty one is discarded); "Undo" resumes it for a few seconds. */
  end(): boolean;
}

/**
 * The active session of one layout, bound to the local store: every change is a synchronous
 * store call, so logging never waits on the network.
 */
export function useLayoutSession(layoutId: string): LayoutSession {
  const { store, recent } = useRequiredAccount();
  const active = useActiveSession();
  const { error, run } = useStoreAction();
  const session = active?.layoutId === layoutId ? active : null;
  const elsewhere = active && !session ? active : null;
  const inSession = (change: (id: string) => void): boolean =>
    session !== null && run(() => change(session.id));

  return {
    session,
    elsewhere,
    error,
    start: () => void run(() => store.startSession({ layoutId })),
    logRoute: (climbId, values) => inSession((id) => store.logRoute(id, { climbId, ...values })),
    updateRoute: (routeId, values) => inSession((id) => store.updateRoute(id, routeId, values)),
    removeRoute: (routeId, climbName) =>
      void inSession((id) => recent.removeRoute(id, routeId, climbName)),
    quickLog: (climbId, outcome) => {
      let logged: QuickLogged | null = null;
      inSession((id) => {
        const change = quickLog(session?.routes ?? [], climbId, outcome);
        const route =
          change.kind === 'log'
            ? store.logRoute(id, { climbId, ...change.values })
            : store.updateRoute(id, change.routeId, change.values);
        logged = { route, undo: undoOf(change, route.id) };
      });
      return logged;
    },
    undo: (undo) =>
      inSession((id) => {
        // The store tombstones every removal, even of a route that never left the phone (an
        // active session is never sent): the server then keeps an id it never saw as removed.
        // Harmless, and the only removal the store offers.
        if (undo.kind === 'remove') store.removeRoute(id, undo.routeId);
        else store.updateRoute(id, undo.routeId, undo.values);
      }),
    saveNotes: (notes) => void inSession((id) => store.updateNotes(id, notes)),
    // Through the account's recent end: "Undo" stays a few seconds, on History too.
    end: () => inSession((id) => recent.endSession(id)),
  };
}
