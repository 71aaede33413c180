import type { RouteVersion } from './model.js';

/** Route order of every answer: as logged, ties by position then id (deterministic). */
export function compareRoutes(a: RouteVersion, b: RouteVersion): number {
  return (
    Date.parse(a.loggedAt) - Date.parse(b.loggedAt) ||
    a.position - b.position ||
    (a.clientRouteId < b.clientRouteId ? -1 : a.clientRouteId > b.clientRouteId ? 1 : 0)
  );
}
