import { withRouteContent } from '@sendlog/contract';
import { randomUUID } from 'node:crypto';
import {
  createMemoryStorage,
  createSessionStore,
  type KeyValueStorage,
  type LocalSession,
  type LogRouteInput,
  type SessionStore,
} from '@sendlog/sync';
import { JsonArrayStore, SEED_KEY, type SeedSession } from './baseline/json-array-store.js';
import { median } from './lib/stats.js';

/** Part 5: history sizes, and the shape of every stored session (a typical evening). */
const HISTORY_SIZES = [10, 1_000, 10_000] as const;
const ROUTES_PER_SESSION = 15;
const HOUR = 3_600_000;

const LAYOUT_ID = randomUUID();
const CLIMB_IDS = Array.from({ length: 40 }, () => randomUUID());
const routeInput = (i: number): LogRouteInput & { climbId: string } => ({
  climbId: CLIMB_IDS[i % CLIMB_IDS.length]!,
  isSuccess: i % 3 !== 2,
  attempts: 1 + (i % 5),
  notes: i % 4 === 0 ? 'heel hook on the crux' : null,
  rating: i % 2 === 0 ? 1 + (i % 5) : null,
  gradeOpinion: null,
});

/** A clock the bench moves: history sessions lie two hours apart, routes minutes apart. */
function benchClock(startMs: number) {
  let t = startMs;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** Logs `count` ended sessions through the store's public API (as the climber would have). */
async function logHistory(
  store: SessionStore,
  clock: ReturnType<typeof benchClock>,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const s = store.startSession({ layoutId: LAYOUT_ID });
    for (let r = 0; r < ROUTES_PER_SESSION; r += 1) {
      clock.advance(4 * 60_000);
      store.logRoute(s.id, routeInput(i + r));
    }
    store.endSession(s.id);
    clock.advance(2 * HOUR);
    // Let the write queue catch up now and then, as the app's idle time would.
    if (i % 500 === 499) await store.flush();
  }
  await store.flush();
}

/** `logRoute` until the route is in storage, in µs, over `sessions` sessions of `routes` routes. */
async function timeStoreLogRoute(
  store: SessionStore,
  clock: ReturnType<typeof benchClock>,
  sessions: number,
  routes: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const s = store.startSession({ layoutId: LAYOUT_ID });
    await store.flush();
    for (let r = 0; r < routes; r += 1) {
      clock.advance(60_000);
      const input = routeInput(r);
      const start = process.hrtime.bigint();
      store.logRoute(s.id, input);
      await store.flush();
      samples.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
    store.endSession(s.id);
    await store.flush();
  }
  return samples;
}

function toSeedShape(s: LocalSession): SeedSession {
  return {
    id: s.id,
    startTime: s.startTime,
    endTime: s.endTime,
    notes: s.notes,
    status: s.status,
    serverSessionId: s.serverSessionId,
    // The bench logs catalogue climbs only.
    routes: s.routes.map((r) => ({ ...withRouteContent({}, r), climbId: r.climbId ?? '' })),
  };
}

/** The first design's `logRoute` over the very same history, in µs. */
async function timeBaselineLogRoute(
  history: readonly LocalSession[],
  sessions: number,
  routes: number,
): Promise<number[]> {
  const storage: KeyValueStorage = createMemoryStorage();
  await storage.setItem(SEED_KEY, JSON.stringify(history.map(toSeedShape)));
  const baseline = await JsonArrayStore.open(storage);
  const samples: number[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const id = await baseline.startSession();
    for (let r = 0; r < routes; r += 1) {
      const { climbId, isSuccess, attempts } = routeInput(r);
      const start = process.hrtime.bigint();
      await baseline.logRoute(id, { climbId, isSuccess, attempts });
      samples.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
    await baseline.endSession(id);
  }
  return samples;
}

export interface StoreFigures {
  historySize: number;
  /** Median µs of `logRoute` until stored, current design (one key per session + index). */
  storeUs: number;
  /** The same for the first design (one JSON array under one key). */
  baselineUs: number;
  storeSamples: number;
  baselineSamples: number;
}

/**
 * Grows one history to each size through the store's API, reopens the store over it (the app
 * starting with that history), then times logRoute; the baseline gets the same sessions.
 */
export async function clientStoreBench(): Promise<StoreFigures[]> {
  const storage = createMemoryStorage();
  const clock = benchClock(Date.now() - 10_500 * 2 * HOUR);
  const figures: StoreFigures[] = [];
  for (const size of HISTORY_SIZES) {
    const filler = await createSessionStore({ storage, now: clock.now });
    await logHistory(filler, clock, size - filler.getSessions().length);
    const store = await createSessionStore({ storage, now: clock.now });
    const stored = store.getSessions().length;
    // The first sessions warm the JIT up; the next ten are measured.
    await timeStoreLogRoute(store, clock, 4, 25);
    const storeSamples = await timeStoreLogRoute(store, clock, 10, 25);
    // The baseline rewrites the whole history per route: fewer samples suffice (and fit the time).
    const [warm, measured] = size >= 10_000 ? [1, 9] : [10, 100];
    const history = store.getSessions();
    await timeBaselineLogRoute(history, 1, warm);
    const baselineSamples = await timeBaselineLogRoute(history, 1, measured);
    figures.push({
      historySize: stored,
      storeUs: median(storeSamples),
      baselineUs: median(baselineSamples),
      storeSamples: storeSamples.length,
      baselineSamples: baselineSamples.length,
    });
  }
  return figures;
}
