import {
  climbKeyOf,
  type AuthResponse,
  type ClimbsResponse,
  type LayoutsResponse,
  type Session,
} from '@sendlog/contract';
import { startServer } from '@sendlog/server';
import type { Backend } from '@sendlog/server/testing';
import { createMemoryStorage, createSessionStore, createSyncEngine } from '@sendlog/sync';
import type {
  FetchLike,
  KeyValueStorage,
  LocalSession,
  SessionStore,
  SyncEngine,
} from '@sendlog/sync';
import { FaultyTransport, ManualClock } from '@sendlog/sync/testing';
import type { WorldBackend } from '@sendlog/sync/testing/sync-world';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Shared by the sync-against-server-*.test.ts files: the engine against the real server
 * (in-process, PGlite in memory) through a transport that loses requests and answers. Each file
 * starts its own server (useRealServer); the helpers below reach it through this module's state.
 */

let server: Awaited<ReturnType<typeof startServer>>;
/** The demo wall's climbs, once the file's server is up (a live binding for the tests). */
export let climbs: string[] = [];
let layoutId = '';

export async function api<T>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

let users = 0;
export async function register(): Promise<AuthResponse> {
  users += 1;
  return api<AuthResponse>('POST', '/auth/register', undefined, {
    email: `sync-${users}-${Date.now()}@test.sendlog.app`,
    password: 'correct horse battery',
  });
}

/** A fresh user on the real server, seen through a faulty network, for the model's world. */
export async function realBackend(): Promise<WorldBackend> {
  const { token } = await register();
  const transport = new FaultyTransport();
  // Device clocks a little behind the server's, so no edit is clamped to the server's time.
  const clock = new ManualClock(Date.now() - 3_600_000);
  const names: Record<string, string> = { c1: climbs[0]!, c2: climbs[1]!, c3: climbs[2]! };
  return {
    baseUrl: server.url,
    token,
    fetch: transport.fetch,
    clock,
    layoutId,
    climb: (name) => names[name] ?? 'no-such-climb',
    injectFaults: (...faults) => transport.injectFaults(...faults),
    clearFaults: () => transport.clearFaults(),
    onNextAnswer: (hook) => transport.onNextAnswer(hook),
    sessions: () => serverSessions(token),
  };
}

/** Every session of the user, through the history endpoint (newest first, paged). */
export async function serverSessions(token: string): Promise<Session[]> {
  const all: Session[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { sessions: Session[]; nextCursor: string | null } = await api(
      'GET',
      `/sessions?limit=200${query}`,
      token,
    );
    all.push(...page.sessions);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** A small seeded generator, so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A network that loses requests before they arrive and answers after the server acted. */
class LossyNetwork {
  dropRequest = 0;
  dropResponse = 0;
  lostRequests = 0;
  lostResponses = 0;
  /** Runs while a request is out, after the server has acted: the climber keeps editing. */
  whileInFlight: (() => void) | null = null;

  constructor(private readonly random: () => number) {}

  readonly fetch: FetchLike = async (url, init) => {
    if (this.random() < this.dropRequest) {
      this.lostRequests += 1;
      throw new TypeError('network request failed (request lost)');
    }
    const res = await fetch(url, init);
    const text = await res.text();
    this.whileInFlight?.();
    if (this.random() < this.dropResponse) {
      this.lostResponses += 1;
      throw new TypeError('network request failed (answer lost)');
    }
    return { status: res.status, headers: res.headers, text: async () => text };
  };

  heal(): void {
    this.dropRequest = 0;
    this.dropResponse = 0;
    this.whileInFlight = null;
  }
}

interface Device {
  store: SessionStore;
  engine: SyncEngine;
  network: LossyNetwork;
  storage: KeyValueStorage;
}

export async function device(token: string, seed: number, storage = createMemoryStorage()) {
  const random = seeded(seed);
  const network = new LossyNetwork(random);
  const store = await createSessionStore({ storage });
  const engine = createSyncEngine({
    store,
    baseUrl: server.url,
    getToken: () => token,
    fetch: network.fetch,
    random,
    // Small chunks: many requests, so losses land between and inside batches.
    batchLimits: { maxSessions: 5, maxBytes: 1_500_000 },
  });
  return { store, engine, network, storage } satisfies Device;
}

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

export function logSession(store: SessionStore, random: () => number, routes: number): string {
  const s = store.startSession({ layoutId });
  for (let i = 0; i < routes; i++) {
    const attempts = 1 + Math.floor(random() * 6);
    store.logRoute(s.id, {
      climbId: pick(random, climbs) ?? '',
      isSuccess: attempts < 4,
      attempts,
    });
  }
  store.endSession(s.id);
  return s.id;
}

/** An edit of an ended session: another route, a changed count, a removed route, notes. */
export function editSomething(store: SessionStore, random: () => number): void {
  const s = pick(
    random,
    store.getSessions().filter((x) => x.status !== 'active'),
  );
  if (!s) return;
  const r = pick(random, s.routes);
  const roll = random();
  if (roll < 0.4 || !r) {
    store.logRoute(s.id, { climbId: pick(random, climbs) ?? '', isSuccess: false, attempts: 2 });
  } else if (roll < 0.6) {
    store.updateRoute(s.id, r.id, { attempts: 1 + Math.floor(random() * 9) });
  } else if (roll < 0.8) {
    store.removeRoute(s.id, r.id);
  } else {
    store.updateNotes(s.id, `note ${Math.floor(random() * 1000)}`);
  }
}

type Comparable = [string, string, number, boolean][];
const localRoutes = (s: LocalSession): Comparable =>
  s.routes.map((r): Comparable[number] => [r.id, climbKeyOf(r), r.attempts, r.isSuccess]).sort();
const remoteRoutes = (s: Session): Comparable =>
  s.routes
    .map((r): Comparable[number] => [r.clientRouteId, climbKeyOf(r), r.attempts, r.isSuccess])
    .sort();

export function expectSame(local: readonly LocalSession[], remote: readonly Session[]): void {
  expect(local.map((s) => s.id).sort()).toEqual(remote.map((s) => s.clientSessionId).sort());
  for (const s of remote) {
    const mine = local.find((l) => l.id === s.clientSessionId);
    expect(mine?.status).toBe('synced');
    expect(mine && localRoutes(mine)).toEqual(remoteRoutes(s));
    expect(mine?.notes).toBe(s.notes);
    expect(mine?.serverRevision).toBe(s.revision);
  }
}

export async function syncUntilSettled(d: Device, maxRuns = 40): Promise<void> {
  for (let i = 0; i < maxRuns; i++) {
    const report = await d.engine.syncNow();
    if (report.ok && report.pending === 0) return;
  }
  throw new Error('sync did not settle');
}

/** Starts a server on `backend` before the file's tests, for the helpers above; stops it after. */
export function useRealServer(backend: Backend): void {
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const db = await backend.createDatabase('sync');
    drop = db.drop;
    server = await startServer({
      ...db.options,
      demo: true,
      port: 0,
      logger: false,
      // Every model run registers its own account, all from 127.0.0.1.
      registerRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    });
    const token = (await register()).token;
    const layouts = (await api<LayoutsResponse>('GET', '/layouts', token)).layouts;
    layoutId = layouts[0]?.id ?? '';
    const list = await api<ClimbsResponse>('GET', `/layouts/${layoutId}/climbs`, token);
    climbs = list.climbs.map((c) => c.id);
    expect(climbs.length).toBeGreaterThan(3);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await drop();
  });
}
