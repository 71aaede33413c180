import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import {
  V_GRADES,
  type SessionSnapshotInput,
  type SessionsPage,
  type StatsResponse,
} from '@sendlog/contract';
import { computeStats, type LogbookSession } from '@sendlog/rules';
// The Progress tab's own functions, as the screen calls them.
import { computeProgress, progressCharts } from '@sendlog/rules/progress';
import { NO_JIT, statsStatement } from '@sendlog/server/logbook/stats-sql';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { postBulk, registerUser, type BenchUser, type Catalogue } from './lib/api-client.js';
import { median } from './lib/stats.js';

/**
 * Parts 7–9, the logbook: `GET /stats` by SQL against the same numbers computed in Node from
 * `GET /sessions` pages; the export's memory while it streams; `computeStats` on the device.
 */
export const LOGBOOK_SHAPE = { sessions: 10_000, routes: 20, deviceSessions: 2_000 } as const;

const HOUR = 3_600_000;
const OWN = ['V3', ' v5 ', 'soft', '6a+', null, null] as const;

/** `count` sessions 4 h apart ending now (4.6 years for 10,000), `routes` tries each. */
function history(catalogue: Catalogue, count: number, routes: number): SessionSnapshotInput[] {
  const first = Date.now() - count * 4 * HOUR;
  return Array.from({ length: count }, (_, s) => {
    const start = first + s * 4 * HOUR;
    return {
      clientSessionId: randomUUID(),
      layoutId: catalogue.layoutId,
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 2 * HOUR).toISOString(),
      notes: s % 5 === 0 ? 'tired, but "the crux", finally' : null,
      baseRevision: null,
      updatedAt: new Date(start + 2 * HOUR).toISOString(),
      removedRouteIds: [],
      routes: Array.from({ length: routes }, (_, r) => {
        const loggedAt = new Date(start + (r + 1) * 5 * 60_000).toISOString();
        return {
          clientRouteId: `r${r}`,
          climbId: catalogue.climbs[(s * 7 + r * 3) % catalogue.climbs.length]!.id,
          isSuccess: (s + r) % 3 !== 0,
          attempts: 1 + ((s * r) % 4),
          notes: r % 6 === 0 ? 'heel hook, then match' : null,
          rating: r % 2 === 0 ? 1 + (r % 5) : null,
          gradeOpinion: OWN[(s + r) % OWN.length]!,
          loggedAt,
          updatedAt: loggedAt,
        };
      }),
    };
  });
}

/** A user with the whole history, loaded through the API 100 sessions per bulk. */
export async function loadHistory(url: string, catalogue: Catalogue): Promise<BenchUser> {
  const user = await registerUser(url);
  const sessions = history(catalogue, LOGBOOK_SHAPE.sessions, LOGBOOK_SHAPE.routes);
  for (let i = 0; i < sessions.length; i += 100) {
    const res = await postBulk(url, user, JSON.stringify({ sessions: sessions.slice(i, i + 100) }));
    if (res.summary.created !== Math.min(100, sessions.length - i)) {
      throw new Error(`history load: ${JSON.stringify(res.summary)}`);
    }
  }
  return user;
}

export interface StatsFigures {
  sqlMs: number[];
  nodeMs: number[];
  /** Of the Node figure: paging `GET /sessions` alone. */
  pagingMs: number[];
  pages: number;
  ratio: number;
  explain: string;
}

const auth = (user: BenchUser) => ({ headers: { authorization: `Bearer ${user.token}` } });

async function getJson<T>(url: string, user: BenchUser): Promise<T> {
  const res = await fetch(url, auth(user));
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** Part 7: the whole history's numbers (a 5-year period, own grades, Berlin weeks). */
export async function statsBench(
  url: string,
  dbUrl: string,
  user: BenchUser,
  repeats: number,
): Promise<StatsFigures> {
  const to = new Date(Date.now() + HOUR).toISOString();
  const from = new Date(Date.parse(to) - 5 * 365 * 24 * HOUR).toISOString();
  const options = { from, to, tz: 'Europe/Berlin', grades: 'own' as const };
  const query = new URLSearchParams(options).toString();

  const bySql = () => getJson<StatsResponse>(`${url}/stats?${query}`, user);
  let pages = 0;
  const pagingMs: number[] = [];
  const byNode = async () => {
    const t0 = performance.now();
    const sessions: LogbookSession[] = [];
    let cursor: string | null = null;
    pages = 0;
    do {
      const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await getJson<SessionsPage>(`${url}/sessions?limit=200${after}`, user);
      sessions.push(...page.sessions);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    pagingMs.push(performance.now() - t0);
    return computeStats(sessions, options);
  };

  // Warm-up, and the proof that both ways give the same numbers.
  const [a, b] = [await bySql(), await byNode()];
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('SQL and Node stats differ');
  if (a.tries !== LOGBOOK_SHAPE.sessions * LOGBOOK_SHAPE.routes) {
    throw new Error(`stats counted ${a.tries} tries`);
  }
  pagingMs.length = 0;
  const sqlMs: number[] = [];
  const nodeMs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    let t0 = performance.now();
    await bySql();
    sqlMs.push(performance.now() - t0);
    t0 = performance.now();
    await byNode();
    nodeMs.push(performance.now() - t0);
  }
  return {
    sqlMs,
    nodeMs,
    pagingMs,
    pages,
    ratio: median(nodeMs) / median(sqlMs),
    explain: await explainStats(dbUrl, { userId: user.id, ...options }),
  };
}

/** `EXPLAIN ANALYZE` of the very statement `GET /stats` runs. */
async function explainStats(
  dbUrl: string,
  request: Parameters<typeof statsStatement>[0],
): Promise<string> {
  const { sql, params } = new PgDialect().sqlToQuery(statsStatement(request));
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    // As `GET /stats` runs it: in a transaction without JIT (see NO_JIT).
    await client.query('begin');
    await client.query(new PgDialect().sqlToQuery(NO_JIT).sql);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${sql}`,
      params,
    );
    await client.query('rollback');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

export interface ExportFigures {
  format: 'csv' | 'json';
  idleMiB: number;
  peakMiB: number;
  growthMiB: number;
  bytes: number;
  ms: number;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? Number.NaN) / 1024;
}

/**
 * Part 8: the server process's resident memory, sampled every 5 ms while a client downloads the
 * whole history, against the same process idle just before.
 */
export async function exportBench(
  url: string,
  pid: number,
  user: BenchUser,
  format: 'csv' | 'json',
): Promise<ExportFigures> {
  await new Promise((r) => setTimeout(r, 500));
  const idle = [0, 1, 2, 3, 4].map(() => rssMiB(pid));
  const idleMiB = median(idle);
  let peakMiB = idleMiB;
  const sampler = setInterval(() => {
    peakMiB = Math.max(peakMiB, rssMiB(pid));
  }, 5);
  const t0 = performance.now();
  let bytes = 0;
  try {
    const res = await fetch(`${url}/sessions/export?format=${format}`, auth(user));
    if (!res.ok || !res.body) throw new Error(`export: HTTP ${res.status}`);
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  } finally {
    clearInterval(sampler);
  }
  peakMiB = Math.max(peakMiB, rssMiB(pid));
  return {
    format,
    idleMiB,
    peakMiB,
    growthMiB: peakMiB - idleMiB,
    bytes,
    ms: performance.now() - t0,
  };
}

export interface DeviceFigures {
  sessions: number;
  /** Wall time, median. */
  medianMs: number;
  /** CPU time of this process, median: a shared machine's other processes do not count in it. */
  cpuMedianMs: number;
  /** Of the CPU time. */
  perThousandMs: number;
  /** The fastest run's CPU time per 1,000 sessions (what a quiet machine gives). */
  minPerThousandMs: number;
  /** The Progress tab's whole step: `computeStats`, the per-try tallies and every chart's data. */
  screen: {
    cpuMedianMs: number;
    medianMs: number;
    perThousandMs: number;
    minPerThousandMs: number;
  };
}

/** Wall and CPU time of `repeats` runs of `fn` after three warm-up runs. */
function timeRuns(repeats: number, fn: () => void) {
  for (let i = 0; i < 3; i += 1) fn();
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const cpuMedianMs = median(cpu);
  return {
    medianMs: median(runs),
    cpuMedianMs,
    perThousandMs: (cpuMedianMs * 1000) / LOGBOOK_SHAPE.deviceSessions,
    minPerThousandMs: (Math.min(...cpu) * 1000) / LOGBOOK_SHAPE.deviceSessions,
  };
}

/** Part 9: `computeStats` over 2,000 sessions × 20 routes in this process, as on a phone. */
export function deviceBench(repeats: number): DeviceFigures {
  const first = Date.parse('2022-01-03T17:00:00Z');
  const sessions: LogbookSession[] = Array.from(
    { length: LOGBOOK_SHAPE.deviceSessions },
    (_, s) => {
      const start = first + s * 22 * HOUR;
      return {
        id: `session-${s}`,
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + 2 * HOUR).toISOString(),
        routes: Array.from({ length: LOGBOOK_SHAPE.routes }, (_, r) => {
          const climb = (s * 13 + r * 7) % 400;
          return {
            id: `route-${s}-${r}`,
            climbId: `climb-${climb}`,
            climbName: `Climb ${climb}`,
            grade: V_GRADES[climb % V_GRADES.length]!,
            gradeOpinion: r % 5 === 0 ? 'soft V5' : null,
            isSuccess: (s + r) % 2 === 0,
            attempts: 1 + ((s + r) % 4),
            notes: null,
            rating: null,
            loggedAt: new Date(start + r * 5 * 60_000).toISOString(),
          };
        }),
      };
    },
  );
  const last = first + LOGBOOK_SHAPE.deviceSessions * 22 * HOUR;
  const options = {
    from: new Date(last - 5 * 365 * 24 * HOUR).toISOString(),
    to: new Date(last).toISOString(),
    tz: 'Europe/Berlin',
    grades: 'own' as const,
  };
  const stats = timeRuns(repeats, () => computeStats(sessions, options));
  // A Font climber's phone, 360 points wide: conversions and geometry for all four charts.
  const screen = timeRuns(repeats, () =>
    progressCharts(computeProgress(sessions, options), 'Font', 360),
  );
  return { sessions: LOGBOOK_SHAPE.deviceSessions, ...stats, screen };
}
