import {
  tombstoneOf,
  withRouteContent,
  type Session,
  type SessionOrTombstone,
} from '@sendlog/contract';
import type { RouteVersion, SessionState } from '@sendlog/rules';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { arrayParam, isoText, queryRows } from '../db/sql.js';
import { ROUTE_CONTENT_JSON } from './route-columns.js';

/** A session as stored: the API shape plus what merging needs (positions, tombstones). */
export interface StoredRoute extends RouteVersion {
  id: string;
  climbName: string;
  grade: string;
}
export interface StoredSession {
  id: string;
  idempotencyKey: string;
  clientSessionId: string | null;
  revision: number;
  createdAt: string;
  changeSeq: number;
  state: SessionState;
  routes: StoredRoute[];
}

interface StoredJson {
  id: string;
  idempotencyKey: string;
  clientSessionId: string | null;
  layoutId: string | null;
  place: string | null;
  startTime: string;
  endTime: string | null;
  notes: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  changeSeq: number;
  deleted: boolean;
  routes: StoredRoute[];
  tombstones: string[];
}

/**
 * One JSON document per session row, routes (with climb name and snapshotted grade) and
 * tombstones included: every read of sessions is a single statement.
 */
export function storedSessionJson(withTombstones: boolean): SQL {
  return sql`json_build_object(
    'id', s.id, 'idempotencyKey', s.idempotency_key, 'clientSessionId', s.client_session_id,
    'layoutId', s.layout_id, 'place', s.place, 'startTime', ${isoText(sql`s.start_time`)},
    'endTime', ${isoText(sql`s.end_time`)}, 'notes', s.notes, 'revision', s.revision,
    'createdAt', ${isoText(sql`s.created_at`)}, 'updatedAt', ${isoText(sql`s.updated_at`)},
    'changeSeq', s.change_seq, 'deleted', s.deleted_at is not null,
    'routes', coalesce((
      select json_agg(json_build_object(
        'id', r.id, 'clientRouteId', r.client_route_id,
        'climbName', coalesce(c.name, r.climb_name), 'grade', r.grade,
        'position', r.position, ${ROUTE_CONTENT_JSON}, 'updatedAt', ${isoText(sql`r.updated_at`)})
        order by r.logged_at, r.position, r.client_route_id collate "C")
      from session_routes r left join climbs c on c.id = r.climb_id
      where r.user_id = s.user_id and r.session_id = s.id), '[]'::json),
    'tombstones', ${
      withTombstones
        ? sql`coalesce((select json_agg(t.client_route_id order by t.client_route_id) from route_tombstones t where t.user_id = s.user_id and t.session_id = s.id), '[]'::json)`
        : sql`'[]'::json`
    }
  )::text`;
}

export function parseStoredSession(text: string): StoredSession {
  const j = JSON.parse(text) as StoredJson;
  return {
    id: j.id,
    idempotencyKey: j.idempotencyKey,
    clientSessionId: j.clientSessionId,
    revision: j.revision,
    createdAt: j.createdAt,
    changeSeq: Number(j.changeSeq),
    routes: j.routes,
    state: {
      fields: {
        layoutId: j.layoutId,
        startTime: j.startTime,
        endTime: j.endTime,
        notes: j.notes,
        place: j.place,
      },
      updatedAt: j.updatedAt,
      // A stored route is a RouteVersion (its id, name and grade are not read by the merge): the
      // merge model shares the objects rather than copying every route of every read.
      routes: new Map(j.routes.map((r) => [r.clientRouteId, r])),
      // A deleted session's removed route ids are left in their table but mean nothing any more:
      // its state is the tombstone the merge made, which has none.
      tombstones: new Set(j.deleted ? [] : j.tombstones),
      deleted: j.deleted,
    },
  };
}

/** A session as a change answers it: a deleted one as its tombstone. */
export function toApiChange(s: StoredSession): SessionOrTombstone {
  if (!s.state.deleted) return toApiSession(s);
  return tombstoneOf({ ...s, updatedAt: s.state.updatedAt });
}

/**
 * The API shape of a stored (live) session. `place` and a route's `climb` are left out when null:
 * a session at a wall answers exactly what it answered before they existed.
 */
export function toApiSession(s: StoredSession): Session {
  return {
    id: s.id,
    clientSessionId: s.clientSessionId,
    layoutId: s.state.fields.layoutId,
    ...(s.state.fields.place !== null ? { place: s.state.fields.place } : {}),
    startTime: s.state.fields.startTime,
    endTime: s.state.fields.endTime,
    notes: s.state.fields.notes,
    revision: s.revision,
    createdAt: s.createdAt,
    updatedAt: s.state.updatedAt,
    routes: s.routes.map((r) => {
      const route = withRouteContent(
        {
          id: r.id,
          clientRouteId: r.clientRouteId,
          climbName: r.climbName,
          grade: r.grade,
          updatedAt: r.updatedAt,
        },
        r,
      );
      if (route.climb == null) delete route.climb;
      return route;
    }),
  };
}

export async function loadByKeys(
  db: Db,
  userId: string,
  keys: string[],
): Promise<Map<string, StoredSession>> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(true)} as doc from climbing_sessions s
        where s.user_id = ${userId}
          and s.idempotency_key = any(${arrayParam(keys, 'text')})`,
  );
  const byKey = new Map<string, StoredSession>();
  for (const { doc } of rows) {
    const s = parseStoredSession(doc);
    byKey.set(s.idempotencyKey, s);
  }
  return byKey;
}

/** One of the user's sessions; a deleted one only when `withDeleted` (it is gone for history). */
export async function loadById(
  db: Db,
  userId: string,
  id: string,
  withDeleted = false,
): Promise<StoredSession | undefined> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(false)} as doc from climbing_sessions s
        where s.user_id = ${userId} and s.id = ${id}
          ${withDeleted ? sql`` : sql`and s.deleted_at is null`}`,
  );
  return rows[0] ? parseStoredSession(rows[0].doc) : undefined;
}

/** History page: newest start first, keyset on (start_time, id); deleted sessions left out. */
export async function loadHistoryPage(
  db: Db,
  userId: string,
  after: { startTime: string; id: string } | null,
  limit: number,
): Promise<StoredSession[]> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(false)} as doc from climbing_sessions s
        where s.user_id = ${userId} and s.deleted_at is null
          ${after ? sql`and (s.start_time, s.id) < (${after.startTime}::timestamptz, ${after.id}::uuid)` : sql``}
        order by s.start_time desc, s.id desc
        limit ${limit}`,
  );
  return rows.map((r) => parseStoredSession(r.doc));
}

/**
 * Changes pull: sessions whose last change is after `afterSeq`, in change order; deleted ones too
 * (as tombstones), so other devices drop their copy.
 */
export async function loadChangesPage(
  db: Db,
  userId: string,
  afterSeq: number,
  limit: number,
): Promise<StoredSession[]> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(false)} as doc from climbing_sessions s
        where s.user_id = ${userId} and s.change_seq > ${afterSeq}
        order by s.change_seq
        limit ${limit}`,
  );
  return rows.map((r) => parseStoredSession(r.doc));
}
