import type { SessionSnapshotInput } from '@sendlog/contract';
import {
  fetchCatalogue,
  postBulk,
  postOffline,
  registerUser,
  type BenchUser,
  type Catalogue,
} from './lib/api-client.js';
import { insertUser, toColumns, writeDirect, type SqlConnection } from './lib/direct-write.js';
import { median, timed } from './lib/stats.js';
import { freshSnapshots } from './lib/workload.js';

export const INGEST_SHAPE = { sessions: 100, routes: 20 } as const;

/** Raw timings (ms) of parts 1–3 on one database; medians are taken by the caller. */
export interface IngestTimings {
  /** First sync of 100 fresh sessions in one `POST /sessions/sync/bulk`. */
  bulkMs: number[];
  /** The very same body again: every session already synced. */
  replayMs: number[];
  /** 100 fresh sessions as 100 sequential `POST /sessions/offline` calls. */
  singlesMs: number[];
  /** The same kind of rows written straight into the database (unnest, one transaction). */
  limitMs: number[];
}

export const emptyTimings = (): IngestTimings => ({
  bulkMs: [],
  replayMs: [],
  singlesMs: [],
  limitMs: [],
});

const snapshots = (catalogue: Catalogue) =>
  freshSnapshots(catalogue, INGEST_SHAPE.sessions, INGEST_SHAPE.routes);

function expectSummary(
  what: string,
  got: Record<string, number>,
  want: Partial<Record<string, number>>,
): void {
  for (const [k, v] of Object.entries(want)) {
    if (got[k] !== v) throw new Error(`${what}: expected ${k}=${v}, got ${JSON.stringify(got)}`);
  }
}

export interface ApiTarget {
  url: string;
  catalogue: Catalogue;
}

export async function apiTarget(url: string): Promise<ApiTarget> {
  return { url, catalogue: await fetchCatalogue(url, await registerUser(url)) };
}

/** Parts 1 and 3: first sync of a fresh bulk for a fresh user, then the same bulk replayed. */
async function bulkAndReplay(api: ApiTarget, user: BenchUser, into: IngestTimings | null) {
  const body = JSON.stringify({ sessions: snapshots(api.catalogue) });
  const first = await timed(() => postBulk(api.url, user, body));
  expectSummary('first sync', first.result.summary, { created: INGEST_SHAPE.sessions });
  const replay = await timed(() => postBulk(api.url, user, body));
  expectSummary('replay', replay.result.summary, { duplicate: INGEST_SHAPE.sessions });
  into?.bulkMs.push(first.ms);
  into?.replayMs.push(replay.ms);
}

/** Part 2: the first design's client, one request per session, one after the other. */
async function singles(api: ApiTarget, user: BenchUser, into: IngestTimings | null) {
  const bodies = snapshots(api.catalogue).map((s: SessionSnapshotInput) => JSON.stringify(s));
  const run = await timed(async () => {
    for (const body of bodies) {
      const r = await postOffline(api.url, user, body);
      if (r.status !== 'created') throw new Error(`single call answered ${r.status}`);
    }
  });
  into?.singlesMs.push(run.ms);
}

/** Part 1's baseline: the same shape of rows, fresh, straight into the database. */
async function limit(
  conn: SqlConnection,
  catalogue: Catalogue,
  into: IngestTimings | null,
): Promise<void> {
  const gradeOf = new Map(catalogue.climbs.map((c) => [c.id, c.grade]));
  const rows = toColumns(await insertUser(conn), snapshots(catalogue), gradeOf);
  const run = await timed(() => writeDirect(conn, rows));
  into?.limitMs.push(run.ms);
}

export interface RoundsOptions {
  warmup: number;
  repeats: number;
}

/** API rounds (parts 1–3); with `conn`, each round also writes the limit, interleaved. */
export async function ingestRounds(
  api: ApiTarget,
  conn: SqlConnection | null,
  o: RoundsOptions,
  into: IngestTimings,
): Promise<void> {
  for (let i = 0; i < o.warmup + o.repeats; i += 1) {
    const target = i < o.warmup ? null : into;
    const [bulkUser, singlesUser] = await Promise.all([
      registerUser(api.url),
      registerUser(api.url),
    ]);
    await bulkAndReplay(api, bulkUser, target);
    await singles(api, singlesUser, target);
    if (conn) await limit(conn, api.catalogue, target);
  }
}

/** Limit rounds alone (PGlite: the database is opened directly once the API process is gone). */
export async function limitRounds(
  conn: SqlConnection,
  catalogue: Catalogue,
  o: RoundsOptions,
  into: IngestTimings,
): Promise<void> {
  for (let i = 0; i < o.warmup + o.repeats; i += 1) {
    await limit(conn, catalogue, i < o.warmup ? null : into);
  }
}

export interface IngestSummary {
  bulkMs: number;
  replayMs: number;
  singlesMs: number;
  limitMs: number;
  apiSessionsPerS: number;
  limitSessionsPerS: number;
  /** API rate ÷ limit rate (goal ≥ 0.6). */
  apiVsLimit: number;
  /** 100 single calls ÷ one bulk (goal ≥ 0.5 × singlesVsLimit). */
  bulkVsSingles: number;
  /**
   * 100 single calls ÷ the limit: what part 2 would show if a bulk cost no more than writing its
   * rows straight into the database: no API writing those rows can exceed it.
   */
  singlesVsLimit: number;
  /** bulkVsSingles ÷ singlesVsLimit = limit ÷ bulk: how near part 2 comes to its ceiling. */
  bulkVsCeiling: number;
  /** Replay ÷ first sync (goal ≤ 0.25). */
  replayVsFirst: number;
  /**
   * Singles = 100·F + W and bulk = F + W, with F the fixed cost of one request (HTTP, auth,
   * round trips, commit) and W the work of the rows themselves: F = (singles − bulk) / 99.
   * The ratio is bounded by the ceiling (singles ÷ the database's own limit for W).
   */
  perRequestMs: number;
  rowWorkMs: number;
}

export function summarize(t: IngestTimings): IngestSummary {
  const bulkMs = median(t.bulkMs);
  const replayMs = median(t.replayMs);
  const singlesMs = median(t.singlesMs);
  const limitMs = median(t.limitMs);
  const perRequestMs = (singlesMs - bulkMs) / (INGEST_SHAPE.sessions - 1);
  return {
    bulkMs,
    replayMs,
    singlesMs,
    limitMs,
    apiSessionsPerS: (INGEST_SHAPE.sessions / bulkMs) * 1000,
    limitSessionsPerS: (INGEST_SHAPE.sessions / limitMs) * 1000,
    apiVsLimit: limitMs / bulkMs,
    bulkVsSingles: singlesMs / bulkMs,
    singlesVsLimit: singlesMs / limitMs,
    bulkVsCeiling: singlesMs / bulkMs / (singlesMs / limitMs),
    replayVsFirst: replayMs / bulkMs,
    perRequestMs,
    rowWorkMs: bulkMs - perRequestMs,
  };
}
