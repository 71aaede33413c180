import {
  isTombstone,
  withRouteContent,
  type Session,
  type SessionOrTombstone,
} from '@sendlog/contract';
import type { LocalRoute, LocalSession } from './model.js';
import { clearedRetryState } from './status.js';

/** The local route a server route stands for: its `clientRouteId` is the local id. */
export function routeFromServer(r: Session['routes'][number]): LocalRoute {
  return withRouteContent({ id: r.clientRouteId, updatedAt: r.updatedAt, grade: r.grade }, r);
}

/**
 * The server's copy as a confirmed local session. `local` is the copy it replaces (its identity and
 * revision counter are kept); without one, the session is new to this device.
 */
export function sessionFromServer(s: Session, local: LocalSession | null): LocalSession {
  const localRevision = local?.localRevision ?? 1;
  return {
    id: local?.id ?? s.clientSessionId ?? s.id,
    clientSessionId: local ? local.clientSessionId : s.clientSessionId,
    layoutId: s.layoutId,
    ...(s.place != null ? { place: s.place } : {}),
    startTime: s.startTime,
    endTime: s.endTime,
    notes: s.notes,
    routes: s.routes.map(routeFromServer),
    removedRouteIds: [],
    status: 'synced',
    updatedAt: s.updatedAt,
    localRevision,
    sentRevision: localRevision,
    serverRevision: s.revision,
    serverSessionId: s.id,
    ...clearedRetryState(),
    ...(local?.legacy ? { legacy: local.legacy } : {}),
  };
}

/**
 * The server applies the same key: `clientSessionId`, else the user's start time (a tombstone
 * has none: it is known by its server id).
 */
export function sameIdentity(local: LocalSession, s: SessionOrTombstone): boolean {
  if (local.serverSessionId === s.id) return true;
  if (s.clientSessionId != null) return local.clientSessionId === s.clientSessionId;
  if (isTombstone(s)) return false;
  return local.clientSessionId == null && Date.parse(local.startTime) === Date.parse(s.startTime);
}
