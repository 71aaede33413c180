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
import type { ServerProcess } from '@sendlog/server/testing/server-process';
import { clientStoreBench } from './client-store.js';
import { COMMUNITY_SHAPE, communityBench } from './community.js';
import { loadRun, LOAD_SHAPE } from './concurrency.js';
import { eveningRun, EVENING_SHAPE } from './evening.js';
import { eveningRows } from './reports/evening.js';
import {
  apiTarget,
  emptyTimings,
  ingestRounds,
  limitRounds,
  summarize,
  type ApiTarget,
} from './ingest.js';
import { GYMS_SHAPE, gymsOnPostgres } from './gyms.js';
import { heavyReadBench, HEAVY_SHAPE } from './heavy-reads.js';
import { importBench, IMPORT_SHAPE } from './import.js';
import { insightsBench, INSIGHTS_SHAPE } from './insights.js';
import { fetchWalls, registerUsers, staffOfDemoGyms, type BenchUser } from './lib/api-client.js';
import { startServerProcess } from './lib/api-process.js';
import {
  deviceBench,
  exportBench,
  loadHistory,
  LOGBOOK_SHAPE,
  statsBench,
  type ExportFigures,
  type StatsFigures,
} from './logbook.js';
import { cleanupAll, onCleanup } from './lib/cleanup.js';
import { createScratchDatabase } from './lib/postgres.js';
import { formatTable, machine, type Row } from './lib/report.js';
import { statementsPerRequest } from './lib/server-log.js';
import { loginSprayBench, SPRAY_SHAPE } from './login-spray.js';
import { storeRows } from './reports/client-store.js';
import { communityRows } from './reports/community.js';
import { gymRows } from './reports/gyms.js';
import { heavyReadRows } from './reports/heavy-reads.js';
import { importRows } from './reports/import.js';
import { insightsRows } from './reports/insights.js';
import { sprayRows } from './reports/login-spray.js';
import { loadRows } from './reports/concurrency.js';
import { ingestRows } from './reports/ingest.js';
import { deviceRows, logbookRows } from './reports/logbook.js';
import { engineRows } from './reports/sync-engine.js';
import { webRows } from './reports/web-delivery.js';
import { ENGINE_SHAPE, syncEngineBench } from './sync-engine.js';
import { webDeliveryBench } from './web-delivery.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONFIG = {
  warmup: env('BENCH_WARMUP', 1),
  repeats: env('BENCH_REPEATS', 7),
  loadSeconds: env('BENCH_LOAD_SECONDS', 15),
  eveningSeconds: env('BENCH_EVENING_SECONDS', 180),
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
  rows.push(...logbookRows(stats, exports));
}

async function ingestOnPostgres(api: ApiTarget, conn: pg.PoolClient, logFile: string) {
  const t = emptyTimings();
  await ingestRounds(api, conn, CONFIG, t);
  const s = summarize(t);
  const statements = await statementsPerRequest(logFile);
  figures.ingestPostgres = { timingsMs: t, summary: s, statements };
  rows.push(...ingestRows('postgres', s, statements));
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
  rows.push(...loadRows(one, two));
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
      rows.push(...engineRows(engine));
    });
  if (want(4)) {
    await phase('part 4 on PostgreSQL (autocannon)', () =>
      concurrencyOnPostgres(server, db.url, work, secret),
    );
  }
  if (want(16)) {
    await phase('part 16: an evening’s mix on PostgreSQL', async () => {
      const pid = server.child.pid;
      if (pid === undefined) throw new Error('the API process has no pid');
      const users = await registerUsers(server.url, EVENING_SHAPE.climbers);
      const evening = await eveningRun({
        url: server.url,
        dbUrl: db.url,
        pid,
        users,
        walls: await fetchWalls(server.url, users[0]!),
        durationS: CONFIG.eveningSeconds,
        staff: await staffOfDemoGyms(server.url),
      });
      figures.evening = { shape: EVENING_SHAPE, ...evening };
      rows.push(...eveningRows(evening));
    });
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
  rows.push(...ingestRows('pglite', s, statements));
}

async function main() {
  const started = benchStart;
  const work = await mkdtemp(join(tmpdir(), 'sendlog-bench-'));
  // BENCH_KEEP_LOGS=1 keeps the API processes' logs (and PGlite's data) for a closer look.
  if (process.env.BENCH_KEEP_LOGS === '1') console.log(`logs kept in ${work}`);
  else onCleanup('temp dir', () => rm(work, { recursive: true, force: true }));
  const secret = randomBytes(32).toString('hex');
  try {
    if (want(1, 2, 3, 4, 6, 7, 8, 16)) await postgresParts(work, secret);
    if (want(1, 2, 3)) await phase('parts 1–3 on PGlite', () => pgliteParts(work, secret));
    if (want(5)) {
      await phase('part 5: client store', async () => {
        const store = await clientStoreBench();
        figures.clientStore = store;
        rows.push(...storeRows(store));
      });
    }
    if (want(9)) {
      await phase('part 9: computeStats on the device', async () => {
        const device = deviceBench(CONFIG.repeats * 3);
        figures.device = device;
        rows.push(...deviceRows(device));
      });
    }
    if (want(11)) {
      await phase('part 11: the community view at 100,000 routes', async () => {
        const community = await communityBench(CONFIG.repeats);
        figures.community = { shape: COMMUNITY_SHAPE, ...community };
        rows.push(...communityRows('pglite', community.pglite));
        if (community.postgres) rows.push(...communityRows('postgres', community.postgres));
      });
    }
    if (want(12)) {
      await phase('part 12: one climber’s heavy reads against the others', async () => {
        const heavy = await heavyReadBench(work, CONFIG.statsRepeats);
        figures.heavyReads = { shape: HEAVY_SHAPE, ...heavy };
        rows.push(...heavyReadRows('pglite', heavy.pglite));
        if (heavy.postgres) rows.push(...heavyReadRows('postgres', heavy.postgres));
      });
    }
    if (want(13)) {
      await phase('part 13: a password spray against another climber', async () => {
        const server = await startServerProcess(
          { SENDLOG_DATA_DIR: join(work, 'pglite-spray') },
          join(work, 'api-spray.log'),
          secret,
        );
        onCleanup('spray API process', server.stop);
        const spray = await loginSprayBench(server.url);
        await server.stop();
        figures.loginSpray = { shape: SPRAY_SHAPE, ...spray };
        rows.push(...sprayRows(spray));
      });
    }
    if (want(14)) {
      await phase('part 14: gyms (10 gyms × 50 walls against one gym)', async () => {
        const gyms = await gymsOnPostgres(work, secret);
        figures.gyms = gyms ? { shape: GYMS_SHAPE, ...gyms } : 'skipped: PostgreSQL not reachable';
        if (gyms) rows.push(...gymRows(gyms));
      });
    }
    if (want(15)) {
      await phase('part 15: a 20,000-tick import against the same sessions by sync', async () => {
        const figuresOf = await importBench(async (name) => {
          const server = await startServerProcess(
            { SENDLOG_DATA_DIR: join(work, `pglite-${name}`) },
            join(work, `api-${name}.log`),
            secret,
          );
          onCleanup(`${name} API process`, server.stop);
          return server;
        });
        figures.import = { shape: IMPORT_SHAPE, ...figuresOf };
        rows.push(...importRows(figuresOf));
      });
    }
    if (want(17)) {
      await phase('part 17: a gym’s insights over 1,000,000 routes', async () => {
        const insights = await insightsBench(CONFIG.statsRepeats);
        figures.insights = insights
          ? { shape: INSIGHTS_SHAPE, ...insights }
          : 'skipped: PostgreSQL not reachable';
        if (insights) {
          rows.push(...insightsRows(insights));
          console.log(`plan of a gym's insights over a year:\n${insights.plan}`);
        }
      });
    }
    if (want(10)) {
      await phase('part 10: web app delivery in Chromium', async () => {
        const web = await webDeliveryBench();
        figures.webDelivery = web ?? 'skipped: no Chromium';
        rows.push(...webRows(web));
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
