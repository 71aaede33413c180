/**
 * A session snapshot as `POST /sessions/sync/bulk` takes it (docs/api.md), in the shape of a session
 * elsewhere with unlisted climbs: what an import hands to the one ingest path of sync, which
 * validates it like any phone's.
 */
export interface RouteDraft {
  clientRouteId: string;
  climbId: string | null;
  climb?: { name: string; grade: string; kind: 'boulder' | 'route' };
  isSuccess: boolean;
  attempts: number;
  notes: string | null;
  rating: number | null;
  gradeOpinion: string | null;
  loggedAt: string | null;
  updatedAt: string | null;
}

export interface SnapshotDraft {
  clientSessionId: string;
  layoutId: string | null;
  place?: string | null;
  startTime: string;
  endTime: string | null;
  notes: string | null;
  baseRevision: null;
  updatedAt: string;
  routes: RouteDraft[];
}

/** A snapshot with the file line each of its routes came from. */
export interface PlannedSession {
  snapshot: SnapshotDraft;
  lines: number[];
}
