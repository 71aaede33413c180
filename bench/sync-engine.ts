import {
  createMemoryStorage,
  createSessionStore,
  createSyncEngine,
  type FetchLike,
} from '@sendlog/sync';
import { registerUser, type Catalogue } from './lib/api-client.js';
import { median, timed } from './lib/stats.js';

/** Part 6: 1,000 ended sessions waiting on the phone, 20 routes each (as in part 1). */
export const ENGINE_SHAPE = { sessions: 1_000, routes: 20 } as const;
const HOUR = 3_600_000;

export interface EngineRun {
  ms: number;
  requests: number;
  /** Requests by `METHOD path` (query left out) and the time spent in them. */
  byKind: Record<string, { count: number; ms: number }>;
}

export interface EngineFigures {
  runs: EngineRun[];
  medianMs: number;
  requests: number;
  byKind: EngineRun['byKind'];
}

/** The global fetch, counting and timing every request the engine makes. */
function countingFetch(byKind: EngineRun['byKind']): FetchLike {
  return async (url, init) => {
    const kind = `${init.method} ${new URL(url).pathname}`;
    const start = process.hrtime.bigint();
    const res = await fetch(url, init);
    const text = await res.text();
    const entry = (byKind[kind] ??= { count: 0, ms: 0 });
    entry.count += 1;
    entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
    return { status: res.status, headers: res.headers, text: async () => text };
  };
}

async function oneRun(baseUrl: string, catalogue: Catalogue): Promise<EngineRun> {
  const user = await registerUser(baseUrl);
  // Sessions two hours apart, the last one ended an hour ago: all in the server's past.
  const step = ENGINE_SHAPE.routes * 4 * 60_000 + 2 * HOUR;
  let clockMs = Date.now() - ENGINE_SHAPE.sessions * step - HOUR;
  const store = await createSessionStore({ storage: createMemoryStorage(), now: () => clockMs });
  for (let i = 0; i < ENGINE_SHAPE.sessions; i += 1) {
    const s = store.startSession({ layoutId: catalogue.layoutId });
    for (let r = 0; r < ENGINE_SHAPE.routes; r += 1) {
      clockMs += 4 * 60_000;
      store.logRoute(s.id, {
        climbId: catalogue.climbs[(i * 7 + r) % catalogue.climbs.length]!.id,
        isSuccess: r % 3 !== 2,
        attempts: 1 + ((i + r) % 6),
      });
    }
    store.endSession(s.id);
    clockMs += 2 * HOUR;
  }
  await store.flush();
  const byKind: EngineRun['byKind'] = {};
  const engine = createSyncEngine({
    store,
    baseUrl,
    getToken: () => user.token,
    fetch: countingFetch(byKind),
  });
  const { ms, result: report } = await timed(() => engine.syncNow());
  await store.flush();
  const synced = store.getSessions().filter((s) => s.status === 'synced').length;
  if (!report.ok || synced !== ENGINE_SHAPE.sessions) {
    throw new Error(
      `sync engine run: ok=${report.ok}, ${synced}/${ENGINE_SHAPE.sessions} synced, ${JSON.stringify(report.error)}`,
    );
  }
  const requests = Object.values(byKind).reduce((n, k) => n + k.count, 0);
  return { ms, requests, byKind };
}

/** `syncNow()` of a fresh phone with 1,000 pending sessions against the real API process. */
export async function syncEngineBench(
  baseUrl: string,
  catalogue: Catalogue,
  repeats: number,
): Promise<EngineFigures> {
  const runs: EngineRun[] = [];
  for (let i = 0; i < repeats; i += 1) runs.push(await oneRun(baseUrl, catalogue));
  const mid = runs.map((r) => r.ms);
  const medianMs = median(mid);
  const typical = runs.reduce((a, b) =>
    Math.abs(b.ms - medianMs) < Math.abs(a.ms - medianMs) ? b : a,
  );
  return { runs, medianMs, requests: typical.requests, byKind: typical.byKind };
}
