import type {
  PyramidRow,
  StatsGradeSource,
  StatsHighlight,
  StatsResponse,
  StatsWeek,
} from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { boundedRead } from '../db/bounded-read.js';
import { queryRows } from '../db/sql.js';
import { gradeKey, gradeOrder } from '../db/grade-sql.js';

export interface StatsRequest {
  userId: string;
  /** Inclusive, an ISO instant (already resolved: see `resolveStatsPeriod`). */
  from: string;
  /** Exclusive. */
  to: string;
  /** A zone both the runtime and the database know (checked by the query schema). */
  tz: string;
  grades: StatsGradeSource;
  /** Only the sessions at this gym's walls (`GET /stats?gymId=`). */
  gymId?: string | undefined;
}

interface StatsRow {
  sessions: number;
  climbing_days: number;
  totals: string;
  pyramid: string;
  hardest_send: string | null;
  hardest_flash: string | null;
  weeks: string;
}

/** The total order of tries (`compareTries` of @sendlog/rules); uuids sort as their text. */
const TRY_ORDER = sql.raw('at, start_time, session_id, route_id');

/**
 * `GET /stats` in one statement, set-based, with the definitions of @sendlog/rules' logbook.
 *
 * Flashes and repeats need no window over every try: a flash is a one-go send that is its
 * climb's first try, and a repeat is a send that is not its climb's first send, so per climb
 * the first try and the first send (over the whole history: tries before the period count, and
 * in the order of tries by `loggedAt` even tries of later sessions) tell them all. Likewise the
 * pyramid needs per climb only its first try (a flash in the period?), its earliest send in the
 * period and its earliest try there. So the user's sessions and their tries are read once, by one
 * aggregate (`groups`, grouping sets by climb, by session and by grade texts), and no step sorts
 * them all (a window or a `distinct on` over every try: on a long history that sort, and the JIT
 * compiling it invites, cost more than everything else).
 *
 * No step joins two sets that grow with the history either: the planner cannot estimate these
 * steps (PGlite never gathers statistics, and PostgreSQL's are often older than the history), so
 * it expects a row or two and joins by nested loop. Joining the period's sessions to their tries'
 * sums that way compared every session with every other: 25 million comparisons and 3–4 s for
 * 5,000 sessions of 5 tries, while a history as long whose tries sat in a hundred sessions took
 * 0.2 s. Sessions without tries now come through the aggregate as one row of nulls (a left join
 * of sessions to routes, linear by the route index), and the small per-climb steps are combined
 * by `union all` and one sort rather than joined to each other.
 *
 * - `climb_firsts`: per climb tried in the period, the earliest moment of each of the four;
 *   `moments`: the few tries at those moments, by index; `first_try` … `period_send`: the
 *   first of each, ties broken by the rest of the order of tries.
 * - `period_sessions`: per session in the period, its tries, attempts and sends; totals and weeks
 *   add those up (weeks and days are local dates in `tz`, ISO weeks by `date_trunc('week')`).
 * - `send_texts`: the highest rank among the period's sends, and the earliest moment of each
 *   grade text at it; the hardest send is the first try at the earliest of those moments.
 * - Grades: a try's grade texts are looked up in the grade table (`parseGrade`'s reading) only
 *   for the few rows that need it: each climb's deciding try, and the distinct texts of sends.
 */
export function statsStatement(q: StatsRequest): SQL {
  const own = q.grades === 'own';
  const from = sql`${q.from}::timestamptz`;
  const to = sql`${q.to}::timestamptz`;
  const tz = sql`${q.tz}::text`;
  const atGym =
    q.gymId === undefined
      ? sql``
      : sql`and s.layout_id in (select id from layouts where gym_id = ${q.gymId})`;
  const mine = sql`s.user_id = ${q.userId} and s.deleted_at is null ${atGym}`;
  const inPeriod = sql`s.start_time >= ${from} and s.start_time < ${to}`;
  /**
   * A try as the steps below read it. Its moment is `loggedAt ?? startTime`; the server always
   * stores `logged_at` (filled from the start when a client sent none), so the moment is the
   * column itself and `session_routes (user_id, climb_id, logged_at)` finds a climb's tries at a moment
   * (`moments`: one index probe per climb and moment rather than a pass over every try). Each
   * moment is probed on its own, by equality on the whole key: given `logged_at = any(…)`, the
   * planner, expecting a row or two per climb, probed by climber and climb only and filtered
   * every try of the climb by moment.
   */
  const tryColumns = sql`
    r.id as route_id, s.id as session_id, s.start_time, r.logged_at as at,
    coalesce(r.climb_id::text, r.climb_key) as climb_id, r.climb_id as catalogue_id,
    r.climb_name as unlisted_name, (r.climb_id is not null or r.climb_kind = 'boulder') as in_table,
    r.is_success, r.attempts, r.grade as route_grade,
    ${own ? sql`r.grade_opinion` : sql`null::text`} as grade_opinion, ${inPeriod} as in_period`;
  /** The moments a climb's tries are looked up at (`moments`), each by the climb's index. */
  const atMoments = sql`array[f.first_at, f.first_send_at, f.period_first_at, f.period_send_at,
                              (select at from hardest_at)]`;
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
             case when ${t}.in_table
               then coalesce(${sql.raw(names.map((n) => `${n}_rank`).join(', '))}) end as rank
      from (select k.*, ${sql.join(ranks, sql`, `)} from (select ${sql.join(keys, sql`, `)}) k) k
    ) g on true`;
  };
  return sql`
    with tries as (
      select ${tryColumns}
      from climbing_sessions s
        left join session_routes r on r.user_id = s.user_id and r.session_id = s.id
      where ${mine}
    ),
    groups as (
      select grouping(climb_id) = 0 as by_climb, grouping(session_id) = 0 as by_session,
             climb_id, session_id, start_time, route_grade, grade_opinion, in_table,
             min(at) as first_at, min(at) filter (where is_success) as first_send_at,
             min(at) filter (where in_period) as period_first_at,
             min(at) filter (where in_period and is_success) as period_send_at,
             count(route_id) filter (where in_period) as tries,
             coalesce(sum(attempts) filter (where in_period), 0) as attempts,
             count(*) filter (where in_period and is_success) as sends
      from tries
      group by grouping sets ((climb_id), (session_id, start_time),
                             (route_grade, grade_opinion, in_table))
    ),
    climb_firsts as (
      select climb_id, first_at, first_send_at, period_first_at, period_send_at,
             case when climb_id not like 'u:%' then climb_id::uuid end as catalogue_id,
             case when climb_id like 'u:%' then climb_id end as climb_key
      from groups where by_climb and period_first_at is not null
    ),
    send_texts as (
      select x.period_send_at as at, g.rank
      from groups x ${graded('x')}
      where not x.by_climb and not x.by_session and x.period_send_at is not null and x.in_table
        and g.rank is not null
    ),
    hardest_rank as (select max(rank) as rank from send_texts),
    hardest_at as (
      select min(at) as at from send_texts where rank = (select rank from hardest_rank)
    ),
    moments as (
      select t.*, f.first_at, f.first_send_at, f.period_first_at, f.period_send_at
      from climb_firsts f cross join lateral (
        select ${tryColumns}
        from (select distinct at from unnest(${atMoments}) as m(at)) m
        cross join lateral (
          select * from session_routes r
          where r.user_id = ${q.userId} and r.climb_id = f.catalogue_id and r.logged_at = m.at
          union all
          select * from session_routes r
          where r.user_id = ${q.userId} and r.climb_key = f.climb_key and r.logged_at = m.at
        ) r cross join lateral (
          select * from climbing_sessions s
          where s.user_id = r.user_id and s.id = r.session_id offset 0
        ) s
        where ${mine}
        offset 0
      ) t
    ),
    first_try as (${firstAt('first_at', '')}),
    first_send as (${firstAt('first_send_at', 'and is_success')}),
    period_first as (${firstAt('period_first_at', 'and in_period')}),
    period_send as (${firstAt('period_send_at', 'and in_period and is_success')}),
    flashes as (
      select * from first_try where in_period and is_success and attempts = 1
    ),
    best as (
      select distinct on (climb_id) climb_id, result, route_grade, grade_opinion, in_table
      from (
        select climb_id, 0 as result, route_grade, grade_opinion, in_table from period_first
        union all select climb_id, 1, route_grade, grade_opinion, in_table from period_send
        union all select climb_id, 2, route_grade, grade_opinion, in_table from flashes
      ) k
      order by climb_id, result desc
    ),
    pyramid as (
      select g.grade, g.rank,
             count(*) filter (where b.result = 2) as flashed,
             count(*) filter (where b.result = 1) as sent,
             count(*) filter (where b.result = 0) as tried_only
      from best b ${graded('b')}
      -- An unlisted climb stands in the pyramid only at a grade of the table (a boulder's V or
      -- Font): its other grades are kept as written, outside it.
      where b.climb_id not like 'u:%' or g.rank is not null
      group by g.grade, g.rank
    ),
    hardest_send as (
      select m.*, g.grade from moments m ${graded('m')}
      where m.in_period and m.is_success and m.at = (select at from hardest_at)
        and g.rank = (select rank from hardest_rank)
      order by ${TRY_ORDER} limit 1
    ),
    hardest_flash as (
      select f.*, g.grade from flashes f ${graded('f')}
      where g.rank is not null
      order by g.rank desc, ${TRY_ORDER} limit 1
    ),
    period_sessions as (
      select date_trunc('week', start_time at time zone ${tz}) as week_start,
             (start_time at time zone ${tz})::date as day, tries, attempts, sends
      from groups
      where by_session and start_time >= ${from} and start_time < ${to}
    ),
    weeks as (
      select generate_series(
        date_trunc('week', ${from} at time zone ${tz}),
        date_trunc('week', (${to} - interval '1 millisecond') at time zone ${tz}),
        interval '1 week') as week_start
    ),
    week_rows as (
      select week_start, sum(sessions) as sessions, sum(attempts) as attempts,
             sum(sends) as sends
      from (
        select week_start, 0 as sessions, 0 as attempts, 0 as sends from weeks
        union all select week_start, 1, attempts, sends from period_sessions
      ) w
      group by week_start
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
           'weekStart', to_char(week_start, 'YYYY-MM-DD'), 'sessions', sessions,
           'attempts', attempts, 'sends', sends)
         order by week_start)
       from week_rows)::text as weeks`;
}

/**
 * The hardest send or flash as the answer shows it (its climb's current name; an unlisted
 * boulder's own name, and no climb id).
 */
function highlight(cte: string, tz: SQL): SQL {
  return sql`(select json_build_object(
      'grade', h.grade, 'climbId', h.catalogue_id, 'climbName', coalesce(c.name, h.unlisted_name),
      'date', to_char(h.at at time zone ${tz}, 'YYYY-MM-DD'))::text
    from ${sql.raw(cte)} h left join climbs c on c.id = h.catalogue_id)`;
}

/**
 * PostgreSQL's planner cannot know how few rows the small steps keep (a climb's first try, the
 * texts of sends), so its cost estimate passes the JIT threshold and compiling the statement
 * took 5 s of a 6 s answer on 10,000 sessions, for nothing. Off for this transaction only.
 */
export const NO_JIT = sql`set local jit = off`;

/** The numbers of `q`; PostgreSQL cancels the statement after `timeoutMs` (see `boundedRead`). */
export async function loadStats(
  db: Db,
  q: StatsRequest,
  timeoutMs: number,
): Promise<StatsResponse> {
  const [row] = await boundedRead(db, timeoutMs, async (tx) => {
    await tx.execute(NO_JIT);
    return queryRows<StatsRow>(tx, statsStatement(q));
  });
  if (!row) throw new Error('the stats query answered no row');
  const totals = JSON.parse(row.totals) as Pick<
    StatsResponse,
    'tries' | 'attempts' | 'sends' | 'flashes' | 'repeats'
  >;
  const parseHighlight = (text: string | null) =>
    text === null ? null : (JSON.parse(text) as StatsHighlight);
  return {
    period: { from: q.from, to: q.to },
    sessions: Number(row.sessions),
    climbingDays: Number(row.climbing_days),
    tries: totals.tries,
    attempts: totals.attempts,
    sends: totals.sends,
    flashes: totals.flashes,
    repeats: totals.repeats,
    hardestSend: parseHighlight(row.hardest_send),
    hardestFlash: parseHighlight(row.hardest_flash),
    pyramid: JSON.parse(row.pyramid) as PyramidRow[],
    weeks: (JSON.parse(row.weeks) as StatsWeek[] | null) ?? [],
  };
}
