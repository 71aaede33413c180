import { GRADE_SYSTEMS } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { gradeOrder } from '../db/grade-sql.js';

/**
 * The community view of climbs computed straight from every route climbers logged: the
 * definition the folded aggregate (community.ts) must equal. The server no longer runs it
 * (it read 100,000 routes per request); the consistency tests use it as their oracle and
 * bench/community.ts as the baseline. `session_routes` holds each route's latest revision only
 * (an edit replaces the row, a removal deletes it), so no older revision is ever counted.
 *
 * Each climber counts once for the grade and the stars (their latest opinion and latest stars,
 * so one climber repeating a climb twenty times does not outvote the others); every send counts.
 */

/**
 * An opinion's index in its climb's layout's system (null when it is no grade of it). Opinions are
 * read as climbers type them (' v4', '6a+'), like the contract's parseGrade.
 */
const OPINION_INDEX: SQL = sql`case l.grade_system ${sql.join(
  GRADE_SYSTEMS.map(
    (system) =>
      sql`when ${sql.raw(`'${system}'`)} then ${gradeOrder(system, sql`upper(btrim(r.grade_opinion))`)}`,
  ),
  sql` `,
)} end`;

/**
 * `CommunityRow`s (community.ts): one per climb matching `climbFilter` (a condition on `c`, the
 * climbs table) that someone logged; climbs nobody logged have no row.
 */
export function communityFromRoutesQuery(climbFilter: SQL): SQL {
  // A climber's latest value is the greatest `second logged × 64 + value` (values are below 64):
  // a plain max(), so each climber's row is a hash aggregate and nothing the size of the routes
  // is sorted. Measured on 100,000 routes: an ordered array_agg took 1.6× as long.
  const latest = (value: SQL) =>
    sql`(max(floor(date_part('epoch', r.logged_at)) * 64 + ${value})::bigint % 64)::int`;
  return sql`
    with per_climber as (
      select r.climb_id, s.user_id,
             count(*) filter (where r.is_success) as sends,
             ${latest(OPINION_INDEX)} as grade_idx,
             ${latest(sql`r.rating`)} as rating
      from climbs c
      join layouts l on l.id = c.layout_id
      join session_routes r on r.climb_id = c.id
      -- A deleted session keeps no routes; the filter states it where the rule is read.
      join climbing_sessions s on s.user_id = r.user_id and s.id = r.session_id and s.deleted_at is null
      where ${climbFilter}
      group by r.climb_id, s.user_id
    )
    select climb_id,
           sum(sends)::int as sends,
           count(*)::int as climbers,
           percentile_disc(0.5) within group (order by grade_idx) as grade_idx,
           avg(rating)::float8 as rating
    from per_climber
    group by climb_id`;
}
