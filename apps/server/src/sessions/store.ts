import type { Session } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { arrayParam, isoText, queryRows, unnestRows, type Column } from '../db/sql.js';
import type { RouteVersion, SessionState } from '@sendlog/rules';

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
  startTime: string;
  endTime: string | null;
  notes: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  changeSeq: number;
  routes: StoredRoute[];
  tombstones: string[];
}

/**
 * One JSON document per session row, routes (with climb name and snapshotted grade) and
 * tombstones included: every read of sessions is a single statement.
 */
function storedSessionJson(withTombstones: boolean): SQL {
  return sql`json_build_object(
    'id', s.id, 'idempotencyKey', s.idempotency_key, 'clientSessionId', s.client_session_id,
    'layoutId', s.layout_id, 'startTime', ${isoText(sql`s.start_time`)},
    'endTime', ${isoText(sql`s.end_time`)}, 'notes', s.notes, 'revision', s.revision,
    'createdAt', ${isoText(sql`s.created_at`)}, 'updatedAt', ${isoText(sql`s.updated_at`)},
    'changeSeq', s.change_seq,
    'routes', coalesce((
      select json_agg(json_build_object(
        'id', r.id, 'clientRouteId', r.client_route_id, 'climbId', r.climb_id, 'climbName', c.name,
        'grade', r.grade, 'isSuccess', r.is_success, 'attempts', r.attempts, 'notes', r.notes,
        'rating', r.rating, 'gradeOpinion', r.grade_opinion, 'position', r.position,
        'loggedAt', ${isoText(sql`r.logged_at`)}, 'updatedAt', ${isoText(sql`r.updated_at`)})
        order by r.logged_at, r.position, r.client_route_id collate "C")
      from session_routes r join climbs c on c.id = r.climb_id where r.session_id = s.id), '[]'::json),
    'tombstones', ${
      withTombstones
        ? sql`coalesce((select json_agg(t.client_route_id order by t.client_route_id) from route_tombstones t where t.session_id = s.id), '[]'::json)`
        : sql`'[]'::json`
    }
  )::text`;
}

function fromJson(text: string): StoredSession {
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
      fields: { layoutId: j.layoutId, startTime: j.startTime, endTime: j.endTime, notes: j.notes },
      updatedAt: j.updatedAt,
      routes: new Map(
        j.routes.map((r) => [
          r.clientRouteId,
          {
            clientRouteId: r.clientRouteId,
            climbId: r.climbId,
            isSuccess: r.isSuccess,
            attempts: r.attempts,
            notes: r.notes,
            rating: r.rating,
            gradeOpinion: r.gradeOpinion,
            loggedAt: r.loggedAt,
            position: r.position,
            updatedAt: r.updatedAt,
          },
        ]),
      ),
      tombstones: new Set(j.tombstones),
    },
  };
}

/** The API shape of a stored session. */
export function toApiSession(s: StoredSession): Session {
  return {
    id: s.id,
    clientSessionId: s.clientSessionId,
    layoutId: s.state.fields.layoutId,
    startTime: s.state.fields.startTime,
    endTime: s.state.fields.endTime,
    notes: s.state.fields.notes,
    revision: s.revision,
    createdAt: s.createdAt,
    updatedAt: s.state.updatedAt,
    routes: s.routes.map((r) => ({
      id: r.id,
      clientRouteId: r.clientRouteId,
      climbId: r.climbId,
      climbName: r.climbName,
      grade: r.grade,
      isSuccess: r.isSuccess,
      attempts: r.attempts,
      notes: r.notes,
      rating: r.rating,
      gradeOpinion: r.gradeOpinion,
      loggedAt: r.loggedAt,
      updatedAt: r.updatedAt,
    })),
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
    const s = fromJson(doc);
    byKey.set(s.idempotencyKey, s);
  }
  return byKey;
}

/** Per key: the session's id, revision and the hash of the last snapshot that changed it. */
export async function loadSnapshotHashes(
  db: Db,
  userId: string,
  keys: string[],
): Promise<Map<string, { id: string; revision: number; hash: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ key: string; id: string; revision: number; hash: string | null }>(
    db,
    sql`select s.idempotency_key as key, s.id, s.revision, s.last_snapshot_hash as hash
        from climbing_sessions s
        where s.user_id = ${userId}
          and s.idempotency_key = any(${arrayParam(keys, 'text')})`,
  );
  const byKey = new Map<string, { id: string; revision: number; hash: string }>();
  for (const r of rows) {
    if (r.hash !== null) byKey.set(r.key, { id: r.id, revision: Number(r.revision), hash: r.hash });
  }
  return byKey;
}

export async function loadById(
  db: Db,
  userId: string,
  id: string,
): Promise<StoredSession | undefined> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(false)} as doc from climbing_sessions s
        where s.user_id = ${userId} and s.id = ${id}`,
  );
  return rows[0] ? fromJson(rows[0].doc) : undefined;
}

/** History page: newest start first, keyset on (start_time, id). */
export async function loadHistoryPage(
  db: Db,
  userId: string,
  after: { startTime: string; id: string } | null,
  limit: number,
): Promise<StoredSession[]> {
  const rows = await queryRows<{ doc: string }>(
    db,
    sql`select ${storedSessionJson(false)} as doc from climbing_sessions s
        where s.user_id = ${userId}
          ${after ? sql`and (s.start_time, s.id) < (${after.startTime}::timestamptz, ${after.id}::uuid)` : sql``}
        order by s.start_time desc, s.id desc
        limit ${limit}`,
  );
  return rows.map((r) => fromJson(r.doc));
}

/** Changes pull: sessions whose last change is after `afterSeq`, in change order. */
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
  return rows.map((r) => fromJson(r.doc));
}

export interface CatalogueLookup {
  climbs: Map<string, { name: string; grade: string }>;
  layouts: Set<string>;
}

/** Which of these climbs and layouts exist: one statement for a whole bulk. */
export async function lookupCatalogue(
  db: Db,
  climbIds: string[],
  layoutIds: string[],
): Promise<CatalogueLookup> {
  const found: CatalogueLookup = { climbs: new Map(), layouts: new Set() };
  if (climbIds.length === 0 && layoutIds.length === 0) return found;
  const rows = await queryRows<{
    kind: 'climb' | 'layout';
    id: string;
    name: string;
    grade: string | null;
  }>(
    db,
    sql`select 'climb' as kind, c.id::text as id, c.name, c.grade from climbs c
          where c.id = any(${arrayParam(climbIds, 'uuid')})
        union all
        select 'layout', l.id::text, l.name, null from layouts l
          where l.id = any(${arrayParam(layoutIds, 'uuid')})`,
  );
  for (const r of rows) {
    if (r.kind === 'climb') found.climbs.set(r.id, { name: r.name, grade: r.grade ?? '' });
    else found.layouts.add(r.id);
  }
  return found;
}

/** Takes the user's row lock (ordering all of one user's writers) and returns its change counter. */
export async function lockUserChanges(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ change_seq: string }>(
    db,
    sql`select change_seq::text as change_seq from users where id = ${userId} for update`,
  );
  if (!row) throw new Error('user vanished during a write');
  return Number(row.change_seq);
}

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
  changeSeq: number | null;
}

const sessionColumns = {
  id: ['uuid', (s) => s.id],
  key: ['text', (s) => s.idempotencyKey],
  client_session_id: ['text', (s) => s.clientSessionId],
  layout_id: ['uuid', (s) => s.state.fields.layoutId],
  start_time: ['timestamptz', (s) => s.state.fields.startTime],
  end_time: ['timestamptz', (s) => s.state.fields.endTime],
  notes: ['text', (s) => s.state.fields.notes],
  revision: ['int', (s) => s.revision],
  updated_at: ['timestamptz', (s) => s.state.updatedAt],
  change_seq: ['bigint', (s) => s.changeSeq],
  created_at: ['timestamptz', (s) => s.createdAt],
  last_snapshot_hash: ['text', (s) => s.lastSnapshotHash],
} satisfies Record<string, Column<SessionWrite>>;

const routeColumns = {
  id: ['uuid', (r) => r.id],
  session_id: ['uuid', (r) => r.sessionId],
  client_route_id: ['text', (r) => r.clientRouteId],
  climb_id: ['uuid', (r) => r.climbId],
  grade: ['text', (r) => r.grade],
  position: ['int', (r) => r.position],
  is_success: ['boolean', (r) => r.isSuccess],
  attempts: ['int', (r) => r.attempts],
  notes: ['text', (r) => r.notes],
  rating: ['int', (r) => r.rating],
  grade_opinion: ['text', (r) => r.gradeOpinion],
  logged_at: ['timestamptz', (r) => r.loggedAt],
  updated_at: ['timestamptz', (r) => r.updatedAt],
} satisfies Record<string, Column<RouteWrite>>;

const routeKeyColumns = {
  session_id: ['uuid', (r) => r.sessionId],
  client_route_id: ['text', (r) => r.clientRouteId],
} satisfies Record<string, Column<{ sessionId: string; clientRouteId: string }>>;

/** Columns named from `routeColumns` on both sides, so their order can never drift apart. */
const ROUTE_COLUMN_NAMES = sql.raw(Object.keys(routeColumns).join(', '));
const insertRoutes = (routes: RouteWrite[]) =>
  sql`insert into session_routes (${ROUTE_COLUMN_NAMES})
      select ${ROUTE_COLUMN_NAMES} from ${unnestRows(routes, routeColumns)}`;

/**
 * Writes a whole batch with set-based statements (each column travels as one array parameter):
 * at most seven statements, whatever the number of sessions and routes.
 */
export async function writeBatch(
  db: Db,
  userId: string,
  w: WriteSet,
  nowIso: string,
): Promise<void> {
  if (w.inserts.length > 0) {
    const inserted = await queryRows<{ id: string }>(
      db,
      sql`insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id, start_time,
            end_time, notes, revision, updated_at, change_seq, created_at, server_updated_at, last_snapshot_hash)
          select v.id, ${userId}, v.key, v.client_session_id, v.layout_id, v.start_time, v.end_time, v.notes,
                 v.revision, v.updated_at, v.change_seq, v.created_at, ${nowIso}::timestamptz, v.last_snapshot_hash
          from ${unnestRows(w.inserts, sessionColumns)}
          on conflict (user_id, idempotency_key) do nothing
          returning id`,
    );
    // The user row lock makes a conflict impossible; if one happens anyway, retry from a fresh read.
    if (inserted.length !== w.inserts.length) throw new ConcurrentWriteError();
  }
  if (w.updates.length > 0) {
    await db.execute(
      sql`update climbing_sessions s set layout_id = v.layout_id, start_time = v.start_time, end_time = v.end_time,
            notes = v.notes, revision = v.revision, updated_at = v.updated_at, change_seq = v.change_seq,
            server_updated_at = ${nowIso}::timestamptz, last_snapshot_hash = v.last_snapshot_hash
          from ${unnestRows(w.updates, sessionColumns)}
          where s.id = v.id and s.user_id = ${userId}`,
    );
  }
  if (w.routeDeletes.length > 0) {
    await db.execute(
      sql`delete from session_routes r using ${unnestRows(w.routeDeletes, routeKeyColumns)}
          where r.session_id = v.session_id and r.client_route_id = v.client_route_id`,
    );
  }
  if (w.routeInserts.length > 0) await db.execute(insertRoutes(w.routeInserts));
  if (w.routeUpserts.length > 0) {
    await db.execute(
      sql`${insertRoutes(w.routeUpserts)}
          on conflict (session_id, client_route_id) do update set climb_id = excluded.climb_id,
            grade = excluded.grade, position = excluded.position, is_success = excluded.is_success,
            attempts = excluded.attempts, notes = excluded.notes, rating = excluded.rating,
            grade_opinion = excluded.grade_opinion, logged_at = excluded.logged_at, updated_at = excluded.updated_at`,
    );
  }
  if (w.tombstones.length > 0) {
    await db.execute(
      sql`insert into route_tombstones (session_id, client_route_id, removed_at)
          select v.session_id, v.client_route_id, ${nowIso}::timestamptz
          from ${unnestRows(w.tombstones, routeKeyColumns)}
          on conflict do nothing`,
    );
  }
  if (w.changeSeq !== null) {
    await db.execute(sql`update users set change_seq = ${w.changeSeq} where id = ${userId}`);
  }
}

export class ConcurrentWriteError extends Error {
  constructor() {
    super('a concurrent write took the same idempotency key');
  }
}
