/**
 * Part 12: one climber's heavy reads against everyone else, on PGlite and PostgreSQL. A history
 * of 5,000 sessions × 5 tries over five years (the shape that took `GET /stats` 3.6–4.3 s) goes
 * in through the API; then, on one real API process:
 *
 * - the five-year `GET /stats` over HTTP, and both statements as SQL on one connection, the
 *   server's against the one it ran before (`baseline/stats-statement-v1.ts`), answers compared;
 * - another climber's `GET /sessions?limit=5` while nothing runs, while the stats run, while
 *   four stats of the heavy climber are asked at once (one answered, the rest refused) and while
 *   the heavy climber downloads the CSV export.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { SessionSnapshotInput, StatsResponse } from '@sendlog/contract';
import { NO_JIT, statsStatement, type StatsRequest } from '@sendlog/server/logbook/stats-sql';
import { spawnServer, type ServerProcess } from '@sendlog/server/testing/server-process';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { statsStatementV1 } from './baseline/stats-statement-v1.js';
import {
  fetchCatalogue,
  postBulk,
  registerUser,
  type BenchUser,
  type Catalogue,
} from './lib/api-client.js';
import { onCleanup } from './lib/cleanup.js';
import { createScratchDatabase } from './lib/postgres.js';
import { median } from './lib/stats.js';

export const HEAVY_SHAPE = { sessions: 5_000, routes: 5, years: 5, concurrentStats: 4 } as const;

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

export interface Latency {
  median: number;
  max: number;
  samples: number;
}

export interface HeavyReadFigures {
  /** Both statements as SQL on one connection, medians. */
  oldSqlMs: number;
  newSqlMs: number;
  /** `GET /stats` over HTTP, median. */
  httpMs: number;
  /** Another climber's `GET /sessions?limit=5`. */
  otherIdle: Latency;
  otherDuringStats: Latency;
  otherDuringConcurrent: Latency;
  otherDuringExport: Latency;
  concurrent: { ok: number; refused: number; ms: number };
  exportMs: number;
}

/** Sessions 8.8 h apart ending now, five tries each on climbs all over the wall. */
function history(catalogue: Catalogue): SessionSnapshotInput[] {
  const step = (HEAVY_SHAPE.years * YEAR) / HEAVY_SHAPE.sessions;
  const first = Date.now() - HEAVY_SHAPE.years * YEAR + 6 * HOUR;
  return Array.from({ length: HEAVY_SHAPE.sessions }, (_, s) => {
    const start = first + s * step;
    return {
      clientSessionId: randomUUID(),
      layoutId: catalogue.layoutId,
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 2 * HOUR).toISOString(),
      notes: null,
      baseRevision: null,
      updatedAt: new Date(start + 2 * HOUR).toISOString(),
      removedRouteIds: [],
      routes: Array.from({ length: HEAVY_SHAPE.routes }, (_, r) => {
        const loggedAt = new Date(start + (r + 1) * 10 * 60_000).toISOString();
        return {
          clientRouteId: `r${r}`,
          climbId: catalogue.climbs[(s * HEAVY_SHAPE.routes + r) % catalogue.climbs.length]!.id,
          isSuccess: (s + r) % 3 !== 0,
          attempts: 1 + ((s + r) % 3),
          notes: null,
          rating: null,
          gradeOpinion: r === 0 ? 'V4' : null,
          loggedAt,
          updatedAt: loggedAt,
        };
      }),
    };
  });
}

const auth = (user: BenchUser) => ({ headers: { authorization: `Bearer ${user.token}` } });

async function timedGet(url: string, user: BenchUser): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, auth(user));
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

/** The other climber's latency, sampled every 5 ms for as long as `work` runs. */
async function latencyDuring(
  url: string,
  other: BenchUser,
  work: () => Promise<void>,
): Promise<Latency> {
  const samples: number[] = [];
  let running = true;
  const watcher = (async () => {
    while (running) {
      samples.push((await timedGet(`${url}/sessions?limit=5`, other)).ms);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await watcher;
  }
  return { median: median(samples), max: Math.max(...samples), samples: samples.length };
}

interface Conn {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** One statement as `GET /stats` runs it: in a transaction without JIT. */
async function runStats(conn: Conn, statement: SQL): Promise<{ ms: number; row: unknown }> {
  const dialect = new PgDialect();
  const q = dialect.sqlToQuery(statement);
  await conn.query('begin');
  try {
    await conn.query(dialect.sqlToQuery(NO_JIT).sql);
    const t0 = performance.now();
    const { rows } = await conn.query(q.sql, q.params);
    const ms = performance.now() - t0;
    return { ms, row: rows[0] };
  } finally {
    await conn.query('rollback');
  }
}

/** Each text column parsed, so `'12'` from a bigint and from a numeric compare alike. */
const parsed = (row: unknown) =>
  JSON.stringify(
    Object.entries(row as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? (JSON.parse(v) as unknown) : v,
    ]),
  );

/** Old and new statement alternately on one connection; their answers must be equal. */
async function timeStatements(
  conn: Conn,
  request: StatsRequest,
  repeats: number,
): Promise<{ oldSqlMs: number; newSqlMs: number }> {
  const oldMs: number[] = [];
  const newMs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const old = await runStats(conn, statsStatementV1(request));
    const now = await runStats(conn, statsStatement(request));
    if (parsed(old.row) !== parsed(now.row)) throw new Error('old and new stats differ');
    oldMs.push(old.ms);
    newMs.push(now.ms);
  }
  return { oldSqlMs: median(oldMs), newSqlMs: median(newMs) };
}

interface Loaded {
  heavy: BenchUser;
  other: BenchUser;
  request: StatsRequest;
  query: string;
}

async function load(url: string): Promise<Loaded> {
  const heavy = await registerUser(url);
  const other = await registerUser(url);
  const sessions = history(await fetchCatalogue(url, heavy));
  for (let i = 0; i < sessions.length; i += 100) {
    const res = await postBulk(
      url,
      heavy,
      JSON.stringify({ sessions: sessions.slice(i, i + 100) }),
    );
    if (res.summary.created !== 100) throw new Error(`history: ${JSON.stringify(res.summary)}`);
  }
  const to = new Date(Date.now() + HOUR).toISOString();
  const from = new Date(Date.parse(to) - HEAVY_SHAPE.years * YEAR).toISOString();
  const options = { from, to, tz: 'Europe/Berlin', grades: 'own' as const };
  return {
    heavy,
    other,
    request: { userId: heavy.id, ...options },
    query: new URLSearchParams(options).toString(),
  };
}

/** Everything measured over HTTP against the running process. */
async function overHttp(url: string, l: Loaded, repeats: number) {
  const stats = () => timedGet(`${url}/stats?${l.query}`, l.heavy);
  const first = await fetch(`${url}/stats?${l.query}`, auth(l.heavy));
  const answer = (await first.json()) as StatsResponse;
  if (answer.tries !== HEAVY_SHAPE.sessions * HEAVY_SHAPE.routes) {
    throw new Error(`stats counted ${answer.tries} tries`);
  }
  const idle: number[] = [];
  for (let i = 0; i < 40; i += 1)
    idle.push((await timedGet(`${url}/sessions?limit=5`, l.other)).ms);
  const httpMs: number[] = [];
  const otherDuringStats = await latencyDuring(url, l.other, async () => {
    for (let i = 0; i < repeats; i += 1) {
      const r = await stats();
      if (r.status !== 200) throw new Error(`GET /stats answered ${r.status}`);
      httpMs.push(r.ms);
    }
  });
  const concurrent = { ok: 0, refused: 0, ms: 0 };
  const otherDuringConcurrent = await latencyDuring(url, l.other, async () => {
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: HEAVY_SHAPE.concurrentStats }, () => stats()),
    );
    concurrent.ms = performance.now() - t0;
    for (const a of answers) {
      if (a.status === 200) concurrent.ok += 1;
      else if (a.status === 429) concurrent.refused += 1;
      else throw new Error(`concurrent GET /stats answered ${a.status}`);
    }
  });
  let exportMs = 0;
  const otherDuringExport = await latencyDuring(url, l.other, async () => {
    const r = await timedGet(`${url}/sessions/export?format=csv`, l.heavy);
    if (r.status !== 200) throw new Error(`export answered ${r.status}`);
    exportMs = r.ms;
  });
  return {
    httpMs: median(httpMs),
    otherIdle: { median: median(idle), max: Math.max(...idle), samples: idle.length },
    otherDuringStats,
    otherDuringConcurrent,
    otherDuringExport,
    concurrent,
    exportMs,
  };
}

function startProcess(env: Record<string, string>, logFile: string): Promise<ServerProcess> {
  return spawnServer({ env: { ...env, SENDLOG_REGISTER_LIMIT: '1000000' }, logFile });
}

async function onPglite(work: string, repeats: number): Promise<HeavyReadFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sendlog-bench-heavy-'));
  onCleanup('heavy-read PGlite dir', () => rm(dataDir, { recursive: true, force: true }));
  const server = await startProcess({ SENDLOG_DATA_DIR: dataDir }, join(work, 'heavy-pglite.log'));
  onCleanup('heavy-read PGlite API', server.stop);
  const loaded = await load(server.url);
  const http = await overHttp(server.url, loaded, repeats);
  // PGlite is one process's database: the statements are timed once the API has let it go.
  await server.stop();
  const db = await PGlite.create(dataDir);
  try {
    const sqlFigures = await timeStatements(
      { query: (text, params) => db.query(text, params) },
      loaded.request,
      repeats,
    );
    return { ...sqlFigures, ...http };
  } finally {
    await db.close();
  }
}

async function onPostgres(work: string, repeats: number): Promise<HeavyReadFigures | null> {
  const scratch = await createScratchDatabase();
  if (!scratch) return null;
  onCleanup('heavy-read scratch database', scratch.drop);
  const server = await startProcess({ DATABASE_URL: scratch.url }, join(work, 'heavy-pg.log'));
  onCleanup('heavy-read PostgreSQL API', server.stop);
  const loaded = await load(server.url);
  const http = await overHttp(server.url, loaded, repeats);
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    const sqlFigures = await timeStatements(
      { query: (text, params) => client.query(text, params) },
      loaded.request,
      repeats,
    );
    return { ...sqlFigures, ...http };
  } finally {
    await client.end();
    await server.stop();
  }
}

export async function heavyReadBench(
  work: string,
  repeats: number,
): Promise<{ pglite: HeavyReadFigures; postgres: HeavyReadFigures | null }> {
  const pglite = await onPglite(work, repeats);
  const postgres = await onPostgres(work, repeats);
  return { pglite, postgres };
}
