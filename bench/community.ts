/**
 * `npx tsx bench/community.ts`: how long `GET /layouts/:id/climbs` takes once climbers have
 * logged 100,000 routes on one layout's climbs (the community view of each climb is computed
 * from them on every request), on PGlite and, when it answers, PostgreSQL. Prints the median of
 * `BENCH_REPEATS` requests over HTTP and the plan of the community query.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { startServer, type StartOptions } from '@sendlog/server';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
// The query the server runs, rendered here only to show its plan.
import { communityQuery } from '../apps/server/src/catalogue/community.js';
import { createScratchDatabase } from './lib/postgres.js';
import { median } from './lib/stats.js';

const ROUTES = Number(process.env.BENCH_COMMUNITY_ROUTES ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const ROUTES_PER_SESSION = 20;
const SESSIONS_PER_USER = 10;

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
     ss as (select id, start_time, (row_number() over (order by id))::int as n from climbing_sessions)
     insert into session_routes (id, session_id, client_route_id, climb_id, grade, position,
       is_success, attempts, rating, grade_opinion, logged_at, updated_at)
     select gen_random_uuid(), ss.id, 'r-' || k, cl.id, cl.grade, k, (k + ss.n) % 3 <> 0,
            1 + (k + ss.n) % 5,
            case when (k + ss.n) % 4 = 0 then null else 1 + (k * 7 + ss.n) % 5 end,
            case when (k + ss.n) % 3 = 0 then cl.grade when (k + ss.n) % 7 = 0 then 'soft' end,
            ss.start_time + k * interval '1 minute', ss.start_time + k * interval '1 minute'
     from ss cross join generate_series(0, $2::int - 1) k
     join cl on cl.n = (k * 13 + ss.n) % cl.total`,
    [layoutId, ROUTES_PER_SESSION],
  );
  await conn.query('analyze');
}

async function explain(conn: Conn, layoutId: string): Promise<string> {
  const query = new PgDialect().sqlToQuery(communityQuery(sql`c.layout_id = ${layoutId}`));
  const plan = await conn.query(
    `explain (analyze, costs off, timing off, summary on) ${query.sql}`,
    query.params,
  );
  return (plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
}

async function timeClimbsList(url: string, layoutId: string) {
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
  for (let i = 0; i < REPEATS; i += 1) {
    const { ms, body } = await get();
    timings.push(ms);
    climbs = body.climbs.length;
    climbers = body.climbs.reduce((n, c) => n + c.community.climbers, 0);
  }
  return { medianMs: median(timings), climbs, climbers };
}

async function measure(
  name: string,
  options: StartOptions,
  withConn: (fn: (c: Conn) => Promise<void>) => Promise<void>,
) {
  // A first start migrates and seeds the demo gym; the load goes in while no server runs.
  const seeded = await startServer({ ...options, demo: true, logger: false });
  const layouts = (await (await fetch(`${seeded.url}/layouts`)).json()) as {
    layouts: { id: string; name: string }[];
  };
  await seeded.close();
  const layoutId = layouts.layouts.find((l) => l.name === 'Main Wall')!.id;
  let plan = '';
  const loadStart = performance.now();
  await withConn(async (conn) => {
    await load(conn, layoutId);
    plan = await explain(conn, layoutId);
  });
  const loadS = (performance.now() - loadStart) / 1000;
  const server = await startServer({ ...options, demo: false, logger: false });
  try {
    const r = await timeClimbsList(server.url, layoutId);
    console.log(
      `\n[community ${name}] ${ROUTES.toLocaleString('en')} routes on ${r.climbs} climbs ` +
        `(loaded in ${loadS.toFixed(1)} s; ${r.climbers} climber-climb pairs): ` +
        `GET /layouts/:id/climbs median ${r.medianMs.toFixed(1)} ms over ${REPEATS} requests`,
    );
    console.log(`[community ${name}] plan of the community query:\n${plan}`);
  } finally {
    await server.close();
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'sendlog-bench-community-'));
try {
  await measure('pglite', { dataDir }, async (fn) => {
    const db = await PGlite.create(dataDir);
    try {
      await fn({ query: (text, params) => db.query(text, params) });
    } finally {
      await db.close();
    }
  });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

const scratch = await createScratchDatabase();
if (scratch) {
  try {
    await measure('postgres', { databaseUrl: scratch.url }, async (fn) => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        await fn({ query: (text, params) => client.query(text, params) });
      } finally {
        await client.end();
      }
    });
  } finally {
    await scratch.drop();
  }
}
