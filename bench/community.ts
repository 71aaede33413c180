/**
 * `npx tsx bench/community.ts` (or part 11 of `npm run bench`): the community view of a layout's
 * climbs once climbers have logged 100,000 routes on them, on PGlite and, when it answers,
 * PostgreSQL. The rows go straight into the database, then the aggregate is filled by the
 * migration's own rebuild (timed: what the migration costs such a gym). Measured in one run:
 * the query the server runs now (over `climb_climber_stats`) against the old one computed from
 * every route (kept as the tests' oracle), both as SQL on the same connection (medians of
 * `BENCH_REPEATS`), and `GET /layouts/:id/climbs` over HTTP. The two answers must be equal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { startServer, type StartOptions } from '@sendlog/server';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
// The statements the server and its migration run, rendered here to time them on a connection.
import { rebuildCommunityStatements } from '@sendlog/server/catalogue/community-rebuild';
import { communityFromRoutesQuery } from '@sendlog/server/catalogue/community-from-routes';
import { communityQuery } from '@sendlog/server/catalogue/community-sql';
import { createScratchDatabase } from './lib/postgres.js';
import { median, timed } from './lib/stats.js';

export const COMMUNITY_SHAPE = {
  routes: Number(process.env.BENCH_COMMUNITY_ROUTES ?? 100_000),
  routesPerSession: 20,
  sessionsPerUser: 10,
} as const;
const ROUTES = COMMUNITY_SHAPE.routes;
const ROUTES_PER_SESSION = COMMUNITY_SHAPE.routesPerSession;
const SESSIONS_PER_USER = COMMUNITY_SHAPE.sessionsPerUser;

interface Conn {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Climbers, sessions and routes straight into the database, one statement per table. */
async function load(conn: Conn, layoutId: string): Promise<void> {
  const users = Math.ceil(ROUTES / ROUTES_PER_SESSION / SESSIONS_PER_USER);
  await conn.query(
    `insert into users (email, password_hash)
     select 'bench-' || i || '@bench.sendlog.app', 'not a hash' from generate_series(1, $1::int) i`,
    [users],
  );
  await conn.query(
    `insert into climbing_sessions (id, user_id, idempotency_key, client_session_id, layout_id,
       start_time, end_time, revision, updated_at, change_seq)
     select gen_random_uuid(), u.id, 'c:' || u.id || '-' || s, u.id || '-' || s, $1::uuid,
            t, t + interval '2 hours', 1, t + interval '2 hours', s
     from users u cross join generate_series(1, $2::int) s
     cross join lateral (select timestamptz '2026-01-01T18:00:00Z' + s * interval '1 day' as t) d
     where u.email like 'bench-%'`,
    [layoutId, SESSIONS_PER_USER],
  );
  await conn.query(
    `with cl as (
       select id, grade, (row_number() over (order by id) - 1)::int as n,
              count(*) over ()::int as total
       from climbs where layout_id = $1::uuid),
     ss as (select id, user_id, start_time, (row_number() over (order by id))::int as n
            from climbing_sessions)
     insert into session_routes (id, user_id, session_id, client_route_id, climb_id, grade, position,
       is_success, attempts, rating, grade_opinion, logged_at, updated_at)
     select gen_random_uuid(), ss.user_id, ss.id, 'r-' || k, cl.id, cl.grade, k, (k + ss.n) % 3 <> 0,
            1 + (k + ss.n) % 5,
            case when (k + ss.n) % 4 = 0 then null else 1 + (k * 7 + ss.n) % 5 end,
            case when (k + ss.n) % 3 = 0 then cl.grade when (k + ss.n) % 7 = 0 then 'soft' end,
            ss.start_time + k * interval '1 minute', ss.start_time + k * interval '1 minute'
     from ss cross join generate_series(0, $2::int - 1) k
     join cl on cl.n = (k * 13 + ss.n) % cl.total`,
    [layoutId, ROUTES_PER_SESSION],
  );
}

const dialect = new PgDialect();
const run = (conn: Conn, statement: SQL) => {
  const q = dialect.sqlToQuery(statement);
  return conn.query(q.sql, q.params);
};

/** The migration's backfill: both aggregate levels from every route, in one transaction. */
async function rebuild(conn: Conn): Promise<void> {
  await conn.query('begin');
  for (const statement of rebuildCommunityStatements()) await run(conn, statement);
  await conn.query('commit');
  await conn.query('analyze');
}

export interface CommunityFigures {
  climbs: number;
  /** (climb, climber) rows of the aggregate: what a request reads now. */
  climberRows: number;
  loadS: number;
  rebuildMs: number;
  /** Medians of the two queries as SQL on one connection, and of the HTTP request. */
  oldSqlMs: number;
  newSqlMs: number;
  httpMs: number;
  plan: string;
}

async function explain(conn: Conn, query: SQL): Promise<string> {
  const q = dialect.sqlToQuery(query);
  const plan = await conn.query(
    `explain (analyze, costs off, timing off, summary on) ${q.sql}`,
    q.params,
  );
  return (plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
}

const sorted = (rows: unknown[]) =>
  JSON.stringify(
    (rows as { climb_id: string }[])
      .map((r) => Object.values(r).map(String))
      .sort((a, b) => a[0]!.localeCompare(b[0]!)),
  );

/** Old and new query alternately on one connection; their answers must be equal. */
async function timeQueries(conn: Conn, layoutId: string, repeats: number) {
  const filter = sql`c.layout_id = ${layoutId}`;
  const oldQuery = communityFromRoutesQuery(filter);
  const newQuery = communityQuery(filter);
  const [oldRows, newRows] = [await run(conn, oldQuery), await run(conn, newQuery)];
  if (sorted(oldRows.rows) !== sorted(newRows.rows))
    throw new Error('the aggregate answers differently from the routes');
  const oldMs: number[] = [];
  const newMs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    oldMs.push((await timed(() => run(conn, oldQuery))).ms);
    newMs.push((await timed(() => run(conn, newQuery))).ms);
  }
  return { oldSqlMs: median(oldMs), newSqlMs: median(newMs), plan: await explain(conn, newQuery) };
}

async function timeClimbsList(url: string, layoutId: string, repeats: number) {
  const get = async () => {
    const start = performance.now();
    const res = await fetch(`${url}/layouts/${layoutId}/climbs`);
    const body = (await res.json()) as { climbs: { community: { climbers: number } }[] };
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`GET climbs answered ${res.status}`);
    return { ms, body };
  };
  await get(); // warm-up
  const timings: number[] = [];
  let climbs = 0;
  let climbers = 0;
  for (let i = 0; i < repeats; i += 1) {
    const { ms, body } = await get();
    timings.push(ms);
    climbs = body.climbs.length;
    climbers = body.climbs.reduce((n, c) => n + c.community.climbers, 0);
  }
  return { httpMs: median(timings), climbs, climbers };
}

async function measure(
  options: StartOptions,
  withConn: (fn: (c: Conn) => Promise<void>) => Promise<void>,
  repeats: number,
): Promise<CommunityFigures> {
  // A first start migrates and seeds the demo gym; the load goes in while no server runs.
  const seeded = await startServer({ ...options, demo: true, logger: false });
  const layouts = (await (await fetch(`${seeded.url}/layouts`)).json()) as {
    layouts: { id: string; name: string }[];
  };
  await seeded.close();
  const layoutId = layouts.layouts.find((l) => l.name === 'Main Wall')!.id;
  let queries = { oldSqlMs: 0, newSqlMs: 0, plan: '' };
  let loadS = 0;
  let rebuildMs = 0;
  await withConn(async (conn) => {
    loadS = (await timed(() => load(conn, layoutId))).ms / 1000;
    rebuildMs = (await timed(() => rebuild(conn))).ms;
    queries = await timeQueries(conn, layoutId, repeats);
  });
  const server = await startServer({ ...options, demo: false, logger: false });
  try {
    const r = await timeClimbsList(server.url, layoutId, repeats);
    return {
      climbs: r.climbs,
      climberRows: r.climbers,
      loadS,
      rebuildMs,
      ...queries,
      httpMs: r.httpMs,
    };
  } finally {
    await server.close();
  }
}

/** Both databases (PostgreSQL skipped, as null, when it does not answer). */
export async function communityBench(repeats: number): Promise<{
  pglite: CommunityFigures;
  postgres: CommunityFigures | null;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sendlog-bench-community-'));
  let pglite: CommunityFigures;
  try {
    pglite = await measure(
      { dataDir },
      async (fn) => {
        const db = await PGlite.create(dataDir);
        try {
          await fn({ query: (text, params) => db.query(text, params) });
        } finally {
          await db.close();
        }
      },
      repeats,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const scratch = await createScratchDatabase();
  if (!scratch) return { pglite, postgres: null };
  try {
    const postgres = await measure(
      { databaseUrl: scratch.url },
      async (fn) => {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        try {
          await fn({ query: (text, params) => client.query(text, params) });
        } finally {
          await client.end();
        }
      },
      repeats,
    );
    return { pglite, postgres };
  } finally {
    await scratch.drop();
  }
}

export function describeCommunity(name: string, f: CommunityFigures): string {
  return (
    `[community ${name}] ${ROUTES.toLocaleString('en')} routes on ${f.climbs} climbs, ` +
    `${f.climberRows.toLocaleString('en')} climber-climb rows (loaded in ${f.loadS.toFixed(1)} s, ` +
    `aggregate rebuilt in ${f.rebuildMs.toFixed(0)} ms): old query ${f.oldSqlMs.toFixed(1)} ms, ` +
    `aggregate ${f.newSqlMs.toFixed(1)} ms (${(f.oldSqlMs / f.newSqlMs).toFixed(1)}× faster); ` +
    `GET /layouts/:id/climbs ${f.httpMs.toFixed(1)} ms`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await communityBench(Number(process.env.BENCH_REPEATS ?? 15));
  for (const [name, f] of Object.entries(figures)) {
    if (!f) continue;
    console.log(`\n${describeCommunity(name, f)}`);
    console.log(`[community ${name}] plan of the community query:\n${f.plan}`);
  }
}
