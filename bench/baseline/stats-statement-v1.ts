/**
 * The stats statement before issue 24, unchanged but for its name: the baseline part 12 of the
 * bench times the server's statement against, on the same connection in the same run.
 */
import type { StatsRequest } from '@sendlog/server/logbook/stats-sql';
import { gradeKey, gradeOrder } from '@sendlog/server/db/grade-sql';
import { sql, type SQL } from 'drizzle-orm';

/** The total order of tries (`compareTries` of @sendlog/rules); uuids sort as their text. */
const TRY_ORDER = sql.raw('at, start_time, session_id, route_id');

/**
 * `GET /stats` as the server ran it until issue 24, kept whole as part 12's baseline. Without
 * statistics the planner expected the climber to have one session and joined the period's
 * sessions to their tries' sums by nested loop: every session compared with every other.
 */
export function statsStatementV1(q: StatsRequest): SQL {
  const own = q.grades === 'own';
  const from = sql`${q.from}::timestamptz`;
  const to = sql`${q.to}::timestamptz`;
  const tz = sql`${q.tz}::text`;
  const mine = sql`s.user_id = ${q.userId} and s.deleted_at is null`;
  const inPeriod = sql`s.start_time >= ${from} and s.start_time < ${to}`;
  /**
   * The user's tries that `filter` keeps. A try's moment is `loggedAt ?? startTime`; the server
   * always stores `logged_at` (filled from the start when a client sent none), so the moment is
   * the column itself and `session_routes (climb_id, logged_at)` finds a climb's tries at a
   * moment (`moments`: one index probe per climb rather than a pass over every try).
   */
  const tryRows = (filter: SQL) => sql`
    select r.id as route_id, s.id as session_id, s.start_time, r.logged_at as at, r.climb_id,
           r.is_success, r.attempts, r.grade as route_grade,
           ${own ? sql`r.grade_opinion` : sql`null::text`} as grade_opinion,
           ${inPeriod} as in_period
    from session_routes r
    join climbing_sessions s on s.id = r.session_id
    where ${mine} and ${filter}`;
  /** The first try at each climb's `moment`, among the tries `filter` keeps. */
  const firstAt = (moment: string, filter: string) => sql`
    select distinct on (climb_id) * from moments
    where at = ${sql.raw(moment)} ${sql.raw(filter)}
    order by climb_id, start_time, session_id, route_id`;
  /**
   * `grade` and `rank` of the grade texts of `alias` (lateral, for few rows): the climber's own
   * opinion when asked for and it is a grade, else the route's grade; a known one in its canonical
   * spelling (the key it matched), an unknown one as stored and without a rank.
   */
  const graded = (alias: string) => {
    const t = sql.raw(alias);
    const texts = own ? { own: 'grade_opinion', route: 'route_grade' } : { route: 'route_grade' };
    const names = Object.keys(texts);
    const keys = Object.entries(texts).map(
      ([name, column]) => sql`${gradeKey(sql.raw(`${alias}.${column}`))} as ${sql.raw(name)}`,
    );
    const ranks = names.map(
      (n) => sql`${gradeOrder('rank', sql.raw(`k.${n}`))} as ${sql.raw(`${n}_rank`)}`,
    );
    const firstKnown = names.map((n) => sql.raw(`when ${n}_rank is not null then ${n}`));
    return sql`left join lateral (
      select case ${sql.join(firstKnown, sql` `)} else ${t}.route_grade end as grade,
             coalesce(${sql.raw(names.map((n) => `${n}_rank`).join(', '))}) as rank
      from (select k.*, ${sql.join(ranks, sql`, `)} from (select ${sql.join(keys, sql`, `)}) k) k
    ) g on true`;
  };
  return sql`
    with tries as (${tryRows(sql`true`)}),
    groups as (
      select grouping(climb_id) = 0 as by_climb, grouping(session_id) = 0 as by_session,
             climb_id, session_id, route_grade, grade_opinion,
             min(at) as first_at, min(at) filter (where is_success) as first_send_at,
             min(at) filter (where in_period) as period_first_at,
             min(at) filter (where in_period and is_success) as period_send_at,
             count(*) filter (where in_period) as tries,
             coalesce(sum(attempts) filter (where in_period), 0) as attempts,
             count(*) filter (where in_period and is_success) as sends
      from tries
      group by grouping sets ((climb_id), (session_id), (route_grade, grade_opinion))
    ),
    climb_firsts as (
      select climb_id, first_at, first_send_at, period_first_at, period_send_at
      from groups where by_climb and period_first_at is not null
    ),
    send_texts as (
      select x.route_grade, x.grade_opinion, x.period_send_at as at, g.grade, g.rank
      from groups x ${graded('x')}
      where not x.by_climb and not x.by_session and x.period_send_at is not null
        and g.rank is not null
    ),
    hardest_texts as (
      select * from send_texts where rank = (select max(rank) from send_texts)
    ),
    hardest_at as (select min(at) as at from hardest_texts),
    moments as (
      select t.*, f.first_at, f.first_send_at, f.period_first_at, f.period_send_at
      from climb_firsts f cross join lateral (${tryRows(
        sql`r.climb_id = f.climb_id and r.logged_at = any(array[
          f.first_at, f.first_send_at, f.period_first_at, f.period_send_at,
          (select at from hardest_at)])`,
      )}) t
    ),
    first_try as (${firstAt('first_at', '')}),
    first_send as (${firstAt('first_send_at', 'and is_success')}),
    period_first as (${firstAt('period_first_at', 'and in_period')}),
    period_send as (${firstAt('period_send_at', 'and in_period and is_success')}),
    flashes as (
      select * from first_try where in_period and is_success and attempts = 1
    ),
    best as (
      select pf.climb_id,
             case when fl.climb_id is not null then 2 when ps.climb_id is not null then 1 else 0 end
               as result,
             coalesce(fl.route_grade, ps.route_grade, pf.route_grade) as route_grade,
             case when fl.climb_id is not null then fl.grade_opinion
                  when ps.climb_id is not null then ps.grade_opinion
                  else pf.grade_opinion end as grade_opinion
      from period_first pf
      left join flashes fl on fl.climb_id = pf.climb_id
      left join period_send ps on ps.climb_id = pf.climb_id
    ),
    pyramid as (
      select g.grade, g.rank,
             count(*) filter (where b.result = 2) as flashed,
             count(*) filter (where b.result = 1) as sent,
             count(*) filter (where b.result = 0) as tried_only
      from best b ${graded('b')}
      group by g.grade, g.rank
    ),
    hardest_send as (
      select m.*, h.grade from moments m
      join hardest_texts h on h.route_grade = m.route_grade
        and h.grade_opinion is not distinct from m.grade_opinion and h.at = m.at
      where m.in_period and m.is_success
      order by ${TRY_ORDER} limit 1
    ),
    hardest_flash as (
      select f.*, g.grade from flashes f ${graded('f')}
      where g.rank is not null
      order by g.rank desc, ${TRY_ORDER} limit 1
    ),
    session_tries as (select * from groups where by_session),
    period_sessions as (
      select date_trunc('week', s.start_time at time zone ${tz}) as week_start,
             (s.start_time at time zone ${tz})::date as day,
             coalesce(st.tries, 0) as tries, coalesce(st.attempts, 0) as attempts,
             coalesce(st.sends, 0) as sends
      from climbing_sessions s left join session_tries st on st.session_id = s.id
      where ${mine} and ${inPeriod}
    ),
    weeks as (
      select generate_series(
        date_trunc('week', ${from} at time zone ${tz}),
        date_trunc('week', (${to} - interval '1 millisecond') at time zone ${tz}),
        interval '1 week') as week_start
    ),
    week_rows as (
      select week_start, count(*) as sessions, sum(attempts) as attempts, sum(sends) as sends
      from period_sessions group by week_start
    )
    select
      (select count(*) from period_sessions)::int as sessions,
      (select count(distinct day) from period_sessions)::int as climbing_days,
      (select json_build_object(
         'tries', coalesce(sum(tries), 0), 'attempts', coalesce(sum(attempts), 0),
         'sends', coalesce(sum(sends), 0), 'flashes', (select count(*) from flashes),
         'repeats', coalesce(sum(sends), 0)
                    - (select count(*) from first_send where in_period))
       from period_sessions)::text as totals,
      (select coalesce(json_agg(json_build_object(
           'grade', grade, 'flashed', flashed, 'sent', sent, 'triedOnly', tried_only)
         order by rank is null, rank desc,
                  (case when rank is not null then grade end) collate "C" desc,
                  grade collate "C"), '[]'::json)
       from pyramid)::text as pyramid,
      ${highlight('hardest_send', tz)} as hardest_send,
      ${highlight('hardest_flash', tz)} as hardest_flash,
      (select json_agg(json_build_object(
           'weekStart', to_char(w.week_start, 'YYYY-MM-DD'), 'sessions', coalesce(r.sessions, 0),
           'attempts', coalesce(r.attempts, 0), 'sends', coalesce(r.sends, 0))
         order by w.week_start)
       from weeks w left join week_rows r on r.week_start = w.week_start)::text as weeks`;
}

/** The hardest send or flash as the answer shows it (its climb's current name). */
function highlight(cte: string, tz: SQL): SQL {
  return sql`(select json_build_object(
      'grade', h.grade, 'climbId', h.climb_id, 'climbName', c.name,
      'date', to_char(h.at at time zone ${tz}, 'YYYY-MM-DD'))::text
    from ${sql.raw(cte)} h join climbs c on c.id = h.climb_id)`;
}
