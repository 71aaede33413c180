/**
 * `npm run bench`: every figure of issue 6 measured side by side in one run, printed as a
 * table beside its goal and written to bench/results/latest.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
// The spawner alone: the rest of the test kit chooses test databases, which the bench does not use.
import { spawnServer, type ServerProcess } from '@sendlog/server/testing/server-process';
import { clientStoreBench, type StoreFigures } from './client-store.js';
import { COMMUNITY_SHAPE, communityBench, type CommunityFigures } from './community.js';
import { loadRun, LOAD_SHAPE, type LoadFigures } from './concurrency.js';
import {
  apiTarget,
  emptyTimings,
  ingestRounds,
  INGEST_SHAPE,
  limitRounds,
  summarize,
  type ApiTarget,
  type IngestSummary,
} from './ingest.js';
import { registerUsers, type BenchUser } from './lib/api-client.js';
import {
  deviceBench,
  exportBench,
  loadHistory,
  LOGBOOK_SHAPE,
  statsBench,
  type DeviceFigures,
  type ExportFigures,
  type StatsFigures,
} from './logbook.js';
import { cleanupAll, onCleanup } from './lib/cleanup.js';
import { createScratchDatabase } from './lib/postgres.js';
import { fmt, formatTable, machine, type Row } from './lib/report.js';
import { statementsPerRequest, type StatementCounts } from './lib/server-log.js';
import { median } from './lib/stats.js';
import { ENGINE_SHAPE, syncEngineBench, type EngineFigures } from './sync-engine.js';
import { webDeliveryBench, type WebDeliveryFigures } from './web-delivery.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONFIG = {
  warmup: env('BENCH_WARMUP', 1),
  repeats: env('BENCH_REPEATS', 7),
  loadSeconds: env('BENCH_LOAD_SECONDS', 15),
  loadWarmupSeconds: env('BENCH_LOAD_WARMUP_SECONDS', 3),
  engineRepeats: env('BENCH_ENGINE_REPEATS', 3),
  statsRepeats: env('BENCH_STATS_REPEATS', 3),
};
/** `BENCH_PARTS=7,8,9` runs those parts alone (1–3 run together); unset runs every part. */
const PARTS = process.env.BENCH_PARTS?.split(',').map((p) => Number(p.trim())) ?? null;
const want = (...parts: number[]) => PARTS === null || parts.some((p) => PARTS.includes(p));
// A run of some parts must not overwrite the figures of the last full run.
const RESULTS_FILE = fileURLToPath(
  new URL(
    PARTS === null ? './results/latest.json' : `./results/parts-${PARTS.join('-')}.json`,
    import.meta.url,
  ),
);

const rows: Row[] = [];
const phaseSeconds: Record<string, number> = {};
const benchStart = Date.now();

/** Progress on the terminal, and how long each part took (kept in the results). */
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  console.log(`[${Math.round((start - benchStart) / 1000)} s] ${name} …`);
  try {
    return await fn();
  } finally {
    phaseSeconds[name] = Math.round((Date.now() - start) / 100) / 10;
  }
}
const figures: Record<string, unknown> = {};
/**
 * Part 2's goal: no API can beat 100 singles ÷ the database's own limit for the same rows (the
 * ceiling, measured in the same run), so its goal is a share of that ceiling.
 */
const PART2_OF_CEILING = 0.7;
const pct = (ratio: number) => `${fmt(ratio * 100, 0)} %`;
const times = (ratio: number) => `${fmt(ratio, 1)}×`;
const perS = (value: number) => `${fmt(value, 0)} sessions/s`;

function ingestRows(db: string, s: IngestSummary, statements: StatementCounts) {
  const sql = (counts: number[]) => (counts.length ? `, ${median(counts)} SQL statements` : '');
  const shape = `${INGEST_SHAPE.sessions}×${INGEST_SHAPE.routes}`;
  rows.push(
    {
      part: `1 ingest (${db})`,
      metric: `API: one bulk of ${shape}${sql(statements.firstBulk)}`,
      value: `${perS(s.apiSessionsPerS)} (${fmt(s.bulkMs)} ms)`,
      goal: '',
      met: null,
    },
    {
      part: `1 ingest (${db})`,
      metric: 'limit: same rows, unnest arrays, 1 transaction',
      value: `${perS(s.limitSessionsPerS)} (${fmt(s.limitMs)} ms)`,
      goal: '',
      met: null,
    },
    {
      part: `1 ingest (${db})`,
      metric: 'API rate ÷ limit rate',
      value: pct(s.apiVsLimit),
      goal: '≥ 50 %',
      met: s.apiVsLimit >= 0.5,
    },
    {
      part: `2 bulk vs single (${db})`,
      metric: `100 × POST /sessions/offline (${fmt(s.singlesMs, 0)} ms${sql(statements.single)} each) ÷ 1 bulk; per request ${fmt(s.perRequestMs)} ms + rows ${fmt(s.rowWorkMs, 0)} ms`,
      value: `${times(s.bulkVsSingles)} (${fmt(s.bulkVsCeiling, 2)} of the ceiling)`,
      goal: `≥ 0.7 × ceiling = ${times(PART2_OF_CEILING * s.singlesVsLimit)}`,
      met: s.bulkVsCeiling >= PART2_OF_CEILING,
    },
    {
      part: `2 bulk vs single (${db})`,
      metric: `ceiling: 100 single calls ÷ the limit alone (${fmt(s.limitMs)} ms), i.e. a bulk costing nothing above its rows`,
      value: times(s.singlesVsLimit),
      goal: 'measured',
      met: null,
    },
    {
      part: `3 replay (${db})`,
      metric: `re-sending the synced bulk (${fmt(s.replayMs)} ms${sql(statements.replayBulk)}) ÷ first sync`,
      value: pct(s.replayVsFirst),
      goal: '≤ 50 %',
      met: s.replayVsFirst <= 0.5,
    },
  );
}

function loadRows(one: LoadFigures, two: LoadFigures) {
  for (const f of [one, two]) {
    rows.push({
      part: '4 concurrency (postgres)',
      metric: `${f.processes} API process${f.processes > 1 ? 'es' : ''}, ${f.connections} clients, ${fmt(f.durationS, 0)} s`,
      value: `${perS(f.sessionsPerS)}, p50 ${fmt(f.p50Ms, 0)} ms, p99 ${fmt(f.p99Ms, 0)} ms, ${f.errors} errors`,
      goal: '0 errors',
      met: f.errors === 0,
    });
  }
  rows.push({
    part: '4 concurrency (postgres)',
    metric: '2 processes ÷ 1 process (throughput)',
    value: times(two.sessionsPerS / one.sessionsPerS),
    goal: 'shown',
    met: null,
  });
}

function storeRows(f: StoreFigures[]) {
  const us = (value: number) =>
    value >= 1000 ? `${fmt(value / 1000, 1)} ms` : `${fmt(value, 1)} µs`;
  for (const x of f) {
    rows.push({
      part: '5 client store',
      metric: `logRoute until stored, ${x.historySize.toLocaleString('en-US')} sessions in history`,
      value: `${us(x.storeUs)} (first design: ${us(x.baselineUs)})`,
      goal: '',
      met: null,
    });
  }
  const small = f[0]!;
  const large = f[f.length - 1]!;
  const flat = large.storeUs / small.storeUs;
  const faster = large.baselineUs / large.storeUs;
  rows.push(
    {
      part: '5 client store',
      metric: `logRoute at ${large.historySize.toLocaleString('en-US')} ÷ at ${small.historySize}`,
      value: times(flat),
      goal: '≤ 1.5×',
      met: flat <= 1.5,
    },
    {
      part: '5 client store',
      metric: `first design (one JSON array) ÷ store, at ${large.historySize.toLocaleString('en-US')}`,
      value: times(faster),
      goal: '≥ 50×',
      met: faster >= 50,
    },
  );
}

function engineRows(e: EngineFigures) {
  const kinds = Object.entries(e.byKind)
    .map(([kind, k]) => `${k.count} × ${kind}`)
    .join(', ');
  rows.push({
    part: '6 sync engine (postgres)',
    metric: `syncNow() of ${ENGINE_SHAPE.sessions.toLocaleString('en-US')} pending sessions × ${ENGINE_SHAPE.routes} routes`,
    value: `${fmt(e.medianMs / 1000, 2)} s, ${e.requests} requests (${kinds})`,
    goal: 'shown',
    met: null,
  });
}

function logbookRows(stats: StatsFigures | null, exports: ExportFigures[]) {
  const shape = `${LOGBOOK_SHAPE.sessions.toLocaleString('en-US')} sessions × ${LOGBOOK_SHAPE.routes} routes`;
  if (stats !== null) {
    const sqlMs = median(stats.sqlMs);
    const nodeMs = median(stats.nodeMs);
    rows.push(
      {
        part: '7 stats (postgres)',
        metric: `GET /stats by SQL, ${shape}, 5-year period, own grades, Europe/Berlin`,
        value: `${fmt(sqlMs, 0)} ms`,
        goal: '',
        met: null,
      },
      {
        part: '7 stats (postgres)',
        metric: `in Node: ${stats.pages} × GET /sessions?limit=200 (${fmt(median(stats.pagingMs), 0)} ms), then computeStats`,
        value: `${fmt(nodeMs, 0)} ms`,
        goal: '',
        met: null,
      },
      {
        part: '7 stats (postgres)',
        metric: 'Node from pages ÷ SQL',
        value: times(stats.ratio),
        goal: '≥ 10×',
        met: stats.ratio >= 10,
      },
    );
  }
  for (const e of exports) {
    rows.push({
      part: '8 export (postgres)',
      metric: `peak RSS growth of the server streaming ${shape} as ${e.format} (${fmt(e.bytes / 2 ** 20, 0)} MiB in ${fmt(e.ms / 1000, 1)} s; idle ${fmt(e.idleMiB, 0)} MiB)`,
      value: `${fmt(e.growthMiB, 1)} MiB`,
      goal: '≤ 50 MiB',
      met: e.growthMiB <= 50,
    });
  }
}

function deviceRows(d: DeviceFigures) {
  rows.push({
    part: '9 device stats',
    metric: `computeStats, ${d.sessions.toLocaleString('en-US')} sessions × ${LOGBOOK_SHAPE.routes} routes (CPU ${fmt(d.cpuMedianMs, 1)} ms, wall ${fmt(d.medianMs, 1)} ms), CPU per 1,000 sessions ÷ one 16 ms frame (fastest run ${fmt(d.minPerThousandMs, 1)} ms)`,
    value: `${fmt(d.perThousandMs, 1)} ms = ${fmt(d.perThousandMs / 16, 2)} frame`,
    goal: '≤ 1 frame',
    met: d.perThousandMs <= 16,
  });
  rows.push({
    part: '9 device stats',
    metric: `Progress tab: computeStats + per-try tallies + the four charts' data, same history (CPU ${fmt(d.screen.cpuMedianMs, 1)} ms, wall ${fmt(d.screen.medianMs, 1)} ms), CPU per 1,000 sessions ÷ one 16 ms frame (fastest run ${fmt(d.screen.minPerThousandMs, 1)} ms)`,
    value: `${fmt(d.screen.perThousandMs, 1)} ms = ${fmt(d.screen.perThousandMs / 16, 2)} frame`,
    goal: '≤ 1 frame',
    met: d.screen.perThousandMs <= 16,
  });
}

/** Parts 7 and 8 on one user holding the whole history. */
async function logbookOnPostgres(server: ServerProcess, dbUrl: string) {
  const api = await apiTarget(server.url);
  const user = await phase('parts 7–8: loading 10,000 sessions', () =>
    loadHistory(server.url, api.catalogue),
  );
  let stats: StatsFigures | null = null;
  if (want(7)) {
    stats = await phase('part 7: GET /stats vs Node', () =>
      statsBench(server.url, dbUrl, user, CONFIG.statsRepeats),
    );
    console.log(`EXPLAIN ANALYZE of GET /stats:\n${stats.explain}`);
  }
  const exports: ExportFigures[] = [];
  if (want(8)) {
    const pid = server.child.pid;
    if (pid === undefined) throw new Error('the API process has no pid');
    for (const format of ['csv', 'json'] as const) {
      exports.push(
        await phase(`part 8: export as ${format}`, () =>
          exportBench(server.url, pid, user, format),
        ),
      );
    }
  }
  figures.logbookPostgres = { shape: LOGBOOK_SHAPE, stats, exports };
  logbookRows(stats, exports);
}

function communityRows(db: string, f: CommunityFigures) {
  const part = `11 community (${db})`;
  const ratio = f.oldSqlMs / f.newSqlMs;
  rows.push(
    {
      part,
      metric: `community view of ${COMMUNITY_SHAPE.routes.toLocaleString('en-US')} routes on one layout (${f.climbs} climbs): computed from every route (the old query)`,
      value: `${fmt(f.oldSqlMs, 1)} ms`,
      goal: '',
      met: null,
    },
    {
      part,
      metric: `read from the aggregate kept on ingest (${f.climberRows.toLocaleString('en-US')} climber rows; GET /layouts/:id/climbs ${fmt(f.httpMs, 1)} ms; rebuilt in ${fmt(f.rebuildMs, 0)} ms)`,
      value: `${fmt(f.newSqlMs, 1)} ms`,
      goal: '',
      met: null,
    },
    { part, metric: 'old query ÷ aggregate', value: times(ratio), goal: '≥ 10×', met: ratio >= 10 },
  );
}

function webRows(w: WebDeliveryFigures | null) {
  const part = '10 web app (Chromium)';
  if (!w) {
    rows.push({
      part,
      metric: 'skipped: no Chromium at /usr/bin/chromium',
      value: '',
      goal: '',
      met: null,
    });
    return;
  }
  const kB = (bytes: number) => `${fmt(bytes / 1024, 1)} kB`;
  const { first, repeat } = w.httpCache;
  rows.push(
    {
      part,
      metric: `first load over the wire, empty cache (${first.requests} requests, brotli)`,
      value: kB(first.bytes),
      goal: '≤ 400 KB',
      met: first.bytes <= 400 * 1024,
    },
    {
      part,
      metric: `repeat load over the wire, HTTP cache alone (${repeat.requests} requests)`,
      value: `${kB(repeat.bytes)}, ${repeat.scriptsFromNetwork.length} scripts fetched`,
      goal: '0 scripts',
      met: repeat.scriptsFromNetwork.length === 0,
    },
    {
      part,
      metric: 'repeat load with the service worker: scripts fetched from the network',
      value: `${w.serviceWorker.repeat.scriptsFromNetwork.length} scripts`,
      goal: '0 scripts',
      met: w.serviceWorker.repeat.scriptsFromNetwork.length === 0,
    },
  );
}

async function ingestOnPostgres(api: ApiTarget, conn: pg.PoolClient, logFile: string) {
  const t = emptyTimings();
  await ingestRounds(api, conn, CONFIG, t);
  const s = summarize(t);
  const statements = await statementsPerRequest(logFile);
  figures.ingestPostgres = { timingsMs: t, summary: s, statements };
  ingestRows('postgres', s, statements);
}

/**
 * A real API process, so the load generator in this process never shares an event loop with the
 * server it measures. It writes its log (info level, as deployed) to `logFile` itself.
 */
function startServerProcess(
  database: Record<string, string>,
  logFile: string,
  tokenSecret: string,
): Promise<ServerProcess> {
  return spawnServer({
    env: {
      ...database,
      SENDLOG_TOKEN_SECRET: tokenSecret,
      // Every measurement registers fresh accounts, all from 127.0.0.1.
      SENDLOG_REGISTER_LIMIT: '1000000',
    },
    logFile,
  });
}

async function concurrencyOnPostgres(
  first: ServerProcess,
  dbUrl: string,
  work: string,
  secret: string,
) {
  const api = await apiTarget(first.url);
  const counter = new pg.Pool({ connectionString: dbUrl, max: 1 });
  onCleanup('counting pool', () => counter.end());
  const countStored = async (userIds: string[]) => {
    const { rows: found } = await counter.query<{ n: string }>(
      'select count(*)::text as n from climbing_sessions where user_id = any($1::uuid[])',
      [userIds],
    );
    return Number(found[0]!.n);
  };
  const run = async (urls: string[], durationS: number, users?: BenchUser[]) =>
    loadRun({
      urls,
      users: users ?? (await registerUsers(first.url, LOAD_SHAPE.connections)),
      catalogue: api.catalogue,
      durationS,
      countStored,
    });
  // Warm-ups are not measurements: they share one set of users.
  const warmupUsers = await registerUsers(first.url, LOAD_SHAPE.connections);
  await run([first.url], CONFIG.loadWarmupSeconds, warmupUsers);
  const one = await run([first.url], CONFIG.loadSeconds);
  const second = await startServerProcess(
    { DATABASE_URL: dbUrl },
    join(work, 'api-postgres-2.log'),
    secret,
  );
  onCleanup('second API process', second.stop);
  await run([first.url, second.url], CONFIG.loadWarmupSeconds, warmupUsers);
  const two = await run([first.url, second.url], CONFIG.loadSeconds);
  await second.stop();
  figures.concurrencyPostgres = { shape: LOAD_SHAPE, oneProcess: one, twoProcesses: two };
  loadRows(one, two);
}

async function postgresParts(work: string, secret: string) {
  const db = await createScratchDatabase();
  if (!db) {
    figures.postgres = 'skipped: PostgreSQL not reachable';
    return;
  }
  onCleanup('scratch database', db.drop);
  const logFile = join(work, 'api-postgres-1.log');
  const server = await startServerProcess({ DATABASE_URL: db.url }, logFile, secret);
  onCleanup('API process', server.stop);
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  onCleanup('limit pool', () => pool.end());
  const conn = await pool.connect();
  try {
    if (want(1, 2, 3)) {
      await phase('parts 1–3 on PostgreSQL', async () =>
        ingestOnPostgres(await apiTarget(server.url), conn, logFile),
      );
    }
  } finally {
    conn.release();
  }
  if (want(7, 8)) await logbookOnPostgres(server, db.url);
  if (want(6))
    await phase('part 6: sync engine against the PostgreSQL API', async () => {
      const api = await apiTarget(server.url);
      const engine = await syncEngineBench(api.url, api.catalogue, CONFIG.engineRepeats);
      figures.syncEngine = { shape: ENGINE_SHAPE, ...engine };
      engineRows(engine);
    });
  if (want(4)) {
    await phase('part 4 on PostgreSQL (autocannon)', () =>
      concurrencyOnPostgres(server, db.url, work, secret),
    );
  }
  await server.stop();
}

async function pgliteParts(work: string, secret: string) {
  const dataDir = join(work, 'pglite');
  const logFile = join(work, 'api-pglite.log');
  const server = await startServerProcess({ SENDLOG_DATA_DIR: dataDir }, logFile, secret);
  onCleanup('PGlite API process', server.stop);
  const api = await apiTarget(server.url);
  const t = emptyTimings();
  await ingestRounds(api, null, CONFIG, t);
  // PGlite is one process's database: the limit opens the same data directory once the API is gone.
  await server.stop();
  const direct = await PGlite.create(dataDir);
  onCleanup('PGlite', async () => {
    if (!direct.closed) await direct.close();
  });
  await limitRounds(direct, api.catalogue, CONFIG, t);
  await direct.close();
  const s = summarize(t);
  const statements = await statementsPerRequest(logFile);
  figures.ingestPglite = { timingsMs: t, summary: s, statements };
  ingestRows('pglite', s, statements);
}

async function main() {
  const started = benchStart;
  const work = await mkdtemp(join(tmpdir(), 'sendlog-bench-'));
  // BENCH_KEEP_LOGS=1 keeps the API processes' logs (and PGlite's data) for a closer look.
  if (process.env.BENCH_KEEP_LOGS === '1') console.log(`logs kept in ${work}`);
  else onCleanup('temp dir', () => rm(work, { recursive: true, force: true }));
  const secret = randomBytes(32).toString('hex');
  try {
    if (want(1, 2, 3, 4, 6, 7, 8)) await postgresParts(work, secret);
    if (want(1, 2, 3)) await phase('parts 1–3 on PGlite', () => pgliteParts(work, secret));
    if (want(5)) {
      await phase('part 5: client store', async () => {
        const store = await clientStoreBench();
        figures.clientStore = store;
        storeRows(store);
      });
    }
    if (want(9)) {
      await phase('part 9: computeStats on the device', async () => {
        const device = deviceBench(CONFIG.repeats * 3);
        figures.device = device;
        deviceRows(device);
      });
    }
    if (want(11)) {
      await phase('part 11: the community view at 100,000 routes', async () => {
        const community = await communityBench(CONFIG.repeats);
        figures.community = { shape: COMMUNITY_SHAPE, ...community };
        communityRows('pglite', community.pglite);
        if (community.postgres) communityRows('postgres', community.postgres);
      });
    }
    if (want(10)) {
      await phase('part 10: web app delivery in Chromium', async () => {
        const web = await webDeliveryBench();
        figures.webDelivery = web ?? 'skipped: no Chromium';
        webRows(web);
      });
    }
  } finally {
    await cleanupAll();
  }
  // Grouped by part number, whatever order the parts ran in.
  rows.sort((a, b) => parseInt(a.part, 10) - parseInt(b.part, 10));
  const table = formatTable(rows);
  const m = machine();
  const result = {
    ranAt: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: m,
    config: CONFIG,
    phaseSeconds,
    allGoalsMet: rows.every((r) => r.met !== false),
    table: rows,
    figures,
  };
  await mkdir(join(RESULTS_FILE, '..'), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${table}\n`);
  console.log(
    `machine: ${m.nproc} cores (${m.cpuModel}), Node ${m.node}; ${result.durationS} s; written to ${RESULTS_FILE}`,
  );
}

await main();
