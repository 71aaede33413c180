import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { queueStep } from '../../catalogue/community-aggregate.js';
import { queryRows, unnestRows, type Column } from '../../db/sql.js';
import { routeContentColumns } from '../route-columns.js';
import type { RouteWrite, SessionWrite, WriteSet } from './write-set.js';

/** A data-modifying step of the write, run only when the guard (`u`) let the write through. */
const GUARDED = sql`exists (select 1 from u)`;

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
const insertRoutes = (userId: string, routes: RouteWrite[]) =>
  sql`insert into session_routes (user_id, ${ROUTE_COLUMN_NAMES})
      select ${userId}, ${ROUTE_COLUMN_NAMES} from ${unnestRows(routes, routeColumns)}
      where ${GUARDED}`;

/**
 * Writes a whole batch as ONE statement (each column travels as one array parameter, each table's
 * rows as one data-modifying `with` step), whatever the number of sessions and routes, so a write
 * costs one round trip and, outside a transaction, no BEGIN/COMMIT.
 *
 * The guard is the user's change counter: `u` moves it from `baseSeq` (what the decisions were
 * read at) to the batch's last sequence number, and every other step runs only if `u` did. A
 * writer of the same climber that committed since the read moved the counter (every change of a
 * session does), so the statement writes nothing and answers `false`: the caller decides again
 * from a fresh read under the user's lock. `u` locks the user's row until the statement's
 * transaction ends, so one climber's writes commit in sequence order, as `updatedSince` needs.
 *
 * The climbs whose routes changed are queued in `community_outbox` in the same statement, for the
 * fold (catalogue/community-fold.ts): see `queueStep`.
 */
export async function writeBatch(
  db: Db,
  userId: string,
  w: WriteSet,
  nowIso: string,
  baseSeq: number,
): Promise<boolean> {
  if (w.changeSeq === null) return true; // every snapshot was a duplicate: nothing to write
  const steps: SQL[] = [
    sql`u as (update users set change_seq = ${w.changeSeq}
              where id = ${userId} and change_seq = ${baseSeq} returning id)`,
  ];
  if (w.inserts.length > 0) {
    steps.push(sql`ins as (
      insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id, place,
        start_time, end_time, notes, revision, updated_at, change_seq, created_at, server_updated_at,
        last_snapshot_hash, deleted_at)
      select v.id, ${userId}, v.key, v.client_session_id, v.layout_id, v.place, v.start_time, v.end_time, v.notes,
             v.revision, v.updated_at, v.change_seq, v.created_at, ${nowIso}::timestamptz, v.last_snapshot_hash,
             case when v.deleted then ${nowIso}::timestamptz end
      from ${unnestRows(w.inserts, sessionColumns)}
      where ${GUARDED}
      on conflict (user_id, idempotency_key) do nothing
      returning id)`);
  }
  if (w.updates.length > 0) {
    steps.push(sql`upd as (
      update climbing_sessions s set layout_id = v.layout_id, place = v.place, start_time = v.start_time,
        end_time = v.end_time,
        notes = v.notes, revision = v.revision, updated_at = v.updated_at, change_seq = v.change_seq,
        server_updated_at = ${nowIso}::timestamptz, last_snapshot_hash = v.last_snapshot_hash,
        deleted_at = case when v.deleted then coalesce(s.deleted_at, ${nowIso}::timestamptz) end
      from ${unnestRows(w.updates, sessionColumns)}
      where s.user_id = ${userId} and s.id = v.id and ${GUARDED})`);
  }
  if (w.routeDeletes.length > 0) {
    steps.push(sql`rdel as (
      delete from session_routes r using ${unnestRows(w.routeDeletes, routeKeyColumns)}
      where r.user_id = ${userId} and r.session_id = v.session_id
        and r.client_route_id = v.client_route_id and ${GUARDED})`);
  }
  if (w.routeInserts.length > 0) {
    steps.push(sql`rins as (${insertRoutes(userId, w.routeInserts)})`);
  }
  if (w.routeUpserts.length > 0) {
    steps.push(sql`rups as (${insertRoutes(userId, w.routeUpserts)}
      on conflict (user_id, session_id, client_route_id) do update set ${ROUTE_UPDATES})`);
  }
  if (w.tombstones.length > 0) {
    steps.push(sql`tomb as (
      insert into route_tombstones (user_id, session_id, client_route_id, removed_at)
      select ${userId}, v.session_id, v.client_route_id, ${nowIso}::timestamptz
      from ${unnestRows(w.tombstones, routeKeyColumns)}
      where ${GUARDED}
      on conflict do nothing)`);
  }
  if (w.communityAdds.length > 0 || w.communityRecompute.length > 0) {
    steps.push(
      sql`queue as (${queueStep(userId, w.communityAdds, w.communityRecompute, nowIso, GUARDED)})`,
    );
  }
  const inserted = w.inserts.length > 0 ? sql`(select count(*) from ins)::int` : sql`0`;
  const [row] = await queryRows<{ guarded: number; inserted: number }>(
    db,
    sql`with ${sql.join(steps, sql`, `)}
        select (select count(*) from u)::int as guarded, ${inserted} as inserted`,
  );
  if (!row || row.guarded === 0) return false;
  // The counter guard makes a conflict impossible; if one happens anyway, retry from a fresh read.
  if (row.inserted !== w.inserts.length) throw new ConcurrentWriteError();
  return true;
}

export class ConcurrentWriteError extends Error {
  constructor() {
    super('a concurrent write took the same idempotency key');
  }
}
