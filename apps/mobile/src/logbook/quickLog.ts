import type { LocalRoute } from '../sync/types';

/** The two buttons of a climb row: one more go that did not top out, or the send. */
export type QuickOutcome = 'try' | 'sent';

/** The fields a tap sets; notes, stars and the climber's grade stay for the full form. */
export interface QuickValues {
  isSuccess: boolean;
  attempts: number;
}

/** What one tap does to the running session. */
export type QuickChange =
  | { kind: 'log'; climbId: string; values: QuickValues }
  | { kind: 'update'; routeId: string; values: QuickValues; before: QuickValues };

/** How to take a tap back: the exact state before it. */
export type QuickUndo =
  { kind: 'remove'; routeId: string } | { kind: 'revert'; routeId: string; values: QuickValues };

/**
 * The route of this session a tap on `climbId` builds on: its latest route on that climb, while
 * that one is not sent yet. A sent route is finished; a later go on the same climb is a new route.
 */
export function openRouteOf(routes: readonly LocalRoute[], climbId: string): LocalRoute | null {
  for (let i = routes.length - 1; i >= 0; i -= 1) {
    const route = routes[i];
    if (route?.climbId === climbId) return route.isSuccess ? null : route;
  }
  return null;
}

/**
 * What "Try" or "Sent" on a climb does, given the session's routes. Tries on one climb add up in
 * one route rather than a row each; the send counts as one more attempt (climbers count the
 * sending go), so three tries then "Sent" is a send in 4 attempts, and "Sent" alone is 1 attempt.
 */
export function quickLog(
  routes: readonly LocalRoute[],
  climbId: string,
  outcome: QuickOutcome,
): QuickChange {
  const isSuccess = outcome === 'sent';
  const open = openRouteOf(routes, climbId);
  if (!open) return { kind: 'log', climbId, values: { isSuccess, attempts: 1 } };
  return {
    kind: 'update',
    routeId: open.id,
    values: { isSuccess, attempts: open.attempts + 1 },
    before: { isSuccess: open.isSuccess, attempts: open.attempts },
  };
}

/** The undo of a change the store applied (`routeId`: the route it made or changed). */
export function undoOf(change: QuickChange, routeId: string): QuickUndo {
  return change.kind === 'log'
    ? { kind: 'remove', routeId }
    : { kind: 'revert', routeId, values: change.before };
}
