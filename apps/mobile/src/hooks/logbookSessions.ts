import { useMemo } from 'react';
import { withRouteContent, type Climb } from '@sendlog/contract';
import type { LogbookSession } from '@sendlog/rules';
import { useCatalogue } from './services';
import { useSessions } from './sessions';
import type { LocalRoute, LocalSession } from '../sync/types';

/** Name shown for a climb the catalogue on this device does not know (yet). */
export const UNKNOWN_CLIMB = 'Unknown climb';

/**
 * A logged route's climb name and grade: the grade the server recorded once the route synced (a
 * regrade since leaves it, as on the server), else the catalogue's on this device.
 */
export function climbOfRoute(
  route: LocalRoute,
  climbsById: ReadonlyMap<string, Climb>,
): { climbName: string; grade: string } {
  const climb = climbsById.get(route.climbId);
  return { climbName: climb?.name ?? UNKNOWN_CLIMB, grade: route.grade ?? climb?.grade ?? '' };
}

/**
 * The device's sessions as the logbook module reads them: every session in the store, synced or
 * still pending (a deleted one is already gone from the store's reads), each route named and graded
 * by the catalogue kept on the device, so Progress and a climb's story work offline and include
 * what was logged a minute ago.
 */
export function toLogbookSessions(
  sessions: readonly LocalSession[],
  climbsById: ReadonlyMap<string, Climb>,
): LogbookSession[] {
  return sessions.map((session) => ({
    id: session.id,
    startTime: session.startTime,
    endTime: session.endTime,
    routes: session.routes.map((route) =>
      withRouteContent({ id: route.id, ...climbOfRoute(route, climbsById) }, route),
    ),
  }));
}

/**
 * The logbook input for this account (the sessions `filter` keeps: one gym's), rebuilt only when
 * a session, the catalogue or the filter changes: a keystroke in a form that has not saved yet
 * recomputes nothing downstream.
 */
export function useLogbookSessions(
  filter?: (sessions: readonly LocalSession[]) => readonly LocalSession[],
): readonly LogbookSession[] {
  const sessions = useSessions();
  const { climbsById } = useCatalogue();
  return useMemo(
    () => toLogbookSessions(filter ? filter(sessions) : sessions, climbsById),
    [sessions, climbsById, filter],
  );
}
