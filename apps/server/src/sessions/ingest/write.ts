import { sql } from 'drizzle-orm';
import { refreshCommunity } from '../../catalogue/community-aggregate.js';
import type { Db } from '../../db/connection.js';
import { queryRows, unnestRows, type Column } from '../../db/sql.js';
import { routeContentColumns } from '../route-columns.js';
import type { RouteWrite, SessionWrite, WriteSet } from './write-set.js';

const sessionColumns = {
  id: ['uuid', (s) => s.id],
  key: ['text', (s) => s.idempotencyKey],
  client_session_id: ['text', (s) => s.clientSessionId],
  layout_id: ['uuid', (s) => s.state.fields.layoutId],
  place: ['text', (s) => s.state.fields.place],
  start_time: ['timestamptz', (s) => s.state.fields.startTime],
  end_time: ['timestamptz', (s) => s.state.fields.endTime],
  notes: ['text', (s) => s.state.fields.notes],
  revision: ['int', (s) => s.revision],
  updated_at: ['timestamptz', (s) => s.state.updatedAt],
  change_seq: ['bigint', (s) => s.changeSeq],
  created_at: ['timestamptz', (s) => s.createdAt],
  last_snapshot_hash: ['text', (s) => s.lastSnapshotHash],
  deleted: ['boolean', (s) => s.state.deleted],
} satisfies Record<string, Column<SessionWrite>>;

const routeColumns = {
  id: ['uuid', (r) => r.id],
  session_id: ['uuid', (r) => r.sessionId],
  client_route_id: ['text', (r) => r.clientRouteId],
  ...routeContentColumns<RouteWrite>(),
  grade: ['text', (r) => r.grade],
  position: ['int', (r) => r.position],
  updated_at: ['timestamptz', (r) => r.updatedAt],
} satisfies Record<string, Column<RouteWrite>>;

/** An upserted route takes every column but its identity. */
const ROUTE_UPDATES = sql.raw(
  Object.keys(routeColumns)
    .filter((c) => !['id', 'session_id', 'client_route_id'].includes(c))
    .map((c) => `${c} = excluded.${c}`)
    .join(', '),
);

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
 * at most ten statements, whatever the number of sessions and routes; the last one to three keep
 * the community view of the climbs whose routes changed (catalogue/community-aggregate.ts).
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
      sql`insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id, place,
            start_time, end_time, notes, revision, updated_at, change_seq, created_at, server_updated_at,
            last_snapshot_hash, deleted_at)
          select v.id, ${userId}, v.key, v.client_session_id, v.layout_id, v.place, v.start_time, v.end_time, v.notes,
                 v.revision, v.updated_at, v.change_seq, v.created_at, ${nowIso}::timestamptz, v.last_snapshot_hash,
                 case when v.deleted then ${nowIso}::timestamptz end
          from ${unnestRows(w.inserts, sessionColumns)}
          on conflict (user_id, idempotency_key) do nothing
          returning id`,
    );
    // The user row lock makes a conflict impossible; if one happens anyway, retry from a fresh read.
    if (inserted.length !== w.inserts.length) throw new ConcurrentWriteError();
  }
  if (w.updates.length > 0) {
    await db.execute(
      sql`update climbing_sessions s set layout_id = v.layout_id, place = v.place, start_time = v.start_time,
            end_time = v.end_time,
            notes = v.notes, revision = v.revision, updated_at = v.updated_at, change_seq = v.change_seq,
            server_updated_at = ${nowIso}::timestamptz, last_snapshot_hash = v.last_snapshot_hash,
            deleted_at = case when v.deleted then coalesce(s.deleted_at, ${nowIso}::timestamptz) end
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
          on conflict (session_id, client_route_id) do update set ${ROUTE_UPDATES}`,
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
  // After the sessions and routes: the recompute reads them as this transaction left them.
  await refreshCommunity(db, userId, w.community);
}

export class ConcurrentWriteError extends Error {
  constructor() {
    super('a concurrent write took the same idempotency key');
  }
}
