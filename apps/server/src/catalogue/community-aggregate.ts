import type { GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { gradeOrder } from '../db/grade-sql.js';
import { arrayParam } from '../db/sql.js';

/**
 * Keeps `climb_climber_stats` (see db/schema.ts) equal to what the routes say, inside the
 * transaction that writes them: one row per climber and climb.
 *
 * New sessions, the common write, can only add: their routes are read back by session (the
 * routes' unique key) and merged into the climber's rows (sends add up, keys take the greatest),
 * which is exact. Any other change of a climb's routes (an edit, a route moved or removed, a
 * session deleted) recomputes the climber's rows of those climbs from the climber's own routes,
 * by the expressions the full rebuild uses, so the row equals the rebuild whatever the edit was (a
 * "latest" cannot be undone by a delta). That read goes from the climber's sessions to their
 * routes, never from a climb to its routes, which grow with the gym.
 *
 * Why it is exact under concurrency: every row belongs to one climber, and every write of a
 * climber's routes runs after taking that climber's row lock (`lockUserChanges`) in the same
 * transaction. So one climber's writes take turns and each reads the previous one's commit
 * (READ COMMITTED takes a new snapshot per statement), while two climbers logging the same climb
 * write different rows: nothing to lose, nothing to deadlock on.
 *
 * An earlier version kept a second level, one row per climber, climb and session, so an edit read
 * only its session's routes; it was almost a second copy of the routes and cost a bulk 1.5× its
 * time (bench part 1). An edit now reads the climber's routes of the climbs it touched instead.
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
/** A climber's row merged with new sessions' routes: sends add up, keys take the greatest. */
const MERGE_VALUES = sql.raw(
  VALUE_COLUMNS.map((c) =>
    c === 'sends'
      ? `sends = climb_climber_stats.sends + excluded.sends`
      : `${c} = greatest(climb_climber_stats.${c}, excluded.${c})`,
  ).join(', '),
);

/** What one write of a climber changed, as `writeSetOf` (sessions/ingest/write-set.ts) finds it. */
export interface TouchedClimbs {
  /** Climbs whose stored routes changed (or whose session was deleted): recomputed. */
  climbIds: string[];
  /**
   * (session, climb) pairs of sessions new in this write, on climbs not in `climbIds`: their
   * routes are merged into the climber's row (a sum and a greatest).
   */
  added: { sessionIds: string[]; climbIds: string[] };
}

/**
 * Brings the community rows of `userId` a write touched up to date: one statement for a write of
 * new sessions, two for edits, three for both. Call it after the routes and sessions are written,
 * in their transaction, holding the user's lock.
 */
export async function refreshCommunity(
  db: Db,
  userId: string,
  touched: TouchedClimbs,
): Promise<void> {
  const climbs = arrayParam(touched.climbIds, 'uuid');
  if (touched.added.climbIds.length > 0) {
    // Only new sessions touched these climbs: their routes did not exist before this transaction
    // (a session's id is new with it) and the climber's other routes of the climbs are unchanged,
    // so the row (a sum and a greatest over the climber's routes) is the old one merged with them.
    // The new sessions' routes are read by session (the routes' unique key, laterally, so the
    // planner cannot go through a climb's routes); those on climbs recomputed below are left out.
    await db.execute(sql`
      insert into climb_climber_stats (climb_id, user_id, ${VALUES})
      select climb_id, user_id, ${VALUES} from (${climberStatsOf(
        sql`(select distinct session_id from unnest(${arrayParam(touched.added.sessionIds, 'uuid')})
               as u(session_id)) t
            cross join lateral (
              select * from session_routes r where r.session_id = t.session_id
            ) r
            join climbing_sessions s on s.id = r.session_id and s.deleted_at is null`,
        sql`s.user_id = ${userId} and not (r.climb_id = any(${climbs}))`,
      )}) merged
      on conflict (climb_id, user_id) do update set ${MERGE_VALUES}`);
  }
  if (touched.climbIds.length === 0) return;
  // The rows are computed again from scratch: a climber with no route of a climb left is no
  // longer one of its climbers, so the old rows go first.
  await db.execute(sql`
    delete from climb_climber_stats
    where user_id = ${userId} and climb_id = any(${climbs})`);
  // From the climber's sessions to their routes of these climbs (a lateral lookup by session, the
  // routes' unique key), never through the climbs' own index, whose routes grow with the gym.
  await db.execute(sql`
    insert into climb_climber_stats (climb_id, user_id, ${VALUES})
    select climb_id, user_id, ${VALUES} from (${climberStatsOf(
      sql`climbing_sessions s
          cross join lateral (
            select * from session_routes r
            where r.session_id = s.id and r.climb_id = any(${climbs})
          ) r`,
      sql`s.user_id = ${userId} and s.deleted_at is null`,
    )}) recomputed`);
}

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
          sql`session_routes r join climbing_sessions s on s.id = r.session_id`,
          sql`s.deleted_at is null`,
        )}) l`,
  ];
}

export async function rebuildCommunity(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of rebuildCommunityStatements()) await tx.execute(statement);
  });
}
