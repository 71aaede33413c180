import type { StatsGradeSource } from '@sendlog/contract';

/**
 * One logged route as the logbook needs it. The server's `SessionRoute` is already this shape;
 * the phone maps its local routes onto it.
 */
export interface LogbookRoute {
  id: string;
  climbId: string;
  climbName: string;
  /** The climb's grade (the catalogue's, not the climber's opinion). */
  grade: string;
  /** The climber's own grade, free text (`V5`, `soft V5`); only a known grade is used. */
  gradeOpinion: string | null;
  isSuccess: boolean;
  attempts: number;
  notes: string | null;
  rating: number | null;
  /** When the route was logged (ISO-8601); `null` for routes logged before it was recorded. */
  loggedAt: string | null;
}

export interface LogbookSession {
  id: string;
  startTime: string;
  endTime: string | null;
  /** A deleted session is left out of every number. */
  deleted?: boolean;
  routes: readonly LogbookRoute[];
}

export interface GradeOptions {
  /** Which grade a try counts at; `route` when left out. */
  grades?: StatsGradeSource;
}
