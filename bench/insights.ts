/**
 * `npx tsx bench/insights.ts`: `GET /gyms/:id/insights` on PostgreSQL over one gym of 300 climbs
 * whose climbers logged `BENCH_INSIGHTS_ROUTES` routes (default 1,000,000; 20 a session over one
 * year), written straight into the database. Measured in one run on one connection: the server's
 * statement for the last 8 weeks and for the whole year (medians of `BENCH_REPEATS`), its plan
 * (which indexes it reads), against the same answer computed in Node by `computeInsights` over
 * the same rows read from the database. The two answers must be equal.
 */
import { pathToFileURL } from 'node:url';
import type { GradeSystem } from '@sendlog/contract';
import {
  computeInsights,
  type InsightsCatalogueClimb,
  type InsightsSession,
  type LogbookRoute,
} from '@sendlog/rules';
import { startServer } from '@sendlog/server';
import {
  INSIGHTS_WORK_MEM,
  insightsFromRow,
  insightsStatement,
  type InsightsRequest,
  type InsightsRow,
} from '@sendlog/server/insights/insights-sql';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { createScratchDatabase } from './lib/postgres.js';
import { median, timed } from './lib/stats.js';

export const INSIGHTS_SHAPE = {
  routes: Number(process.env.BENCH_INSIGHTS_ROUTES ?? 1_000_000),
  routesPerSession: 20,
  sessionsPerClimber: 25,
  walls: 10,
  climbsPerWall: 30,
} as const;
const S = INSIGHTS_SHAPE;
const END = Date.parse('2027-01-04T00:00:00Z');
const YEAR_MS = 364 * 24 * 3_600_000;
const TZ = 'Europe/Berlin';
const GRADES = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7'];

/** The gym, its walls and climbs, its climbers, their sessions and routes: one statement each. */
async function load(c: pg.Client): Promise<string> {
  const sessions = Math.ceil(S.routes / S.routesPerSession);
  const climbers = Math.ceil(sessions / S.sessionsPerClimber);
  const gym = await c.query<{ id: string }>(
    `insert into gyms (id, slug, name, time_zone, search_name)
     values (gen_random_uuid(), 'bench-gym', 'Bench gym', $1, 'bench gym') returning id`,
    [TZ],
  );
  const gymId = gym.rows[0]!.id;
  await c.query(
    `insert into layouts (id, gym_id, name, grade_system)
     select gen_random_uuid(), $1::uuid, 'Wall ' || w, 'V' from generate_series(1, $2::int) w`,
    [gymId, S.walls],
  );
  // One climb in six is archived: it was climbed while up and still counts.
  await c.query(
    `insert into climbs (id, layout_id, name, grade, archived, setter, set_at)
     select gen_random_uuid(), l.id, l.name || ' #' || k, ($3::text[])[1 + (k * 5 + n) % 7],
            (k + n) % 6 = 0, 'Setter ' || (1 + (k + n) % 8),
            to_timestamp($4::bigint / 1000.0) - ((k * 11 + n * 3) % 120) * interval '1 day'
     from (select id, name, row_number() over (order by id) as n from layouts
           where gym_id = $1::uuid) l
     cross join generate_series(1, $2::int) k`,
    [gymId, S.climbsPerWall, GRADES, END],
  );
  await c.query(
    `insert into users (email, password_hash)
     select 'insight-' || i || '@bench.sendlog.app', 'not a hash' from generate_series(1, $1::int) i`,
    [climbers],
  );
  // Sessions over the year, at any wall, mostly evenings; one in a hundred deleted.
  await c.query(
    `with w as (select id, (row_number() over (order by id) - 1)::int as n from layouts
                where gym_id = $1::uuid),
     u as (select id, (row_number() over (order by id))::int as n from users
           where email like 'insight-%')
     insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id,
       start_time, end_time, revision, updated_at, change_seq, deleted_at)
     select gen_random_uuid(), u.id, 'c:' || u.id || '-' || s, u.id || '-' || s, w.id, t,
            t + interval '2 hours', 1, t + interval '2 hours', s,
            case when (u.n + s) % 100 = 0 then t + interval '1 day' end
     from u cross join generate_series(1, $2::int) s
     cross join lateral (select to_timestamp($3::bigint / 1000.0)
       + ((u.n * 37 + s * 13) % 364) * interval '1 day'
       + (10 + (u.n + s * 7) % 12) * interval '1 hour' + (u.n % 60) * interval '1 minute' as t) d
     join w on w.n = (u.n + s) % $4::int`,
    [gymId, S.sessionsPerClimber, END - YEAR_MS, S.walls],
  );
  await c.query(
    `with cl as (
       select c.id, c.grade, (row_number() over (order by c.id) - 1)::int as n
       from climbs c join layouts l on l.id = c.layout_id where l.gym_id = $1::uuid),
     ss as (select id, user_id, start_time, (row_number() over (order by id))::int as n
            from climbing_sessions where user_id in (select id from users where email like 'insight-%'))
     insert into session_routes (id, user_id, session_id, client_route_id, climb_id, grade, position,
       is_success, attempts, rating, grade_opinion, logged_at, updated_at)
     select gen_random_uuid(), ss.user_id, ss.id, 'r-' || k, cl.id, cl.grade, k, (k + ss.n) % 3 <> 0,
            1 + (k + ss.n) % 4,
            case when (k + ss.n) % 4 = 0 then null else 1 + (k * 7 + ss.n) % 5 end,
            case when (k + ss.n) % 5 = 0 then ($4::text[])[1 + (k + ss.n * 3) % 7] end,
            ss.start_time + k * interval '3 minutes', ss.start_time + k * interval '3 minutes'
     from ss cross join generate_series(0, $2::int - 1) k
     join cl on cl.n = (k * 13 + ss.n * 7) % $3::int`,
    [gymId, S.routesPerSession, S.walls * S.climbsPerWall, GRADES],
  );
  await c.query('analyze');
  return gymId;
}

const dialect = new PgDialect();

async function runStatement(c: pg.Client, q: InsightsRequest): Promise<InsightsRow> {
  const query = dialect.sqlToQuery(insightsStatement(q));
  await c.query('begin');
  try {
    await c.query('set local jit = off');
    await c.query(dialect.sqlToQuery(INSIGHTS_WORK_MEM).sql);
    return (await c.query<InsightsRow>(query.sql, query.params)).rows[0]!;
  } finally {
    await c.query('commit');
  }
}

async function explain(c: pg.Client, q: InsightsRequest): Promise<string> {
  const query = dialect.sqlToQuery(insightsStatement(q));
  await c.query('begin');
  try {
    await c.query('set local jit = off');
    await c.query(dialect.sqlToQuery(INSIGHTS_WORK_MEM).sql);
    const plan = await c.query(
      `explain (analyze, costs off, timing ${process.env.BENCH_PLAN_TIMING ? 'on' : 'off'}) ${query.sql}`,
      query.params,
    );
    return (plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
  } finally {
    await c.query('commit');
  }
}

interface RouteRow {
  session_id: string;
  user_id: string;
  layout_id: string | null;
  start_time: string;
  deleted: boolean;
  route_id: string | null;
  climb_id: string;
  grade: string;
  is_success: boolean;
  attempts: number;
  rating: number | null;
  grade_opinion: string | null;
  logged_at: string;
}

/** What Node needs: the gym's catalogue and every session of its climbers with their routes. */
async function readRows(c: pg.Client, gymId: string) {
  const climbs = await c.query<InsightsCatalogueClimb & { system: GradeSystem }>(
    `select c.id, c.layout_id as "layoutId", c.name, c.grade, c.setter,
            to_char(c.set_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "setAt",
            c.removal_planned_at::text as "removalPlannedAt", c.archived,
            l.archived as "layoutArchived", l.grade_system as system
     from climbs c join layouts l on l.id = c.layout_id where l.gym_id = $1`,
    [gymId],
  );
  const rows = await c.query<RouteRow>(
    `select s.id as session_id, s.user_id, s.layout_id,
            to_char(s.start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start_time,
            s.deleted_at is not null as deleted, r.id as route_id, r.climb_id, r.grade,
            r.is_success, r.attempts, r.rating, r.grade_opinion,
            to_char(r.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as logged_at
     from climbing_sessions s
     left join session_routes r on r.user_id = s.user_id and r.session_id = s.id
     where s.user_id in (select user_id from climbing_sessions
                         where layout_id in (select id from layouts where gym_id = $1))`,
    [gymId],
  );
  const layouts = await c.query<{ id: string }>('select id from layouts where gym_id = $1', [
    gymId,
  ]);
  return { climbs: climbs.rows, rows: rows.rows, layoutIds: layouts.rows.map((l) => l.id) };
}

function asSessions(rows: readonly RouteRow[]): InsightsSession[] {
  const sessions = new Map<string, InsightsSession & { routes: LogbookRoute[] }>();
  for (const r of rows) {
    let s = sessions.get(r.session_id);
    if (s === undefined) {
      s = {
        id: r.session_id,
        userId: r.user_id,
        layoutId: r.layout_id,
        startTime: r.start_time,
        endTime: null,
        deleted: r.deleted,
        routes: [],
      };
      sessions.set(r.session_id, s);
    }
    if (r.route_id === null) continue;
    s.routes.push({
      id: r.route_id,
      climbId: r.climb_id,
      climbName: '',
      grade: r.grade,
      isSuccess: r.is_success,
      attempts: r.attempts,
      notes: null,
      rating: r.rating,
      gradeOpinion: r.grade_opinion,
      loggedAt: r.logged_at,
    });
  }
  return [...sessions.values()];
}

export interface InsightsFigures {
  routes: number;
  loadS: number;
  weeks8SqlMs: number;
  yearSqlMs: number;
  nodeReadMs: number;
  nodeComputeMs: number;
  plan: string;
}

export async function insightsBench(repeats: number): Promise<InsightsFigures | null> {
  const scratch = await createScratchDatabase();
  if (!scratch) return null;
  try {
    // A first start migrates; the load goes in while no server runs.
    const server = await startServer({ databaseUrl: scratch.url, demo: false, logger: false });
    await server.close();
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    try {
      const loaded = await timed(() => load(c));
      const gymId = loaded.result;
      const year: InsightsRequest = {
        gymId,
        timeZone: TZ,
        from: new Date(END - YEAR_MS).toISOString(),
        to: new Date(END).toISOString(),
      };
      const weeks8: InsightsRequest = {
        ...year,
        from: new Date(END - 8 * 7 * 86_400_000).toISOString(),
      };
      await runStatement(c, year); // warm-up
      const yearMs: number[] = [];
      const weeksMs: number[] = [];
      for (let i = 0; i < repeats; i += 1) {
        yearMs.push((await timed(() => runStatement(c, year))).ms);
        weeksMs.push((await timed(() => runStatement(c, weeks8))).ms);
      }
      const sqlAnswer = insightsFromRow(year, await runStatement(c, year));
      const read = await timed(() => readRows(c, gymId));
      const computed = await timed(async () =>
        computeInsights({
          ...year,
          layoutIds: read.result.layoutIds,
          climbs: read.result.climbs,
          sessions: asSessions(read.result.rows),
        }),
      );
      if (JSON.stringify(computed.result) !== JSON.stringify(sqlAnswer)) {
        throw new Error('Node and SQL answer differently');
      }
      const routes = read.result.rows.filter((r) => r.route_id !== null).length;
      return {
        routes,
        loadS: loaded.ms / 1000,
        weeks8SqlMs: median(weeksMs),
        yearSqlMs: median(yearMs),
        nodeReadMs: read.ms,
        nodeComputeMs: computed.ms,
        plan: await explain(c, year),
      };
    } finally {
      await c.end();
    }
  } finally {
    await scratch.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = await insightsBench(Number(process.env.BENCH_REPEATS ?? 5));
  if (f === null) process.exit(1);
  const node = f.nodeReadMs + f.nodeComputeMs;
  console.log(
    `[insights postgres] ${f.routes.toLocaleString('en')} routes at one gym of ` +
      `${S.walls * S.climbsPerWall} climbs (loaded in ${f.loadS.toFixed(1)} s)\n` +
      `  SQL, the whole year: ${f.yearSqlMs.toFixed(0)} ms; the last 8 weeks: ${f.weeks8SqlMs.toFixed(0)} ms\n` +
      `  Node, the whole year: read the rows ${f.nodeReadMs.toFixed(0)} ms + computeInsights ` +
      `${f.nodeComputeMs.toFixed(0)} ms = ${node.toFixed(0)} ms (${(node / f.yearSqlMs).toFixed(1)}× the SQL)`,
  );
  console.log(`[insights postgres] plan of the whole year:\n${f.plan}`);
}
