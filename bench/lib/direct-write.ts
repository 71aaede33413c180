import { randomUUID } from 'node:crypto';
import type { SessionSnapshotInput } from '@sendlog/contract';

/** What both `pg` and PGlite offer: one connection that runs parameterized statements. */
export interface SqlConnection {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The rows the API writes for these snapshots (one `climbing_sessions` row each, one
 * `session_routes` row per route, the user's `change_seq`), laid out column by column so each
 * table is one `unnest` insert: the least work the database can do for them.
 */
export interface ColumnarRows {
  userId: string;
  sessions: unknown[][];
  routes: unknown[][];
  count: number;
}

export function toColumns(
  userId: string,
  snapshots: readonly SessionSnapshotInput[],
  gradeOf: ReadonlyMap<string, string>,
): ColumnarRows {
  const sessions: unknown[][] = Array.from({ length: 9 }, () => []);
  const routes: unknown[][] = Array.from({ length: 13 }, () => []);
  snapshots.forEach((s, i) => {
    const id = randomUUID();
    const values = [
      id,
      `c:${s.clientSessionId}`,
      s.clientSessionId,
      s.layoutId,
      s.startTime,
      s.endTime,
      s.notes,
      s.updatedAt,
      i + 1,
    ];
    values.forEach((v, c) => sessions[c]!.push(v ?? null));
    s.routes.forEach((r, position) => {
      if (r.climbId == null) throw new Error('the bench writes catalogue climbs only');
      const grade = gradeOf.get(r.climbId);
      if (grade === undefined) throw new Error(`unknown climb ${r.climbId}`);
      const row = [
        randomUUID(),
        id,
        r.clientRouteId,
        r.climbId,
        grade,
        position,
        r.isSuccess,
        r.attempts,
        r.notes,
        r.rating,
        r.gradeOpinion,
        r.loggedAt,
        r.updatedAt,
      ];
      row.forEach((v, c) => routes[c]!.push(v ?? null));
    });
  });
  return { userId, sessions, routes, count: snapshots.length };
}

const INSERT_SESSIONS = `
  insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id, start_time,
    end_time, notes, revision, updated_at, change_seq, created_at, server_updated_at)
  select v.id, $1, v.key, v.csid, v.layout, v.st, v.et, v.notes, 1, v.ua, v.seq, now(), now()
  from unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::timestamptz[],
              $8::text[], $9::timestamptz[], $10::bigint[])
    as v(id, key, csid, layout, st, et, notes, ua, seq)`;

const INSERT_ROUTES = `
  insert into session_routes (user_id, id, session_id, client_route_id, climb_id, grade, position,
    is_success, attempts, notes, rating, grade_opinion, logged_at, updated_at)
  select $14, v.* from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::int[],
                       $7::boolean[], $8::int[], $9::text[], $10::int[], $11::text[],
                       $12::timestamptz[], $13::timestamptz[]) as v`;

/** The limit: the same rows in one transaction, one statement per table. */
export async function writeDirect(conn: SqlConnection, rows: ColumnarRows): Promise<void> {
  await conn.query('begin');
  try {
    await conn.query('update users set change_seq = change_seq + $2 where id = $1', [
      rows.userId,
      rows.count,
    ]);
    await conn.query(INSERT_SESSIONS, [rows.userId, ...rows.sessions]);
    await conn.query(INSERT_ROUTES, [...rows.routes, rows.userId]);
    await conn.query('commit');
  } catch (error) {
    await conn.query('rollback');
    throw error;
  }
}

/** A user for the limit's rows, written straight into the table (no password work to time). */
export async function insertUser(conn: SqlConnection): Promise<string> {
  const { rows } = await conn.query(
    `insert into users (email, password_hash) values ($1, 'not-a-login') returning id::text as id`,
    [`bench-direct-${randomUUID()}@sendlog.test`],
  );
  return (rows[0] as { id: string }).id;
}
