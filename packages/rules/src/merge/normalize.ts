import {
  ROUTE_CONTENT_FIELDS,
  type RouteContent,
  type RouteFieldKind,
  type RouteSnapshot,
  type SessionSnapshot,
  type UnlistedClimb,
} from '@sendlog/contract';
import { tombstoneOf } from './merge.js';
import type { IncomingSnapshot, RouteVersion, SessionState } from './model.js';

/**
 * `…Z` text with milliseconds and a day that every month has is already exactly what
 * `toISOString` would make of it, and it is what our client sends: formatting a date costs more
 * than the rest of a route's normalization, so such text is kept as it is.
 */
const CANONICAL_UTC =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A validated ISO date-time as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const iso = (value: string): string =>
  CANONICAL_UTC.test(value) ? value : new Date(value).toISOString();

/** Device clocks drift: an edit time ahead of the server's clock counts as "now". */
function clamped(value: string, now: { ms: number; iso: string }): string {
  return Date.parse(value) > now.ms ? now.iso : iso(value);
}

/**
 * How each kind of declared route field arrives in the merge model. Ids are compared in lower
 * case (a device may send a UUID in capitals), a time not sent is the session's start, and a
 * value left out is null.
 */
const NORMALIZE_KIND: Record<RouteFieldKind, (value: unknown, startTime: string) => unknown> = {
  id: (v) => (typeof v === 'string' ? v.toLowerCase() : null),
  boolean: (v) => v,
  integer: (v) => v ?? null,
  text: (v) => v ?? null,
  time: (v, startTime) => (typeof v === 'string' ? iso(v) : startTime),
  // Rebuilt in the declared key order: the tie-break compares the JSON text of the content.
  climb: (v) => {
    if (v == null || typeof v !== 'object') return null;
    const { name, grade, kind } = v as UnlistedClimb;
    return { name, grade, kind };
  },
};

/**
 * Sets a validated route's declared content, normalized field by field from the one field list,
 * onto `into` (which holds identity and times) and returns it: no intermediate object on the
 * ingest's hot path.
 */
export function withNormalizedContent<T extends object>(
  into: T,
  r: RouteSnapshot,
  startTime: string,
): T & RouteContent {
  const from = r as Record<string, unknown>;
  const target = into as Record<string, unknown>;
  for (const { name, kind } of ROUTE_CONTENT_FIELDS) {
    target[name] = NORMALIZE_KIND[kind](from[name], startTime);
  }
  return into as T & RouteContent;
}

/** The idempotency key of docs/api.md, in order of preference; prefixes keep the three kinds apart. */
export function idempotencyKey(s: SessionSnapshot, headerKey: string | undefined): string {
  if (s.clientSessionId != null) return `c:${s.clientSessionId}`;
  if (headerKey !== undefined) return `h:${headerKey}`;
  return `t:${iso(s.startTime)}`;
}

/** A route sent without `clientRouteId` is identified by its position. */
export function routeIdOf(route: { clientRouteId?: string | undefined }, index: number): string {
  return route.clientRouteId ?? `pos-${index}`;
}

/**
 * Turns a validated snapshot into the merge model: times normalized to UTC `…Z`, defaults applied
 * (session updatedAt ← endTime ← startTime; route updatedAt ← loggedAt ← session updatedAt),
 * edit times clamped to the server's clock.
 */
export function normalizeSnapshot(
  s: SessionSnapshot,
  nowMs: number,
  headerKey?: string,
): IncomingSnapshot {
  const now = { ms: nowMs, iso: new Date(nowMs).toISOString() };
  const updatedAt = clamped(s.updatedAt ?? s.endTime ?? s.startTime, now);
  const startTime = iso(s.startTime);
  const routes = new Map<string, RouteVersion>();
  const routeOrder: string[] = [];
  // A delete's content is dropped on arrival: only the fact and its time matter.
  if (!s.deleted)
    s.routes.forEach((r, position) => {
      const clientRouteId = routeIdOf(r, position);
      const route: RouteVersion = withNormalizedContent(
        { clientRouteId, position, updatedAt },
        r,
        startTime,
      );
      if (r.updatedAt != null) route.updatedAt = clamped(r.updatedAt, now);
      else if (r.loggedAt != null) route.updatedAt = clamped(route.loggedAt, now);
      routeOrder.push(clientRouteId);
      routes.set(clientRouteId, route);
    });
  const state: SessionState = {
    fields: {
      layoutId: s.layoutId != null ? s.layoutId.toLowerCase() : null,
      startTime,
      endTime: s.endTime != null ? iso(s.endTime) : null,
      notes: s.notes ?? null,
      place: s.place ?? null,
    },
    updatedAt,
    routes,
    tombstones: new Set(s.removedRouteIds ?? []),
    deleted: false,
  };
  return {
    key: idempotencyKey(s, headerKey),
    clientSessionId: s.clientSessionId ?? null,
    baseRevision: s.baseRevision ?? null,
    routeOrder,
    state: s.deleted ? tombstoneOf(state) : state,
  };
}

/** Ids a snapshot repeats once positions stand in for missing ones (`pos-1` sent and implied). */
export function repeatedRouteIdPaths(s: SessionSnapshot): string[] {
  const seen = new Set<string>();
  const paths: string[] = [];
  s.routes.forEach((r, i) => {
    const id = routeIdOf(r, i);
    if (seen.has(id)) paths.push(`routes.${i}.clientRouteId`);
    seen.add(id);
  });
  return paths;
}
