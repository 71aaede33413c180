import type {
  PyramidRow,
  StatsGradeSource,
  StatsHighlight,
  StatsResponse,
  StatsWeek,
} from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { gradeKey, gradeTableRows } from './grade-sql.js';

export interface StatsRequest {
  userId: string;
  /** Inclusive, an ISO instant (already resolved: see `resolveStatsPeriod`). */
  from: string;
  /** Exclusive. */
  to: string;
  /** A zone both the runtime and the database know (checked by the query schema). */
  tz: string;
  grades: StatsGradeSource;
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
 * `GET /stats` in one statement, set-based, with the definitions of @sendlog/rules' logbook:
 *
 * - `tries`: every try of the user outside deleted sessions at a climb tried in the period, the
 *   whole history of those climbs (a flash or a repeat depends on tries before the period, and
 *   in the order of tries, by `loggedAt`, even on tries of later sessions), with the grade it
 *   counts at (the grade table's canonical spelling and rank, matched like `parseGrade`);
 * - `classified`: a window per climb in the order of tries: a flash is a one-go send that is the
 *   climb's first try, a repeat a send after an earlier send;
 * - `period`: the tries of sessions started in `[from, to)`; the pyramid takes each climb's best
 *   result there at the grade of its earliest try with that result (`distinct on`);
 * - weeks and days are local dates in `tz` (`at time zone`), ISO weeks by `date_trunc('week')`.
 */
export function statsStatement(q: StatsRequest): SQL {
  const own = q.grades === 'own';
  const from = sql`${q.from}::timestamptz`;
  const to = sql`${q.to}::timestamptz`;
  const tz = sql`${q.tz}::text`;
  /** The user's sessions that count: deleted ones are left out of everything. */
  const mine = (alias: string) => {
    const s = sql.raw(alias);
    return sql`${s}.user_id = ${q.userId} and ${s}.deleted_at is null`;
  };
  const inPeriod = (start: SQL) => sql`${start} >= ${from} and ${start} < ${to}`;
  return sql`
    with grade_table as (${gradeTableRows()}),
    tries as (
      select r.id as route_id, s.id as session_id, s.start_time,
             coalesce(r.logged_at, s.start_time) as at, r.climb_id, c.name as climb_name,
             r.is_success, r.attempts,
             ${own ? sql`coalesce(og.grade, rg.grade, r.grade)` : sql`coalesce(rg.grade, r.grade)`} as grade,
             ${own ? sql`coalesce(og.rank, rg.rank)` : sql`rg.rank`} as rank
      from climbing_sessions s
      join session_routes r on r.session_id = s.id
      join climbs c on c.id = r.climb_id
      left join grade_table rg on rg.grade = ${gradeKey(sql`r.grade`)}
      ${own ? sql`left join grade_table og on og.grade = ${gradeKey(sql`r.grade_opinion`)}` : sql``}
      where ${mine('s')} and r.climb_id in (
        select pr.climb_id from session_routes pr
        join climbing_sessions ps on ps.id = pr.session_id
        where ${mine('ps')} and ${inPeriod(sql`ps.start_time`)})
    ),
    classified as (
      select t.*,
             t.is_success and t.attempts = 1 and row_number() over w = 1 as is_flash,
             t.is_success and coalesce(
               bool_or(t.is_success) over (w rows between unbounded preceding and 1 preceding),
               false) as is_repeat
      from tries t
      window w as (partition by t.climb_id order by ${TRY_ORDER})
    ),
    period as (
      select *, case when is_flash then 2 when is_success then 1 else 0 end as result
      from classified where ${inPeriod(sql`start_time`)}
    ),
    best as (
      select distinct on (climb_id) climb_id, grade, rank, result from period
      order by climb_id, result desc, ${TRY_ORDER}
    ),
    pyramid as (
      select grade, rank,
             count(*) filter (where result = 2) as flashed,
             count(*) filter (where result = 1) as sent,
             count(*) filter (where result = 0) as tried_only
      from best group by grade, rank
    ),
    period_sessions as (
      select s.start_time from climbing_sessions s
      where ${mine('s')} and ${inPeriod(sql`s.start_time`)}
    ),
    weeks as (
      select generate_series(
        date_trunc('week', ${from} at time zone ${tz}),
        date_trunc('week', (${to} - interval '1 millisecond') at time zone ${tz}),
        interval '1 week') as week_start
    ),
    week_sessions as (
      select date_trunc('week', start_time at time zone ${tz}) as week_start, count(*) as n
      from period_sessions group by 1
    ),
    week_tries as (
      select date_trunc('week', start_time at time zone ${tz}) as week_start,
             sum(attempts) as attempts, count(*) filter (where is_success) as sends
      from period group by 1
    )
    select
      (select count(*) from period_sessions)::int as sessions,
      (select count(distinct (start_time at time zone ${tz})::date) from period_sessions)::int
        as climbing_days,
      (select json_build_object(
         'tries', count(*), 'attempts', coalesce(sum(attempts), 0),
         'sends', count(*) filter (where is_success), 'flashes', count(*) filter (where is_flash),
         'repeats', count(*) filter (where is_repeat))
       from period)::text as totals,
      (select coalesce(json_agg(json_build_object(
           'grade', grade, 'flashed', flashed, 'sent', sent, 'triedOnly', tried_only)
         order by rank is null, rank desc,
                  (case when rank is not null then grade end) collate "C" desc,
                  grade collate "C"), '[]'::json)
       from pyramid)::text as pyramid,
      ${highlight(sql`is_success`, tz)} as hardest_send,
      ${highlight(sql`is_flash`, tz)} as hardest_flash,
      (select json_agg(json_build_object(
           'weekStart', to_char(w.week_start, 'YYYY-MM-DD'), 'sessions', coalesce(ws.n, 0),
           'attempts', coalesce(wt.attempts, 0), 'sends', coalesce(wt.sends, 0))
         order by w.week_start)
       from weeks w
       left join week_sessions ws on ws.week_start = w.week_start
       left join week_tries wt on wt.week_start = w.week_start)::text as weeks`;
}

/** The hardest try of the period passing `filter`: highest rank, ties to the earliest try. */
function highlight(filter: SQL, tz: SQL): SQL {
  return sql`(select json_build_object(
      'grade', grade, 'climbId', climb_id, 'climbName', climb_name,
      'date', to_char(at at time zone ${tz}, 'YYYY-MM-DD'))::text
    from period where ${filter} and rank is not null
    order by rank desc, ${TRY_ORDER} limit 1)`;
}

export async function loadStats(db: Db, q: StatsRequest): Promise<StatsResponse> {
  const [row] = await queryRows<StatsRow>(db, statsStatement(q));
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
