import { GRADES_BY_SYSTEM, type CommunityView } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { GRADE_KEY_COLUMN } from './community-aggregate.js';

/**
 * The community view of climbs (see the contract's `communityViewSchema`), read from
 * `climb_climber_stats`: one row per climber and climb, folded from the routes shortly after
 * each write (community-fold.ts). A request aggregates climbers, not routes: it used
 * to compute the view from every route (community-from-routes.ts, now the tests' oracle), 267 ms
 * on PostgreSQL for 100,000 routes on one layout (see bench/community.ts for today's figures).
 *
 * Each climber counts once for the grade and the stars (their latest opinion and latest stars,
 * so one climber repeating a climb twenty times does not outvote the others); every send counts.
 */

export interface CommunityRow {
  climb_id: string;
  sends: number;
  climbers: number;
  /** Index of the median grade in the layout's system, null when nobody gave one. */
  grade_idx: number | null;
  rating: number | null;
}

/** The climber's latest grade in the layout's system: both are kept, the layout picks. */
const LATEST_GRADE_IDX = sql.raw(
  `case l.grade_system ${Object.entries(GRADE_KEY_COLUMN)
    .map(([system, column]) => `when '${system}' then st.${column}`)
    .join(' ')} end % 64`,
);

/**
 * One row per climb matching `climbFilter` (a condition on `c`, the climbs table) that someone
 * logged; climbs nobody logged have no row.
 */
export function communityQuery(climbFilter: SQL): SQL {
  return sql`
    select st.climb_id,
           sum(st.sends)::int as sends,
           count(*)::int as climbers,
           percentile_disc(0.5) within group (order by (${LATEST_GRADE_IDX})::int) as grade_idx,
           avg(st.rating_key % 64)::float8 as rating
    from climbs c
    join layouts l on l.id = c.layout_id
    join climb_climber_stats st on st.climb_id = c.id
    where ${climbFilter}
    group by st.climb_id`;
}

export const NOBODY: CommunityView = { grade: null, rating: null, sends: 0, climbers: 0 };

/** A row as the API shows it; the median is the lower one of an even count (grades are ranks). */
export function toCommunityView(
  row: CommunityRow | undefined,
  system: keyof typeof GRADES_BY_SYSTEM,
): CommunityView {
  if (!row) return NOBODY;
  return {
    grade:
      row.grade_idx === null ? null : (GRADES_BY_SYSTEM[system][Number(row.grade_idx)] ?? null),
    rating: row.rating === null ? null : Math.round(Number(row.rating) * 100) / 100,
    sends: Number(row.sends),
    climbers: Number(row.climbers),
  };
}
