import { ROUTE_CONTENT_FIELD_NAMES } from '@sendlog/contract';
import type {
  IncomingSnapshot,
  RouteVersion,
  SessionFields,
  SessionState,
  SyncOutcome,
} from './model.js';

/*
 * The exactly-once / merge table of docs/api.md as pure functions. The merge is a join: fields and each
 * route take the greater (updatedAt, JSON text) pair, tombstones only grow, and a deleted session
 * sits above every live one (deletes among themselves take the greater pair too). A join is
 * commutative, associative and idempotent, so devices that sync the same edits in any order end
 * equal.
 */

// `place` last: a session without one ties exactly as it did before places existed.
const fieldsText = (f: SessionFields) =>
  JSON.stringify([f.layoutId, f.startTime, f.endTime, f.notes, f.place]);

/** The route's content in the declared order, then its position: the tie-break text. */
function routeText(r: RouteVersion): string {
  const values: unknown[] = [];
  for (const name of ROUTE_CONTENT_FIELD_NAMES) values.push(r[name]);
  values.push(r.position);
  return JSON.stringify(values);
}

/** Compares ISO instants by time, then the content text: a total order, so ties cannot depend on arrival. */
function compareVersions(aTime: string, aText: string, bTime: string, bText: string): number {
  const dt = Date.parse(aTime) - Date.parse(bTime);
  if (dt !== 0) return dt;
  return aText < bText ? -1 : aText > bText ? 1 : 0;
}

function newerRoute(a: RouteVersion, b: RouteVersion): RouteVersion {
  return compareVersions(a.updatedAt, routeText(a), b.updatedAt, routeText(b)) >= 0 ? a : b;
}

function withoutTombstoned(routes: Map<string, RouteVersion>, tombstones: ReadonlySet<string>) {
  for (const id of tombstones) routes.delete(id);
  return routes;
}

/**
 * What a deleted session keeps: its start (the key of sessions known by start time) and the time
 * of the delete. Notes, routes and removed route ids are dropped: a deleted session's words do not
 * linger on the server, and nothing of it can come back.
 */
export function tombstoneOf(s: SessionState): SessionState {
  return {
    fields: {
      layoutId: null,
      startTime: s.fields.startTime,
      endTime: null,
      notes: null,
      place: null,
    },
    updatedAt: s.updatedAt,
    routes: new Map(),
    tombstones: new Set(),
    deleted: true,
  };
}

/** Either side deleted: the delete wins; two deletes, the later one (a total order, as fields). */
function joinDeleted(current: SessionState, incoming: SessionState): SessionState {
  if (!incoming.deleted) return current;
  if (!current.deleted) return tombstoneOf(incoming);
  const incomingWins =
    compareVersions(
      incoming.updatedAt,
      fieldsText(incoming.fields),
      current.updatedAt,
      fieldsText(current.fields),
    ) > 0;
  return incomingWins ? tombstoneOf(incoming) : current;
}

/** First sync of a key: the snapshot as sent, minus the routes it says were removed. */
export function createState(incoming: SessionState): SessionState {
  if (incoming.deleted) return tombstoneOf(incoming);
  return {
    fields: incoming.fields,
    updatedAt: incoming.updatedAt,
    routes: withoutTombstoned(new Map(incoming.routes), incoming.tombstones),
    tombstones: new Set(incoming.tombstones),
    deleted: false,
  };
}

/**
 * What the device's copy says the session is, when it edited the server's current revision:
 * its fields and routes; routes it no longer has were removed on it, like its `removedRouteIds`.
 */
export function replaceState(current: SessionState, incoming: SessionState): SessionState {
  if (current.deleted || incoming.deleted) return joinDeleted(current, incoming);
  return {
    fields: incoming.fields,
    updatedAt: incoming.updatedAt,
    routes: withoutTombstoned(new Map(incoming.routes), removalsOf(current, incoming, true)),
    tombstones: removalsOf(current, incoming, true),
    deleted: false,
  };
}

function removalsOf(current: SessionState, incoming: SessionState, fastForward: boolean) {
  const tombstones = new Set([...current.tombstones, ...incoming.tombstones]);
  if (fastForward)
    for (const id of current.routes.keys()) if (!incoming.routes.has(id)) tombstones.add(id);
  return tombstones;
}

/**
 * Last writer wins, per session and per route; tombstones only grow. `fastForward` (the device
 * edited the current revision) also tombstones the routes its copy dropped.
 */
export function mergeState(
  current: SessionState,
  incoming: SessionState,
  fastForward = false,
): SessionState {
  if (current.deleted || incoming.deleted) return joinDeleted(current, incoming);
  const fieldsWin =
    compareVersions(
      incoming.updatedAt,
      fieldsText(incoming.fields),
      current.updatedAt,
      fieldsText(current.fields),
    ) > 0;
  const tombstones = removalsOf(current, incoming, fastForward);
  const routes = new Map(current.routes);
  for (const [id, route] of incoming.routes) {
    const existing = routes.get(id);
    routes.set(id, existing ? newerRoute(existing, route) : route);
  }
  return {
    fields: fieldsWin ? incoming.fields : current.fields,
    updatedAt: fieldsWin ? incoming.updatedAt : current.updatedAt,
    routes: withoutTombstoned(routes, tombstones),
    tombstones,
    deleted: false,
  };
}

export function sameRoute(a: RouteVersion, b: RouteVersion): boolean {
  return a.updatedAt === b.updatedAt && routeText(a) === routeText(b);
}

export function sameState(a: SessionState, b: SessionState): boolean {
  if (a.deleted !== b.deleted) return false;
  if (a.updatedAt !== b.updatedAt || fieldsText(a.fields) !== fieldsText(b.fields)) return false;
  if (a.routes.size !== b.routes.size || a.tombstones.size !== b.tombstones.size) return false;
  for (const id of a.tombstones) if (!b.tombstones.has(id)) return false;
  for (const [id, route] of a.routes) {
    const other = b.routes.get(id);
    if (!other || !sameRoute(route, other)) return false;
  }
  return true;
}

export interface Decision {
  outcome: SyncOutcome;
  state: SessionState;
  revision: number;
}

/**
 * One row of docs/api.md's table: what the server does with `incoming` given what it holds.
 *
 * Both `updated` and `merged` are the same last-writer-wins join, so the result never depends on
 * arrival order. A device that edited the current revision normally wins every field it touched
 * (its edit is newer) and the result is exactly its copy: `updated`. If its clock lagged behind an
 * edit already stored, the join keeps the newer value and the answer is `merged`, carrying the
 * session, so the device adopts it instead of believing its copy is on the server.
 *
 * An edit of a deleted session changes nothing (the delete wins for good), yet it is no duplicate:
 * the device's copy lost, so the answer is `merged` with the tombstone, at the same revision and
 * with nothing to write.
 */
export function decide(
  current: { state: SessionState; revision: number } | undefined,
  incoming: IncomingSnapshot,
): Decision {
  if (!current) return { outcome: 'created', state: createState(incoming.state), revision: 1 };
  const fastForward = incoming.baseRevision === current.revision;
  const next = mergeState(current.state, incoming.state, fastForward);
  if (sameState(next, current.state)) {
    if (current.state.deleted && !incoming.state.deleted) {
      return { outcome: 'merged', state: current.state, revision: current.revision };
    }
    return { outcome: 'duplicate', state: current.state, revision: current.revision };
  }
  const asSent = fastForward && sameState(next, replaceState(current.state, incoming.state));
  return { outcome: asSent ? 'updated' : 'merged', state: next, revision: current.revision + 1 };
}
