import { withRouteContent } from '@sendlog/contract';
import { compareRoutes, sameRoute, type RouteVersion, type SessionState } from '@sendlog/rules';
import type { StoredRoute, StoredSession } from '../session-repository.js';

// What one batch must write: the difference between the stored sessions and where the batch's
// decisions left them, as row sets (see write.ts for the statements).

export interface SessionWrite {
  id: string;
  idempotencyKey: string;
  clientSessionId: string | null;
  state: SessionState;
  revision: number;
  changeSeq: number;
  createdAt: string;
  lastSnapshotHash: string | null;
}
export interface RouteWrite extends StoredRoute {
  sessionId: string;
}

export interface WriteSet {
  inserts: SessionWrite[];
  updates: SessionWrite[];
  /** Routes of inserted sessions: nothing of theirs can be stored yet, so a plain insert. */
  routeInserts: RouteWrite[];
  /** New or changed routes of stored sessions. */
  routeUpserts: RouteWrite[];
  routeDeletes: { sessionId: string; clientRouteId: string }[];
  tombstones: { sessionId: string; clientRouteId: string }[];
  /**
   * For the community fold (catalogue/community-aggregate.ts): the routes added to catalogue
   * climbs of live sessions, whose values are queued, and the climbs whose routes of this climber
   * changed otherwise (edited, removed, moved, a session deleted or restored), to recompute.
   */
  communityAdds: RouteWrite[];
  communityRecompute: string[];
  changeSeq: number | null;
}

/**
 * A route's server identity and the catalogue climb it was first logged on (name, grade
 * snapshotted then); `climbId` null for an unlisted climb, whose name and grade are its content.
 */
export interface RouteMeta {
  id: string;
  climbId: string | null;
  climbName: string;
  grade: string;
}

/** A session while the batch is decided: several snapshots of one batch may share its key. */
export interface Working {
  id: string;
  key: string;
  clientSessionId: string | null;
  createdAt: string;
  revision: number;
  state: SessionState;
  /** Server identity and snapshotted grade of each route, by clientRouteId. */
  routeMeta: Map<string, RouteMeta>;
  stored: StoredSession | undefined;
  /** Hash of the last snapshot that changed this session (see ingest/read.ts). */
  lastSnapshotHash: string | null;
}

/** A route with its server identity and snapshotted grade, its content copied by the declared list. */
export function storedRouteOf(w: Working, r: RouteVersion): StoredRoute {
  const meta = w.routeMeta.get(r.clientRouteId);
  if (!meta) throw new Error(`route ${r.clientRouteId} has no server identity`);
  return withRouteContent(
    {
      id: meta.id,
      clientRouteId: r.clientRouteId,
      climbName: r.climb?.name ?? meta.climbName,
      grade: r.climb?.grade ?? meta.grade,
      position: r.position,
      updatedAt: r.updatedAt,
    },
    r,
  );
}

function routesOf(w: Working): StoredRoute[] {
  return [...w.state.routes.values()].sort(compareRoutes).map((r) => storedRouteOf(w, r));
}

export function snapshotOf(w: Working): StoredSession {
  return {
    id: w.id,
    idempotencyKey: w.key,
    clientSessionId: w.clientSessionId,
    revision: w.revision,
    createdAt: w.createdAt,
    changeSeq: 0,
    state: w.state,
    routes: routesOf(w),
  };
}

/** The difference between what was stored and where the batch ended, as row sets. */
export function writeSetOf(sessions: Working[], baseSeq: number): WriteSet {
  const set: WriteSet = {
    inserts: [],
    updates: [],
    routeInserts: [],
    routeUpserts: [],
    routeDeletes: [],
    tombstones: [],
    communityAdds: [],
    communityRecompute: [],
    changeSeq: null,
  };
  /** Climbs to recompute; unlisted climbs (null) have no community view. */
  const climbs = new Set<string>();
  const touch = (climbs: Set<string>, climbId: string | null) => {
    if (climbId !== null) climbs.add(climbId);
  };
  let seq = baseSeq;
  for (const w of sessions) {
    const before = w.stored;
    if (before && before.revision === w.revision) continue; // every snapshot was a duplicate
    seq += 1;
    const row: SessionWrite = {
      id: w.id,
      idempotencyKey: w.key,
      clientSessionId: w.clientSessionId,
      state: w.state,
      revision: w.revision,
      changeSeq: seq,
      createdAt: w.createdAt,
      lastSnapshotHash: w.lastSnapshotHash,
    };
    (before ? set.updates : set.inserts).push(row);
    // Row order does not matter to the insert: no sorting, no intermediate copies.
    const old = new Map(before?.routes.map((r) => [r.clientRouteId, r]));
    // Deleting a session hides its routes from the community whether or not they are removed.
    const deletedNow = w.state.deleted !== (before?.state.deleted ?? false);
    for (const route of w.state.routes.values()) {
      const prior = old.get(route.clientRouteId);
      if (prior && sameRoute(prior, route) && prior.climbId === route.climbId) {
        if (deletedNow) touch(climbs, route.climbId);
        continue;
      }
      const write: RouteWrite = Object.assign(storedRouteOf(w, route), { sessionId: w.id });
      (before ? set.routeUpserts : set.routeInserts).push(write);
      if (!prior && !w.state.deleted && !deletedNow) {
        if (route.climbId !== null) set.communityAdds.push(write);
        continue;
      }
      touch(climbs, route.climbId);
      // A route moved to another climb leaves the old one.
      if (prior) touch(climbs, prior.climbId);
    }
    for (const [id, prior] of old) {
      if (w.state.routes.has(id)) continue;
      set.routeDeletes.push({ sessionId: w.id, clientRouteId: id });
      touch(climbs, prior.climbId);
    }
    for (const id of w.state.tombstones) {
      if (!before?.state.tombstones.has(id))
        set.tombstones.push({ sessionId: w.id, clientRouteId: id });
    }
  }
  if (seq !== baseSeq) set.changeSeq = seq;
  set.communityRecompute = [...climbs];
  return set;
}
