/** The server's view of a session for merging: what each device edit is compared against. */

import type { RouteContent } from '@sendlog/contract';

export interface SessionFields {
  layoutId: string | null;
  startTime: string;
  endTime: string | null;
  notes: string | null;
  /** Where a session away from every catalogued wall took place (null at a wall). */
  place: string | null;
}

/**
 * One version of a route: its declared content (`ROUTE_CONTENT_FIELDS`, so a field added there is
 * merged too) plus identity, place in the session and the time of the edit it comes from.
 */
export type RouteVersion = RouteContent & {
  clientRouteId: string;
  position: number;
  /** Time of the edit this version comes from (clamped to server time on receipt). */
  updatedAt: string;
};

export interface SessionState {
  fields: SessionFields;
  /** Time of the session-field edit that won. */
  updatedAt: string;
  routes: ReadonlyMap<string, RouteVersion>;
  /** clientRouteIds removed from this session: they stay removed. */
  tombstones: ReadonlySet<string>;
  /**
   * The climber deleted the session: for good, whatever arrives later. A deleted state holds no
   * content (see `tombstoneOf`); `updatedAt` is then the time of the delete that won.
   */
  deleted: boolean;
}

/** One validated, normalized snapshot as it arrived. */
export interface IncomingSnapshot {
  /** `c:<clientSessionId>`, `h:<Idempotency-Key>` or `t:<startTime>`. */
  key: string;
  clientSessionId: string | null;
  baseRevision: number | null;
  state: SessionState;
  /** Routes in the order the snapshot listed them (for `routeIds` of a creation). */
  routeOrder: string[];
}

export type SyncOutcome = 'created' | 'duplicate' | 'updated' | 'merged';
