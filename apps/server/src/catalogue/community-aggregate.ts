import { GRADES_BY_SYSTEM, type GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { arrayParam } from '../db/sql.js';

/**
 * Keeps `climb_session_stats` and `climb_climber_stats` (see db/schema.ts) equal to what the
 * routes say, inside the transaction that writes them.
 *
 * Why a targeted recompute and not +/- deltas: a row touched by a write is computed again from
 * the rows below it, by the same expressions the full rebuild uses, so after the write it equals
 * the rebuild whatever the edit was (a route moved to another climb, its stars cleared, the
 * latest opinion removed: a "latest" cannot be undone by a delta). Level 1 reads only the routes
 * of the sessions written; level 2 only the touched climbers' level-1 rows of the touched climbs.
 * The one exception is the common case of new sessions only, which can only add: see `added`.
 *
 * Why it is exact under concurrency: every row belongs to one climber, and every write of a
 * climber's routes runs after taking that climber's row lock (`lockUserChanges`) in the same
 * transaction. So one climber's recomputes take turns and each reads the previous one's commit
 * (READ COMMITTED takes a new snapshot per statement), while two climbers logging the same climb
 * write different rows: nothing to lose, nothing to deadlock on.
 */

/** The column of each system's latest grade key: the Record makes a new system a type error. */
export const GRADE_KEY_COLUMN: Record<GradeSystem, string> = {
  V: 'grade_key_v',
  Font: 'grade_key_font',
};
const SYSTEMS = Object.keys(GRADE_KEY_COLUMN) as GradeSystem[];
const VALUE_COLUMNS = ['sends', ...SYSTEMS.map((s) => GRADE_KEY_COLUMN[s]), 'rating_key'];

/**
 * The index of an opinion in one system's grade table (null when it is not one of its grades),
 * the table a constant array: a function call per route, not a join the planner must weigh.
 */
function gradeIndex(system: GradeSystem): SQL {
  const grades = GRADES_BY_SYSTEM[system].map((g) => `'${g}'`).join(', ');
  return sql.raw(`array_position(array[${grades}]::text[], upper(btrim(r.grade_opinion))) - 1`);
}

/**
 * Level-1 rows `(session_id, climb_id, user_id, sends, <keys>)` of the routes `routes` names as
 * `r` (their sessions are `s`), kept by `where`. Opinions are read as the community view always
 * read them: `upper(btrim(…))`, looked up in each system's table on its own (the grades of one
 * system are distinct, so at most one index each).
 */
function sessionStatsOf(routes: SQL, where: SQL): SQL {
  const second = sql`floor(date_part('epoch', r.logged_at))::bigint * 64`;
  const gradeKeys = SYSTEMS.map(
    (system) =>
      sql`max(${second} + (${gradeIndex(system)})) as ${sql.raw(GRADE_KEY_COLUMN[system])}`,
  );
  return sql`
    select r.session_id, r.climb_id, s.user_id,
           (count(*) filter (where r.is_success))::int as sends,
           ${sql.join(gradeKeys, sql`, `)},
           max(${second} + r.rating) as rating_key
    from ${routes}
    -- A deleted session keeps no routes; the filter states it where the rule is read.
    join climbing_sessions s on s.id = r.session_id and s.deleted_at is null
    where ${where}
    group by r.session_id, r.climb_id, s.user_id`;
}

/** Level-2 rows `(climb_id, user_id, sends, <keys>)` from the level-1 rows `rows` names as `x`. */
function climberStatsOf(rows: SQL): SQL {
  const maxima = VALUE_COLUMNS.filter((c) => c !== 'sends').map((c) =>
    sql.raw(`max(x.${c}) as ${c}`),
  );
  return sql`
    select x.climb_id, x.user_id, sum(x.sends)::int as sends, ${sql.join(maxima, sql`, `)}
    from ${rows}
    group by x.climb_id, x.user_id`;
}

const VALUES = sql.raw(VALUE_COLUMNS.join(', '));
/** A level-2 row merged with new sessions' level-1 rows: sends add up, keys take the greatest. */
const MERGE_VALUES = sql.raw(
  VALUE_COLUMNS.map((c) =>
    c === 'sends'
      ? `sends = climb_climber_stats.sends + excluded.sends`
      : `${c} = greatest(climb_climber_stats.${c}, excluded.${c})`,
  ).join(', '),
);

/** Writes only rows whose values changed: an unchanged row keeps its tuple. */
const UPSERT_VALUES = (table: string) =>
  sql.raw(
    `do update set ${VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
     where (${VALUE_COLUMNS.map((c) => `${table}.${c}`).join(', ')})
       is distinct from (${VALUE_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`,
  );

/** What one write of a climber changed, as `writeSetOf` (sessions/write-set.ts) finds it. */
export interface TouchedClimbs {
  /** Sessions whose routes changed (or that were deleted): all their level-1 rows are recomputed. */
  sessionIds: string[];
  /** Climbs whose stored routes changed: the climber's level-2 row of each is recomputed. */
  climbIds: string[];
  /**
   * (session, climb) pairs of sessions new in this write, on climbs not in `climbIds`: their
   * level-1 rows are merged into the climber's level-2 row (a sum and a greatest).
   */
  added: { sessionIds: string[]; climbIds: string[] };
  /** (session, climb) pairs whose session has no route of the climb any more. */
  gone: { sessionIds: string[]; climbIds: string[] };
}

/**
 * Brings the community rows of `userId` a write touched up to date: two statements for a write
 * of new sessions or of edits, three for both, two more when a session lost every route of a
 * climb. Call it after the routes and sessions are written, in their transaction, holding the
 * user's lock.
 *
 * Every statement drives from the write's own keys into a primary key or the routes' unique key
 * (session first): a write reads its sessions' routes and the climber's rows of its climbs,
 * never a climb's routes (which grow with the gym; a first version joined (session, climb)
 * pairs and the planner chose the routes-by-climb index, 7× the ingest's time).
 */
export async function refreshCommunity(
  db: Db,
  userId: string,
  touched: TouchedClimbs,
): Promise<void> {
  if (touched.sessionIds.length === 0) return;
  const gone = touched.gone.sessionIds.length > 0;
  if (gone) {
    // Pairs the write set knows are empty now; the rows it keeps are recomputed below.
    await db.execute(sql`
      delete from climb_session_stats x
      using unnest(${arrayParam(touched.gone.sessionIds, 'uuid')},
                   ${arrayParam(touched.gone.climbIds, 'uuid')}) as t(session_id, climb_id)
      where x.climb_id = t.climb_id and x.user_id = ${userId} and x.session_id = t.session_id`);
  }
  await db.execute(sql`
    insert into climb_session_stats (climb_id, user_id, session_id, ${VALUES})
    select climb_id, user_id, session_id, ${VALUES} from (${sessionStatsOf(
      sql`(select distinct session_id from unnest(${arrayParam(touched.sessionIds, 'uuid')}) as u(session_id)) t
          join session_routes r on r.session_id = t.session_id`,
      sql`s.user_id = ${userId}`,
    )}) l1
    on conflict (user_id, climb_id, session_id) ${UPSERT_VALUES('climb_session_stats')}`);
  const climbs = sql`(select distinct climb_id from unnest(${arrayParam(touched.climbIds, 'uuid')}) as u(climb_id)) t`;
  if (touched.climbIds.length > 0) {
    await db.execute(sql`
      insert into climb_climber_stats (climb_id, user_id, ${VALUES})
      select climb_id, user_id, ${VALUES} from (${climberStatsOf(
        sql`${climbs} join climb_session_stats x on x.climb_id = t.climb_id and x.user_id = ${userId}`,
      )}) l2
      on conflict (climb_id, user_id) ${UPSERT_VALUES('climb_climber_stats')}`);
  }
  if (touched.added.climbIds.length > 0) {
    // Only new sessions touched these climbs: their level-1 rows did not exist before this
    // transaction (a session's id is new with it), and the climber's other rows of the climbs
    // are unchanged, so level 2 (a sum and a greatest over level 1) is the old row merged with
    // the new ones, exactly. A recompute would read every session the climber logged the climb
    // in: a regular's single session cost 1.6× the ingest that way.
    await db.execute(sql`
      insert into climb_climber_stats (climb_id, user_id, ${VALUES})
      select climb_id, user_id, ${VALUES} from (${climberStatsOf(
        sql`unnest(${arrayParam(touched.added.sessionIds, 'uuid')},
                   ${arrayParam(touched.added.climbIds, 'uuid')}) as t(session_id, climb_id)
            join climb_session_stats x
              on x.user_id = ${userId} and x.climb_id = t.climb_id and x.session_id = t.session_id`,
      )}) l2
      on conflict (climb_id, user_id) do update set ${MERGE_VALUES}`);
  }
  if (gone) {
    // A climber with no session of a climb left is no longer one of its climbers.
    await db.execute(sql`
      delete from climb_climber_stats y using ${climbs}
      where y.climb_id = t.climb_id and y.user_id = ${userId}
        and not exists (select 1 from climb_session_stats x
                        where x.climb_id = t.climb_id and x.user_id = ${userId})`);
  }
}

/**
 * Both levels computed from every route, replacing what was there: the migration's backfill
 * (0005_community_aggregate.sql holds this text) and data loaded around the API (the bench).
 * Parameterless, so its text runs anywhere as it is.
 */
export function rebuildCommunityStatements(): SQL[] {
  return [
    sql`delete from climb_climber_stats`,
    sql`delete from climb_session_stats`,
    sql`insert into climb_session_stats (climb_id, user_id, session_id, ${VALUES})
        select climb_id, user_id, session_id, ${VALUES} from (${sessionStatsOf(sql`session_routes r`, sql`true`)}) l1`,
    sql`insert into climb_climber_stats (climb_id, user_id, ${VALUES})
        select climb_id, user_id, ${VALUES} from (${climberStatsOf(sql`climb_session_stats x`)}) l2`,
  ];
}

export async function rebuildCommunity(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of rebuildCommunityStatements()) await tx.execute(statement);
  });
}
