import { useMemo } from 'react';
import { climbKeyOf, withRouteContent, type Climb } from '@sendlog/contract';
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
  // An unlisted climb names itself: its name and grade as the climber wrote them.
  if (route.climb != null) return { climbName: route.climb.name, grade: route.climb.grade };
  const climb = route.climbId === null ? undefined : climbsById.get(route.climbId);
  return { climbName: climb?.name ?? UNKNOWN_CLIMB, grade: route.grade ?? climb?.grade ?? '' };
}

/**
 * The climb a route logs, as the screens show climbs: the catalogue's, or for an unlisted climb
 * one made of the route's own (its id the climb's key, which its story is opened with).
 */
export function climbForRoute(
  route: LocalRoute,
  climbsById: ReadonlyMap<string, Climb>,
): Climb | undefined {
  if (route.climb == null)
    return route.climbId === null ? undefined : climbsById.get(route.climbId);
  return {
    id: climbKeyOf(route),
    layoutId: '',
    name: route.climb.name,
    grade: route.climb.grade,
    color: null,
    position: null,
    setter: null,
    setAt: null,
    archived: false,
    community: { grade: null, rating: null, sends: 0, climbers: 0 },
  };
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
    place: session.place ?? null,
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
