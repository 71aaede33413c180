import type { RouteContent } from '@sendlog/contract';
import type { ClimbFirsts, TryKey } from '@sendlog/rules';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { isoText, queryRows } from '../db/sql.js';
import { apiRouteJson, ROUTE_CONTENT_SELECT } from '../sessions/route-columns.js';

/** Where a page of the export stops: the last session's start and id (oldest first). */
export interface ExportKey {
  startTime: string;
  id: string;
}

const SESSION_KEY = sql`${isoText(sql`s.start_time`)} as start_key, s.id::text as id_key`;

function sessionPage(userId: string, after: ExportKey | null, limit: number): SQL {
  return sql`select s.* from climbing_sessions s
    where s.user_id = ${userId} and s.deleted_at is null
      ${after ? sql`and (s.start_time, s.id) > (${after.startTime}::timestamptz, ${after.id}::uuid)` : sql``}
    order by s.start_time, s.id
    limit ${limit}`;
}

/**
 * A page of whole sessions as JSON text, the shape `GET /sessions` answers plus the gym of the
 * session's wall (`gym`: `{ id, name }`, null without a wall) and the wall's name (`wall`, so a
 * backup restored on another server still says where it was climbed), oldest first.
 */
export async function loadSessionJsonPage(
  db: Db,
  userId: string,
  after: ExportKey | null,
  limit: number,
): Promise<{ doc: string; key: ExportKey }[]> {
  const rows = await queryRows<{ doc: string; start_key: string; id_key: string }>(
    db,
    sql`select ${SESSION_KEY},
          (case when s.place is null then json_build_object(${sessionFields(sql``)})
                else json_build_object(${sessionFields(sql`'place', s.place,`)}) end)::text as doc
        from (${sessionPage(userId, after, limit)}) s
        order by s.start_time, s.id`,
  );
  return rows.map((r) => ({ doc: r.doc, key: { startTime: r.start_key, id: r.id_key } }));
}

/**
 * The fields of a backed-up session `s` for a `json_build_object`, `place` (given only when the
 * session has one, as `GET /sessions` answers it) after the wall.
 */
function sessionFields(place: SQL): SQL {
  const route = apiRouteJson(
    sql`'id', r.id, 'clientRouteId', r.client_route_id,
        'climbName', coalesce(c.name, r.climb_name), 'grade', r.grade`,
    sql`'updatedAt', ${isoText(sql`r.updated_at`)}`,
  );
  return sql`
    'id', s.id, 'clientSessionId', s.client_session_id, 'layoutId', s.layout_id, ${place}
    'startTime', ${isoText(sql`s.start_time`)}, 'endTime', ${isoText(sql`s.end_time`)},
    'notes', s.notes, 'revision', s.revision, 'createdAt', ${isoText(sql`s.created_at`)},
    'updatedAt', ${isoText(sql`s.updated_at`)},
    'routes', coalesce((
      select json_agg(${route} order by r.logged_at, r.position, r.client_route_id collate "C")
      from session_routes r left join climbs c on c.id = r.climb_id
      where r.user_id = s.user_id and r.session_id = s.id), '[]'::json),
    'gym', (select json_build_object('id', g.id, 'name', g.name)
            from layouts l join gyms g on g.id = l.gym_id where l.id = s.layout_id),
    'wall', (select l.name from layouts l where l.id = s.layout_id)`;
}

/**
 * One try of the export with its session: the route's declared content under its API names
 * (`ROUTE_CONTENT_SELECT`; `loggedAt` null for routes logged before it was recorded).
 */
export type ExportTryRow = Omit<RouteContent, 'loggedAt'> & {
  start_key: string;
  id_key: string;
  session_notes: string | null;
  place: string | null;
  wall: string | null;
  gym: string | null;
  route_id: string | null;
  climb_name: string;
  grade: string;
  loggedAt: string | null;
  updated_at: string;
  at_ms: number;
  start_ms: number;
};

const EPOCH_MS = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * The tries of a page of sessions, oldest session first, each session's routes in their order;
 * an empty session is one row with a null `route_id`, so the page still moves past it.
 */
export async function loadTryPage(
  db: Db,
  userId: string,
  after: ExportKey | null,
  limit: number,
): Promise<ExportTryRow[]> {
  return queryRows<ExportTryRow>(
    db,
    sql`select ${SESSION_KEY}, s.notes as session_notes, s.place, l.name as wall, g.name as gym,
               r.id::text as route_id, coalesce(c.name, r.climb_name) as climb_name, r.grade,
               ${ROUTE_CONTENT_SELECT},
               ${isoText(sql`r.updated_at`)} as updated_at,
               ${EPOCH_MS('coalesce(r.logged_at, s.start_time)')} as at_ms,
               ${EPOCH_MS('s.start_time')} as start_ms
        from (${sessionPage(userId, after, limit)}) s
        left join layouts l on l.id = s.layout_id
        left join gyms g on g.id = l.gym_id
        left join session_routes r on r.user_id = s.user_id and r.session_id = s.id
        left join climbs c on c.id = r.climb_id
        order by s.start_time, s.id, r.logged_at, r.position, r.client_route_id collate "C"`,
  );
}

/**
 * Per climb the user ever tried (a catalogue climb by id, an unlisted one by its key), its first try and first send in the order of tries (deleted
 * sessions left out): two keys per climb is all the export needs to tell flashes and repeats
 * while it streams sessions in any order (`ascentTypeFromFirsts` of @sendlog/rules). Its size
 * grows with the climbs tried, not with the sessions.
 */
export async function loadClimbFirsts(db: Db, userId: string): Promise<Map<string, ClimbFirsts>> {
  const firstOf = (filter: SQL) => sql`
    select distinct on (climb_id) coalesce(r.climb_id::text, r.climb_key) as climb_id,
           s.id::text as session_id,
           r.id::text as route_id, ${EPOCH_MS('coalesce(r.logged_at, s.start_time)')} as at_ms,
           ${EPOCH_MS('s.start_time')} as start_ms
    from climbing_sessions s
    join session_routes r on r.user_id = s.user_id and r.session_id = s.id
    where s.user_id = ${userId} and s.deleted_at is null ${filter}
    order by climb_id, coalesce(r.logged_at, s.start_time), s.start_time, s.id, r.id`;
  interface FirstRow {
    climb_id: string;
    session_id: string;
    route_id: string;
    at_ms: number;
    start_ms: number;
  }
  const key = (r: FirstRow): TryKey => ({
    atMs: Number(r.at_ms),
    sessionStartMs: Number(r.start_ms),
    sessionId: r.session_id,
    routeId: r.route_id,
  });
  const firsts = new Map<string, ClimbFirsts>();
  for (const r of await queryRows<FirstRow>(db, firstOf(sql``))) {
    firsts.set(r.climb_id, { firstTry: key(r), firstSend: null });
  }
  for (const r of await queryRows<FirstRow>(db, firstOf(sql`and r.is_success`))) {
    const f = firsts.get(r.climb_id);
    if (f) f.firstSend = key(r);
  }
  return firsts;
}
