import type { GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { gradeOrder } from '../db/grade-sql.js';
import { arrayParam, unnestRows, type Column } from '../db/sql.js';

/**
 * How `climb_climber_stats` (see db/schema.ts) is computed from the routes: one row per climber
 * and climb, from that climber's routes of that climb (sessions not deleted). The full rebuild
 * (`npm run admin -- rebuild-community`, the bench) computes every row so.
 *
 * The fold (community-fold.ts) keeps the rows the outbox names in one of two ways. A write that
 * only added routes queues their values, which the fold adds: sends are a count, and a "latest" is
 * the greatest key, so a row of more routes is the old row's sends plus the new ones and the
 * greater of each key. Its cost is the write's size, however long the climber's history. Anything
 * else (an edit, a removal, a session deleted or restored) may lower a latest, which no delta can
 * undo: that pair is recomputed from its routes (`foldStatement`). Either way the outbox row goes
 * in the same statement, so a fold that runs twice finds nothing the second time and counts once.
 */

/** The column of each system's latest grade key: the Record makes a new system a type error. */
export const GRADE_KEY_COLUMN: Record<GradeSystem, string> = {
  V: 'grade_key_v',
  Font: 'grade_key_font',
};
const SYSTEMS = Object.keys(GRADE_KEY_COLUMN) as GradeSystem[];
/** The latest-value columns: each the greatest key of its routes. */
const KEY_COLUMNS = [...SYSTEMS.map((s) => GRADE_KEY_COLUMN[s]), 'rating_key'];
const VALUE_COLUMNS = ['sends', ...KEY_COLUMNS];

/** An opinion as the community view has always read it: spaces trimmed, upper-cased. */
const OPINION_KEY = sql`upper(btrim(r.grade_opinion))`;

/**
 * Rows `(climb_id, user_id, sends, <keys>)` of the routes `routes` names as `r` (their sessions are
 * `s`, joined by the caller), kept by `where`. Opinions are read as the community view always read
 * them: `upper(btrim(…))`, looked up in each system's table on its own (the grades of one system
 * are distinct, so at most one index each).
 */
function climberStatsOf(routes: SQL, where: SQL): SQL {
  return sql`
    select r.climb_id, s.user_id, ${valuesOfRoutes()}
    from ${routes}
    where ${where} and r.climb_id is not null
    group by r.climb_id, s.user_id`;
}

/**
 * The value columns aggregated over routes `r` (`is_success`, `logged_at`, `grade_opinion`,
 * `rating`): a sum and maxima, so the values of routes added later combine with these by adding
 * the sums and taking the greater keys (`applyDeltasStatement`).
 */
function valuesOfRoutes(): SQL {
  const second = sql`floor(date_part('epoch', r.logged_at))::bigint * 64`;
  const gradeKeys = SYSTEMS.map(
    (system) =>
      sql`max(${second} + ${gradeOrder(system, OPINION_KEY)}) as ${sql.raw(GRADE_KEY_COLUMN[system])}`,
  );
  return sql`(count(*) filter (where r.is_success))::int as sends, ${sql.join(gradeKeys, sql`, `)},
             max(${second} + r.rating) as rating_key`;
}

const VALUES = sql.raw(VALUE_COLUMNS.join(', '));

/**
 * Every row computed from every route, replacing what was there: for data loaded around the API
 * (`npm run admin -- rebuild-community`, the bench). Parameterless, so its text runs anywhere as
 * it is.
 */
export function rebuildCommunityStatements(): SQL[] {
  return [
    // Queued values of writes the rebuild reads must not be added again; the lock waits for the
    // writes that queued rows to commit (so the rebuild reads them) and holds later ones back
    // until the rebuild commits (so their rows hold only what it did not read).
    sql`lock table community_outbox in exclusive mode`,
    sql`delete from community_outbox`,
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

/** A route a write adds to a catalogue climb, as the outbox's values need it. */
export interface AddedRoute {
  /** Never null here (unlisted climbs have no community view); typed as routes carry it. */
  climbId: string | null;
  loggedAt: string;
  isSuccess: boolean;
  gradeOpinion: string | null;
  rating: number | null;
}

const addedRouteColumns = {
  climb_id: ['uuid', (r) => r.climbId],
  logged_at: ['timestamptz', (r) => r.loggedAt],
  is_success: ['boolean', (r) => r.isSuccess],
  grade_opinion: ['text', (r) => r.gradeOpinion],
  rating: ['int', (r) => r.rating],
} satisfies Record<string, Column<AddedRoute>>;

/**
 * The outbox rows of one write, as a data-modifying `with` step that runs only when `guard` holds:
 * the climbs it only added routes to carry those routes' values (the fold adds them to the
 * climber's row), the climbs it changed otherwise are marked to be recomputed. Merged into a row
 * already queued: values added up, recompute if either says so.
 *
 * The step is an upsert, not `do nothing`: it must lock a row a fold holds, so a write never counts
 * on a fold that read the routes (or the row's values) before it.
 */
export function queueStep(
  userId: string,
  added: readonly AddedRoute[],
  recompute: readonly string[],
  nowIso: string,
  guard: SQL,
): SQL {
  const pending = greatestOf('community_outbox');
  return sql`
    insert into community_outbox (user_id, climb_id, queued_at, recompute, ${VALUES})
    select ${userId}, climb_id, ${nowIso}::timestamptz, bool_or(recompute), sum(sends)::int,
           ${sql.raw(KEY_COLUMNS.map((c) => `max(${c})`).join(', '))}
    from (
      select r.climb_id, false as recompute, ${valuesOfRoutes()}
      from (select * from ${unnestRows(added, addedRouteColumns)}) r group by r.climb_id
      union all
      select climb_id, true, 0, ${sql.raw(KEY_COLUMNS.map(() => 'null::bigint').join(', '))}
      from unnest(${arrayParam(recompute, 'uuid')}) as c(climb_id)
    ) d
    where ${guard}
    group by climb_id
    on conflict (user_id, climb_id) do update set
      queued_at = least(community_outbox.queued_at, excluded.queued_at),
      recompute = community_outbox.recompute or excluded.recompute,
      sends = community_outbox.sends + excluded.sends, ${pending}`;
}

/**
 * One statement that brings the rows of these (climber, climb) pairs to what their routes say and
 * deletes their outbox rows: upserts the pairs that still have routes, deletes those with none
 * left. Each pair's routes are read by `session_routes_user_climb_logged_idx`.
 */
export function foldStatement(userIds: string[], climbIds: string[]): SQL {
  return sql`
    with p as (${pairs(userIds, climbIds)}),
    fresh as (${climberStatsOf(
      sql`p cross join lateral (
            select * from session_routes r
            where r.user_id = p.user_id and r.climb_id = p.climb_id offset 0
          ) r
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
    ${dequeue}`;
}

/**
 * One statement that adds the values queued for these (climber, climb) pairs (rows that only added
 * routes: `recompute` false) to the climbers' rows and deletes the outbox rows. The values are read
 * from the outbox rows themselves, which the caller holds locked.
 */
export function applyDeltasStatement(userIds: string[], climbIds: string[]): SQL {
  const keys = greatestOf('climb_climber_stats');
  return sql`
    with p as (${pairs(userIds, climbIds)}),
    added as (
      insert into climb_climber_stats (climb_id, user_id, ${VALUES})
      select o.climb_id, o.user_id, ${sql.raw(VALUE_COLUMNS.map((c) => `o.${c}`).join(', '))}
      from p join community_outbox o on o.user_id = p.user_id and o.climb_id = p.climb_id
      where not o.recompute
      on conflict (climb_id, user_id) do update set
        sends = climb_climber_stats.sends + excluded.sends, ${keys})
    ${dequeue}`;
}

/** Each key column of an upsert into `table` set to the greater of the kept and the new key. */
function greatestOf(table: string): SQL {
  return sql.raw(
    KEY_COLUMNS.map((c) => `${c} = greatest(${table}.${c}, excluded.${c})`).join(', '),
  );
}

function pairs(userIds: string[], climbIds: string[]): SQL {
  return sql`select * from unnest(${arrayParam(userIds, 'uuid')}, ${arrayParam(climbIds, 'uuid')})
    as p(user_id, climb_id)`;
}

const dequeue = sql`delete from community_outbox o using p
    where o.user_id = p.user_id and o.climb_id = p.climb_id`;
