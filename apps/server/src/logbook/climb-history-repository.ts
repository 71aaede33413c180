import type { ClimbHistoryResponse, ClimbHistoryTry, HistoryClimb } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { isoText, queryRows } from '../db/sql.js';

/**
 * `GET /climbs/:id/history`: the user's tries at one climb outside deleted sessions, newest
 * first in the order of tries (`climbHistory` of @sendlog/rules), read through the routes' climb
 * index. `undefined` when the climb does not exist (archived climbs have a history too).
 */
export async function loadClimbHistory(
  db: Db,
  userId: string,
  climbId: string,
): Promise<ClimbHistoryResponse | undefined> {
  const [climb] = await queryRows<HistoryClimb>(
    db,
    sql`select c.id, c.name, c.grade from climbs c where c.id = ${climbId}`,
  );
  if (!climb) return undefined;
  const tries = await queryRows<ClimbHistoryTry>(
    db,
    sql`select s.id as "sessionId", ${isoText(sql`coalesce(r.logged_at, s.start_time)`)} as date,
               r.is_success as "isSuccess", r.attempts, r.notes, r.rating,
               r.grade_opinion as "gradeOpinion"
        from session_routes r
        join climbing_sessions s on s.user_id = r.user_id and s.id = r.session_id
        where r.user_id = ${userId} and r.climb_id = ${climbId} and s.user_id = ${userId} and s.deleted_at is null
        order by coalesce(r.logged_at, s.start_time) desc, s.start_time desc, s.id desc, r.id desc`,
  );
  return {
    climb: { id: climb.id, name: climb.name, grade: climb.grade },
    tries: tries.map((t) => ({ ...t, attempts: Number(t.attempts) })),
  };
}
