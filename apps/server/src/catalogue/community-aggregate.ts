import type { GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { gradeOrder } from '../db/grade-sql.js';
import { arrayParam } from '../db/sql.js';

/**
 * How `climb_climber_stats` (see db/schema.ts) is computed from the routes: one row per climber
 * and climb, from that climber's routes of that climb (sessions not deleted). The fold
 * (community-fold.ts) recomputes the rows the outbox names with `foldStatement`; the full rebuild
 * (`npm run admin -- rebuild-community`, the bench) computes every row the same way.
 *
 * A recompute rather than a delta: a "latest" cannot be undone by a delta, and a recompute that
 * runs twice writes the same row, so a fold repeated after a crash counts once.
 */

/** The column of each system's latest grade key: the Record makes a new system a type error. */
export const GRADE_KEY_COLUMN: Record<GradeSystem, string> = {
  V: 'grade_key_v',
  Font: 'grade_key_font',
};
const SYSTEMS = Object.keys(GRADE_KEY_COLUMN) as GradeSystem[];
const VALUE_COLUMNS = ['sends', ...SYSTEMS.map((s) => GRADE_KEY_COLUMN[s]), 'rating_key'];

/** An opinion as the community view has always read it: spaces trimmed, upper-cased. */
const OPINION_KEY = sql`upper(btrim(r.grade_opinion))`;

/**
 * Rows `(climb_id, user_id, sends, <keys>)` of the routes `routes` names as `r` (their sessions are
 * `s`, joined by the caller), kept by `where`. Opinions are read as the community view always read
 * them: `upper(btrim(…))`, looked up in each system's table on its own (the grades of one system
 * are distinct, so at most one index each).
 */
function climberStatsOf(routes: SQL, where: SQL): SQL {
  const second = sql`floor(date_part('epoch', r.logged_at))::bigint * 64`;
  const gradeKeys = SYSTEMS.map(
    (system) =>
      sql`max(${second} + ${gradeOrder(system, OPINION_KEY)}) as ${sql.raw(GRADE_KEY_COLUMN[system])}`,
  );
  return sql`
    select r.climb_id, s.user_id,
           (count(*) filter (where r.is_success))::int as sends,
           ${sql.join(gradeKeys, sql`, `)},
           max(${second} + r.rating) as rating_key
    from ${routes}
    where ${where} and r.climb_id is not null
    group by r.climb_id, s.user_id`;
}

const VALUES = sql.raw(VALUE_COLUMNS.join(', '));

/**
 * Every row computed from every route, replacing what was there: for data loaded around the API
 * (`npm run admin -- rebuild-community`, the bench). Parameterless, so its text runs anywhere as
 * it is.
 */
export function rebuildCommunityStatements(): SQL[] {
  return [
    sql`delete from climb_climber_stats`,
    sql`insert into climb_climber_stats (climb_id, user_id, ${VALUES})
        select climb_id, user_id, ${VALUES} from (${climberStatsOf(
          sql`session_routes r join climbing_sessions s on s.user_id = r.user_id and s.id = r.session_id`,
          sql`s.deleted_at is null`,
        )}) l`,
  ];
}

export async function rebuildCommunity(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of rebuildCommunityStatements()) await tx.execute(statement);
  });
}

/** Every value column set from the recomputed row. */
const SET_VALUES = sql.raw(VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '));

/**
 * One statement that brings the rows of these (climber, climb) pairs to what their routes say and
 * deletes their outbox rows: upserts the pairs that still have routes, deletes those with none
 * left. Each climber's routes are read once, by the routes' key (which leads with `user_id`), and
 * kept when their climb is one of the pairs'.
 */
export function foldStatement(userIds: string[], climbIds: string[]): SQL {
  return sql`
    with p as (
      select * from unnest(${arrayParam(userIds, 'uuid')}, ${arrayParam(climbIds, 'uuid')})
        as p(user_id, climb_id)),
    fresh as (${climberStatsOf(
      sql`(select distinct user_id from p) pu
          cross join lateral (
            select * from session_routes r where r.user_id = pu.user_id offset 0
          ) r
          join p on p.user_id = r.user_id and p.climb_id = r.climb_id
          join climbing_sessions s on s.user_id = r.user_id and s.id = r.session_id`,
      sql`s.deleted_at is null`,
    )}),
    upserted as (
      insert into climb_climber_stats (climb_id, user_id, ${VALUES})
      select climb_id, user_id, ${VALUES} from fresh
      on conflict (climb_id, user_id) do update set ${SET_VALUES}),
    emptied as (
      delete from climb_climber_stats c using p
      where c.user_id = p.user_id and c.climb_id = p.climb_id
        and not exists (select 1 from fresh f where f.user_id = p.user_id and f.climb_id = p.climb_id))
    delete from community_outbox o using p
    where o.user_id = p.user_id and o.climb_id = p.climb_id`;
}
