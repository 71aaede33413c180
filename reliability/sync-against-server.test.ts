import {
  climbKeyOf,
  type AuthResponse,
  type ClimbsResponse,
  type LayoutsResponse,
  type Session,
} from '@sendlog/contract';
import { startServer } from '@sendlog/server';
import { BACKENDS } from '@sendlog/server/testing';
import {
  STORAGE_KEYS,
  createMemoryStorage,
  createSessionStore,
  createSyncEngine,
} from '@sendlog/sync';
import type {
  FetchLike,
  KeyValueStorage,
  LocalSession,
  SessionStore,
  SyncEngine,
} from '@sendlog/sync';
import { FaultyTransport, ManualClock } from '@sendlog/sync/testing';
import { World, command, noneSeen } from '@sendlog/sync/testing/sync-world';
import type { WorldBackend } from '@sendlog/sync/testing/sync-world';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The engine against the real server (in-process, PGlite in memory) through a transport that
 * loses requests and answers: every session ends on the server exactly once, with every route.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let climbs: string[] = [];
let layoutId = '';

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
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
async function register(): Promise<AuthResponse> {
  users += 1;
  return api<AuthResponse>('POST', '/auth/register', undefined, {
    email: `sync-${users}-${Date.now()}@test.sendlog.app`,
    password: 'correct horse battery',
  });
}

/** A fresh user on the real server, seen through a faulty network, for the model's world. */
async function realBackend(): Promise<WorldBackend> {
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
async function serverSessions(token: string): Promise<Session[]> {
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
function seeded(seed: number): () => number {
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

async function device(token: string, seed: number, storage = createMemoryStorage()) {
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

function logSession(store: SessionStore, random: () => number, routes: number): string {
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
function editSomething(store: SessionStore, random: () => number): void {
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

function expectSame(local: readonly LocalSession[], remote: readonly Session[]): void {
  expect(local.map((s) => s.id).sort()).toEqual(remote.map((s) => s.clientSessionId).sort());
  for (const s of remote) {
    const mine = local.find((l) => l.id === s.clientSessionId);
    expect(mine?.status).toBe('synced');
    expect(mine && localRoutes(mine)).toEqual(remoteRoutes(s));
    expect(mine?.notes).toBe(s.notes);
    expect(mine?.serverRevision).toBe(s.revision);
  }
}

async function syncUntilSettled(d: Device, maxRuns = 40): Promise<void> {
  for (let i = 0; i < maxRuns; i++) {
    const report = await d.engine.syncNow();
    if (report.ok && report.pending === 0) return;
  }
  throw new Error('sync did not settle');
}

describe.each(BACKENDS)('sync against the real server on $name', (backend) => {
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

  it('lands every session exactly once through a network that loses requests and answers', async () => {
    const { token } = await register();
    const random = seeded(20261125);
    const d = await device(token, 7);
    const n = 40;
    for (let i = 0; i < n; i++) logSession(d.store, random, 1 + Math.floor(random() * 6));
    d.network.dropRequest = 0.3;
    d.network.dropResponse = 0.3;
    d.network.whileInFlight = () => {
      if (random() < 0.3) editSomething(d.store, random);
    };
    for (let run = 0; run < 30; run++) {
      await d.engine.syncNow();
      if (random() < 0.5) editSomething(d.store, random);
    }
    expect(d.network.lostRequests).toBeGreaterThan(5);
    expect(d.network.lostResponses).toBeGreaterThan(5);
    d.network.heal();
    await syncUntilSettled(d);

    const remote = await serverSessions(token);
    expect(remote).toHaveLength(n);
    expectSame(d.store.getSessions(), remote);
  });

  it('brings two devices of one user to the same sessions after concurrent edits', async () => {
    const { token } = await register();
    const random = seeded(42);
    const a = await device(token, 1);
    const b = await device(token, 2);
    for (let i = 0; i < 3; i++) logSession(a.store, random, 3);
    logSession(b.store, random, 2);
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);
    expect(b.store.getSessions()).toHaveLength(4);

    // Both edit the same session while apart; each also loses a few answers.
    const shared = a.store.getSessions().find((s) => s.routes.length === 3)!;
    const [r0, r1, r2] = shared.routes;
    a.store.updateRoute(shared.id, r0!.id, { attempts: 9 });
    const addedOnA = a.store.logRoute(shared.id, {
      climbId: climbs[0]!,
      isSuccess: true,
      attempts: 1,
    });
    b.store.removeRoute(shared.id, r1!.id);
    b.store.updateNotes(shared.id, 'edited on the tablet');
    const addedOnB = b.store.logRoute(shared.id, {
      climbId: climbs[1]!,
      isSuccess: false,
      attempts: 4,
    });
    b.store.updateRoute(shared.id, r2!.id, { attempts: 7 });
    for (const d of [a, b]) {
      d.network.dropRequest = 0.3;
      d.network.dropResponse = 0.3;
    }
    for (let i = 0; i < 6; i++) {
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    for (const d of [a, b]) d.network.heal();
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);

    const remote = await serverSessions(token);
    expect(remote).toHaveLength(4);
    expectSame(a.store.getSessions(), remote);
    expectSame(b.store.getSessions(), remote);
    const merged = a.store.getSession(shared.id)!;
    expect(merged.notes).toBe('edited on the tablet');
    expect(merged.routes.map((r) => r.id).sort()).toEqual(
      [r0!.id, r2!.id, addedOnA.id, addedOnB.id].sort(),
    );
    expect(merged.routes.find((r) => r.id === r0!.id)?.attempts).toBe(9);
    expect(merged.routes.find((r) => r.id === r2!.id)?.attempts).toBe(7);
  });

  it('imports the first design and never duplicates what the old client already delivered', async () => {
    const { token } = await register();
    const startTime = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const endTime = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const routes = [
      { climbId: climbs[0]!, isSuccess: true, attempts: 3 },
      { climbId: climbs[1]!, isSuccess: false, attempts: 5 },
    ];
    // The old client sent this (its seed body) and lost the answer, so it still says "completed".
    await api('POST', '/sessions/offline', token, { startTime, endTime, notes: 'old', routes });
    const storage = createMemoryStorage();
    await storage.setItem(
      STORAGE_KEYS.legacySessions,
      JSON.stringify([
        { id: 'local_1_abc', startTime, endTime, notes: 'old', routes, status: 'sync_failed' },
        {
          id: 'local_2_def',
          startTime: new Date(Date.now() - 26 * 3_600_000).toISOString(),
          endTime: new Date(Date.now() - 25 * 3_600_000).toISOString(),
          notes: null,
          routes: [{ climbId: climbs[2]!, isSuccess: true, attempts: 1 }],
          status: 'completed',
        },
      ]),
    );
    const d = await device(token, 3, storage);
    await syncUntilSettled(d);
    const remote = await serverSessions(token);
    expect(remote).toHaveLength(2);
    expect(remote.map((s) => s.clientSessionId)).toEqual([null, null]);
    const imported = d.store.getSession('local_1_abc');
    expect(imported).toMatchObject({ status: 'synced', notes: 'old' });
    expect(imported?.routes).toHaveLength(2);
    expect(d.store.getSessions()).toHaveLength(2);
    // An edit later is merged into the same server session, not a new one.
    d.store.updateRoute('local_1_abc', 'pos-1', { attempts: 6 });
    await syncUntilSettled(d);
    const after = await serverSessions(token);
    expect(after).toHaveLength(2);
    const edited = after.find((s) => s.id === imported?.serverSessionId);
    expect(edited?.routes.find((r) => r.clientRouteId === 'pos-1')?.attempts).toBe(6);
    expect(edited?.routes).toHaveLength(2);
  });
  it('a deleted session never comes back, whatever order two devices sync in', async () => {
    for (const order of ['deleter first', 'editor first'] as const) {
      const { token } = await register();
      const a = await device(token, 11);
      const b = await device(token, 12);
      const kept = logSession(a.store, seeded(1), 2);
      const doomed = logSession(a.store, seeded(2), 3);
      await syncUntilSettled(a);
      await syncUntilSettled(b);
      expect(b.store.getSessions()).toHaveLength(2);

      // Apart: A deletes the session (and loses answers), B keeps editing it.
      a.store.deleteSession(doomed);
      const edited = b.store.getSession(doomed)!;
      b.store.updateNotes(doomed, 'edited on the tablet');
      b.store.logRoute(doomed, { climbId: climbs[0]!, isSuccess: true, attempts: 1 });
      b.store.removeRoute(doomed, edited.routes[0]!.id);
      for (const d of [a, b]) d.network.dropResponse = 0.5;
      const [first, second] = order === 'deleter first' ? [a, b] : [b, a];
      for (let i = 0; i < 4; i++) {
        await first.engine.syncNow();
        await second.engine.syncNow();
      }
      for (const d of [a, b]) d.network.heal();
      await syncUntilSettled(first);
      await syncUntilSettled(second);
      await syncUntilSettled(first);

      const remote = await serverSessions(token);
      expect(
        remote.map((s) => s.clientSessionId),
        order,
      ).toEqual([kept]);
      expectSame(a.store.getSessions(), remote);
      expectSame(b.store.getSessions(), remote);
      const tombstone = await api<{ sessions: { clientSessionId: string; deleted?: true }[] }>(
        'GET',
        '/sessions?updatedSince=',
        token,
      );
      expect(tombstone.sessions.find((s) => s.clientSessionId === doomed)).toMatchObject({
        deleted: true,
      });
      // An old copy resent later (a phone restored from a backup) cannot bring it back.
      const stale = await api<{ status: string; session?: { deleted?: true } }>(
        'POST',
        '/sessions/offline',
        token,
        {
          clientSessionId: doomed,
          startTime: edited.startTime,
          endTime: edited.endTime,
          notes: 'from a backup',
          updatedAt: new Date().toISOString(),
          routes: [],
        },
      );
      expect(stale).toMatchObject({ status: 'merged', session: { deleted: true } });
      await syncUntilSettled(b);
      expect(b.store.getSessions().map((s) => s.id)).toEqual([kept]);
    }
  });

  it('keeps the model properties with the real server under random interleavings', async () => {
    const seen = noneSeen();
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 5, maxLength: 40, size: 'max' }),
        async (commands) => {
          const world = new World(await realBackend(), seen);
          await world.init();
          for (const c of commands) await world.run(c);
          await world.heal();
          await world.checkConverged();
        },
      ),
      // A fixed seed by default: with only 40 runs, whether every kind of answer comes up depends
      // on the seed, and CI must not flip on it. SYNC_MODEL_SEED explores others.
      { numRuns: 40, seed: Number(process.env.SYNC_MODEL_SEED ?? 20_261_125) },
    );
    // Fewer runs than against the fake: `duplicate` may not come up, the rest must.
    for (const answer of ['created', 'updated', 'merged', 'rejected', 'lost', 'deleted'] as const) {
      expect(seen[answer], `the runs met "${answer}"`).toBeGreaterThan(0);
    }
  }, 300_000);
});
