import type { RouteContent, StatsGradeSource } from '@sendlog/contract';

/**
 * One logged route as the logbook needs it: its declared content (`ROUTE_CONTENT_FIELDS`) and the
 * climb's name and grade as they were recorded. The server's `SessionRoute` is already this
 * shape; the phone maps its local routes onto it.
 */
export type LogbookRoute = Omit<RouteContent, 'loggedAt'> & {
  id: string;
  climbName: string;
  /** The climb's grade (the catalogue's, not the climber's `gradeOpinion`). */
  grade: string;
  /** When the route was logged (ISO-8601); `null` for routes logged before it was recorded. */
  loggedAt: string | null;
};

export interface LogbookSession {
  id: string;
  startTime: string;
  endTime: string | null;
  /** Where a session away from every catalogued wall took place; null or absent at a wall. */
  place?: string | null;
  /** A deleted session is left out of every number. */
  deleted?: boolean;
  routes: readonly LogbookRoute[];
}

export interface GradeOptions {
  /** Which grade a try counts at; `route` when left out. */
  grades?: StatsGradeSource;
}
