import { GRADE_SYSTEMS } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { gradeKey, gradeOrder } from '../db/grade-sql.js';
import { isoText } from '../db/sql.js';

export interface InsightsRequest {
  gymId: string;
  /** The gym's zone: weeks, weekdays, hours and ages are local to the gym. */
  timeZone: string;
  /** Inclusive and exclusive ends, ISO instants already resolved. */
  from: string;
  to: string;
}

/** Columns of the statement's one row: JSON texts, read by `loadInsights`. */
export interface InsightsRow {
  set: string;
  climbed: string;
  climbs: string;
  weeks: string;
  by_weekday: string;
  by_hour: string;
  by_weekday_hour: string;
}

/** A text's place in the grade system `system` (a column of text), null when it is none of it. */
function indexIn(system: SQL, text: SQL): SQL {
  const cases = GRADE_SYSTEMS.map(
    (s) => sql`when ${sql.raw(`'${s}'`)} then ${gradeOrder(s, gradeKey(text))}`,
  );
  return sql`case ${system} ${sql.join(cases, sql` `)} end`;
}

/** A grade text as the answer shows it: its canonical spelling when known, else as stored. */
function shownGrade(text: SQL): SQL {
  return sql`coalesce(
    case when ${gradeOrder('rank', gradeKey(text))} is not null then ${gradeKey(text)} end, ${text})`;
}

/** Grade rows in `compareGrades`' order: known ones easiest first, the others by text. */
const GRADE_ROW_ORDER = sql.raw(`rank is null, rank, grade collate "C"`);

/**
 * `GET /gyms/:id/insights` in one statement, set-based, with the definitions of @sendlog/rules
 * (`computeInsights` is its oracle in the property test). Nothing sorts the tries: every step over
 * them is a hash aggregate or a hash join, and grade texts are read once per distinct text.
 *
 * - `period_sessions`: the gym's counted sessions (not deleted, at its walls, starting in the
 *   period), with their local start in the gym's zone; `tries`: their routes at the gym's climbs.
 * - Flashes need each climber's first try of a climb over their whole history: `firsts` takes the
 *   earliest moment per (climber, climb) over the histories of the climbers with a one-go send in
 *   the period (an aggregate), and such a send at that moment is a flash unless another try of the
 *   pair shares the moment and comes first in the order of tries (a probe of
 *   `session_routes_user_climb_logged_idx` at one moment).
 * - `groups`: one pass over the tries with three groupings (per climb and climber, per grade text
 *   and climber, per climb and opinion text). Per climb: climbers from the first, stars as sums
 *   and counts, opinions as counts per grade index (each text read once), whose running sum finds
 *   the lower median (`percentile_disc(0.5)`).
 * - Activity groups the period's sessions by local week, ISO weekday and hour, with zeros, and
 *   by (weekday, hour) without: only the cells that have sessions.
 */
export function insightsStatement(q: InsightsRequest): SQL {
  const from = sql`${q.from}::timestamptz`;
  const to = sql`${q.to}::timestamptz`;
  const tz = sql`${q.timeZone}::text`;
  return sql`
    with gym_layouts as (
      select id, grade_system, archived from layouts where gym_id = ${q.gymId}
    ),
    gym_climbs as (
      select c.*, l.grade_system, l.archived as layout_archived
      from climbs c join gym_layouts l on l.id = c.layout_id
    ),
    period_sessions as (
      select s.id, s.user_id, s.start_time, s.start_time at time zone ${tz} as local_start
      from climbing_sessions s
      where s.layout_id in (select id from gym_layouts) and s.deleted_at is null
        and s.start_time >= ${from} and s.start_time < ${to}
    ),
    tries as (
      select r.id as route_id, s.id as session_id, s.user_id, s.start_time, r.logged_at as at,
             r.climb_id, r.is_success, r.attempts, r.grade as route_grade, r.rating,
             r.grade_opinion, c.grade_system
      from period_sessions s
      join session_routes r on r.user_id = s.user_id and r.session_id = s.id
      join gym_climbs c on c.id = r.climb_id
    ),
    candidates as (
      select * from tries where is_success and attempts = 1
    ),
    firsts as (
      select user_id, climb_id, min(at) as first_at
      from (
        -- The candidates' whole histories, fenced so the pairs below filter them after the
        -- join (joined before, the planner paired every route of a climb with its candidates).
        select s.user_id, r.climb_id, r.logged_at as at
        from climbing_sessions s
        join session_routes r on r.user_id = s.user_id and r.session_id = s.id
        where s.deleted_at is null and s.user_id in (select user_id from candidates)
        offset 0
      ) h
      where (user_id, climb_id) in (select user_id, climb_id from candidates)
      group by user_id, climb_id
    ),
    flashes as (
      select t.climb_id, count(*) as flashes
      from candidates t
      join firsts f on f.user_id = t.user_id and f.climb_id = t.climb_id and f.first_at = t.at
      where not exists (
        select 1 from session_routes r
        join climbing_sessions s on s.user_id = r.user_id and s.id = r.session_id
        where r.user_id = t.user_id and r.climb_id = t.climb_id and r.logged_at = t.at and s.user_id = t.user_id
          and s.deleted_at is null
          and (s.start_time, s.id, r.id) < (t.start_time, t.session_id, t.route_id)
      )
      group by t.climb_id
    ),
    -- One pass over the tries, three groupings: per climb and climber, per grade text and
    -- climber, per climb and opinion text.
    groups as (
      select grouping(climb_id) = 0 and grouping(user_id) = 0 as by_climber,
             grouping(route_grade) = 0 as by_text, climb_id, user_id, route_grade,
             grade_system, grade_opinion, count(*) as tries, sum(attempts) as attempts,
             count(*) filter (where is_success) as sends, coalesce(sum(rating), 0) as rating_sum,
             count(rating) as rating_count
      from tries
      group by grouping sets ((climb_id, user_id), (route_grade, user_id),
                              (climb_id, grade_system, grade_opinion))
    ),
    climb_tries as (
      select climb_id, count(*) as climbers, sum(tries) as tries, sum(attempts) as attempts,
             sum(sends) as sends, sum(rating_sum) as rating_sum, sum(rating_count) as rating_count
      from groups where by_climber group by climb_id
    ),
    opinion_counts as (
      select climb_id, idx, sum(tries) as n
      from (
        select climb_id, tries, ${indexIn(sql`grade_system`, sql`grade_opinion`)} as idx
        from groups
        where not by_climber and not by_text and grade_opinion is not null
      ) o
      where idx is not null
      group by climb_id, idx
    ),
    climb_opinions as (
      select climb_id, total as opinions, min(idx) as median
      from (
        select climb_id, idx, sum(n) over (partition by climb_id order by idx) as running,
               sum(n) over (partition by climb_id) as total
        from opinion_counts
      ) k
      where 2 * running >= total
      group by climb_id, total
    ),
    listed as (
      select c.id, c.layout_id, c.name, c.grade, c.setter, c.set_at, c.removal_planned_at,
             c.archived, c.grade_system,
             coalesce(t.climbers, 0) as climbers, coalesce(t.tries, 0) as tries,
             coalesce(t.attempts, 0) as attempts, coalesce(t.sends, 0) as sends,
             coalesce(f.flashes, 0) as flashes, coalesce(t.rating_sum, 0) as rating_sum,
             coalesce(t.rating_count, 0) as rating_count, coalesce(o.opinions, 0) as opinions,
             o.median
      from gym_climbs c
      left join climb_tries t on t.climb_id = c.id
      left join flashes f on f.climb_id = c.id
      left join climb_opinions o on o.climb_id = c.id
      where (not c.archived and not c.layout_archived) or t.climb_id is not null
    ),
    set_rows as (
      select grade, rank, count(*) as climbs from (
        select ${shownGrade(sql`grade`)} as grade, ${gradeOrder('rank', gradeKey(sql`grade`))} as rank
        from gym_climbs where not archived and not layout_archived
      ) g group by grade, rank
    ),
    grade_texts as (
      select route_grade, ${shownGrade(sql`route_grade`)} as grade,
             ${gradeOrder('rank', gradeKey(sql`route_grade`))} as rank
      from (select distinct route_grade from groups where by_text) g
    ),
    climbed_by_text as (
      select route_grade, user_id, tries, attempts, sends from groups where by_text
    ),
    climbed_rows as (
      select g.grade, g.rank, count(distinct b.user_id) as climbers, sum(b.tries) as tries,
             sum(b.attempts) as attempts, sum(b.sends) as sends
      from climbed_by_text b join grade_texts g on g.route_grade = b.route_grade
      group by g.grade, g.rank
    ),
    weeks as (
      select generate_series(
        date_trunc('week', ${from} at time zone ${tz}),
        date_trunc('week', (${to} - interval '1 millisecond') at time zone ${tz}),
        interval '1 week') as week_start
    ),
    week_rows as (
      select w.week_start, count(s.id) as sessions, count(distinct s.user_id) as climbers
      from weeks w
      left join period_sessions s on date_trunc('week', s.local_start) = w.week_start
      group by w.week_start
    ),
    weekday_rows as (
      select d.weekday, count(s.id) as sessions
      from generate_series(1, 7) d(weekday)
      left join period_sessions s on extract(isodow from s.local_start) = d.weekday
      group by d.weekday
    ),
    hour_rows as (
      select h.hour, count(s.id) as sessions
      from generate_series(0, 23) h(hour)
      left join period_sessions s on extract(hour from s.local_start) = h.hour
      group by h.hour
    ),
    weekday_hour_rows as (
      select extract(isodow from local_start)::int as weekday,
             extract(hour from local_start)::int as hour, count(*) as sessions
      from period_sessions
      group by 1, 2
    )
    select
      (select coalesce(json_agg(json_build_object('grade', grade, 'climbs', climbs)
         order by ${GRADE_ROW_ORDER}), '[]'::json) from set_rows)::text as set,
      (select coalesce(json_agg(json_build_object('grade', grade, 'climbers', climbers,
           'tries', tries, 'attempts', attempts, 'sends', sends)
         order by ${GRADE_ROW_ORDER}), '[]'::json) from climbed_rows)::text as climbed,
      (select coalesce(json_agg(json_build_object(
           'id', id, 'layoutId', layout_id, 'name', name, 'grade', grade, 'setter', setter,
           'setAt', ${isoText(sql`set_at`)}, 'removalPlannedAt', removal_planned_at::text,
           'ageDays', case when set_at is not null then greatest(0,
             ((${to} - interval '1 millisecond') at time zone ${tz})::date
             - (set_at at time zone ${tz})::date) end,
           'archived', archived, 'system', grade_system, 'climbers', climbers, 'tries', tries,
           'attempts', attempts, 'sends', sends, 'flashes', flashes, 'ratingSum', rating_sum,
           'ratingCount', rating_count, 'opinions', opinions, 'median', median)), '[]'::json)
       from listed)::text as climbs,
      (select json_agg(json_build_object('weekStart', to_char(week_start, 'YYYY-MM-DD'),
           'sessions', sessions, 'climbers', climbers) order by week_start)
       from week_rows)::text as weeks,
      (select json_agg(json_build_object('weekday', weekday, 'sessions', sessions)
         order by weekday) from weekday_rows)::text as by_weekday,
      (select json_agg(json_build_object('hour', hour, 'sessions', sessions) order by hour)
       from hour_rows)::text as by_hour,
      (select coalesce(json_agg(json_build_object('weekday', weekday, 'hour', hour,
           'sessions', sessions) order by weekday, hour), '[]'::json)
       from weekday_hour_rows)::text as by_weekday_hour`;
}
