import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../store/memory-storage.js';
import { createSessionStore, syncPortOf } from '../store/session-store.js';
import type { SessionStore } from '../store/session-store.js';
import { STORAGE_KEYS } from '../store/storage-layout.js';
import { FakeServer } from '../testing/fake-server.js';
import {
  ManualClock,
  ManualConnectivity,
  ManualTimers,
  sequentialIds,
} from '../testing/manual-timers.js';
import { createSyncEngine } from './sync-engine.js';
import type { SyncEngine, SyncEngineOptions } from './sync-engine.js';

const route = { climbId: 'c1', isSuccess: true, attempts: 2 };

async function waitIdle(engine: SyncEngine): Promise<void> {
  await vi.waitFor(() => expect(engine.getState().running).toBe(false));
}

async function setup(overrides: Partial<SyncEngineOptions> = {}, random = () => 0.5) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = new FakeServer({ now: clock.now });
  const connectivity = new ManualConnectivity(true);
  const storage = createMemoryStorage();
  const store = await createSessionStore({ storage, now: clock.now, uuid: sequentialIds('a') });
  const onAuthRequired = vi.fn();
  const engine = createSyncEngine({
    store,
    baseUrl: 'http://sendlog.test/',
    getToken: () => server.token,
    fetch: server.fetch,
    connectivity,
    now: clock.now,
    random,
    timers,
    onAuthRequired,
    ...overrides,
  });
  return { clock, timers, server, connectivity, storage, store, engine, onAuthRequired };
}

function endedSession(store: SessionStore, climbId = 'c1') {
  const s = store.startSession({ layoutId: 'L1' });
  store.logRoute(s.id, { ...route, climbId });
  store.endSession(s.id);
  return s.id;
}

describe('sync engine', () => {
  it('sends ended sessions, marks them synced and reports what happened', async () => {
    const { store, engine, server } = await setup();
    const a = endedSession(store);
    const b = endedSession(store);
    const active = store.startSession({ layoutId: 'L1' });
    store.logRoute(active.id, route);
    expect(engine.getState().pending).toBe(2);
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: true, created: 2, rejected: 0, pending: 0, error: null });
    expect(store.getSession(a)).toMatchObject({ status: 'synced', serverRevision: 1 });
    expect(store.getSession(b)?.status).toBe('synced');
    // The active session stays on the phone until it is ended.
    expect(store.getSession(active.id)?.status).toBe('active');
    expect(
      server
        .all()
        .map((s) => s.clientSessionId)
        .sort(),
    ).toEqual([a, b]);
    expect(engine.getState()).toMatchObject({
      running: false,
      pending: 0,
      progress: { total: 2, done: 2, failed: 0 },
      lastError: null,
    });
    expect(engine.getState().lastSyncAt).not.toBeNull();
  });

  it('keeps the same state object until something changes', async () => {
    const { engine } = await setup();
    expect(engine.getState()).toBe(engine.getState());
  });

  it('backs off with full jitter, doubling from 1 s to at most 5 min', async () => {
    const { store, engine, server, timers, clock } = await setup({}, () => 0.999_999);
    endedSession(store);
    server.injectFaults('drop_request');
    await engine.syncNow();
    engine.start();
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      const [delay] = timers.pendingDelays();
      delays.push(delay ?? -1);
      server.injectFaults('http_500');
      clock.advance(delay ?? 0);
      expect(timers.runDue()).toBe(1);
      await waitIdle(engine);
    }
    const caps = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * 1000);
    delays.forEach((d, i) => {
      expect(d).toBeLessThanOrEqual(caps[i]!);
      expect(d).toBeGreaterThanOrEqual(Math.floor(caps[i]! * 0.999));
    });
    expect(store.getSessions()[0]).toMatchObject({
      status: 'completed',
      attemptCount: 12,
      lastError: { code: 'internal', permanent: false },
    });
    engine.stop();
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('draws each delay uniformly below the cap (full jitter)', async () => {
    const { store, engine, server, timers } = await setup({}, () => 0.25);
    endedSession(store);
    server.injectFaults('http_500', 'http_500', 'http_500');
    await engine.syncNow();
    await engine.syncNow();
    await engine.syncNow();
    engine.start();
    // Third failure: cap 4 s, draw 0.25.
    expect(timers.pendingDelays()).toEqual([1000]);
    engine.stop();
  });

  it('honours Retry-After, even when connectivity comes back', async () => {
    const { store, engine, server, timers, connectivity, clock } = await setup({}, () => 0);
    endedSession(store);
    server.injectFaults('http_429');
    await engine.syncNow();
    expect(engine.getState().nextRetryAt).toBe(new Date(clock.ms + 7000).toISOString());
    engine.start();
    expect(timers.pendingDelays()).toEqual([7000]);
    const before = server.requests;
    connectivity.set(false);
    connectivity.set(true);
    endedSession(store);
    expect(server.requests).toBe(before);
    expect(timers.pendingDelays()).toEqual([7000]);
    clock.advance(7000);
    timers.runDue();
    await waitIdle(engine);
    expect(engine.getState()).toMatchObject({ pending: 0, nextRetryAt: null, lastError: null });
    engine.stop();
  });

  it('retries at once when connectivity returns after network failures', async () => {
    const { store, engine, server, timers, connectivity } = await setup({}, () => 0.9);
    endedSession(store);
    connectivity.set(false);
    server.injectFaults('drop_request', 'drop_request', 'drop_request');
    await engine.syncNow();
    await engine.syncNow();
    await engine.syncNow();
    engine.start();
    expect(timers.pendingDelays()).toEqual([3600]);
    connectivity.set(true);
    await waitIdle(engine);
    expect(engine.getState()).toMatchObject({ pending: 0, nextRetryAt: null });
    expect(timers.pendingDelays()).toEqual([]);
    engine.stop();
  });

  it('gives up on a request without an answer and treats it as a network failure', async () => {
    const { store, clock, timers } = await setup();
    const id = endedSession(store);
    const engine = createSyncEngine({
      store,
      baseUrl: 'http://sendlog.test',
      getToken: () => 'token-1',
      now: clock.now,
      timers,
      requestTimeoutMs: 10_000,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const run = engine.syncNow();
    await vi.waitFor(() => expect(timers.pendingDelays().length).toBe(1));
    // The allowance grows with the body: 10 s plus its upload time at 128 kbit/s.
    const [timeout] = timers.pendingDelays();
    expect(timeout).toBeGreaterThan(10_000);
    expect(timeout).toBeLessThan(10_100);
    clock.advance(timeout ?? 0);
    timers.runDue();
    const report = await run;
    expect(report.error).toMatchObject({ code: 'timeout', permanent: false });
    expect(store.getSession(id)).toMatchObject({ status: 'completed', attemptCount: 1 });
  });

  it('on 401 asks for sign-in, leaves sessions completed and never marks them failed', async () => {
    const { store, engine, timers, onAuthRequired } = await setup({ getToken: () => 'expired' });
    const id = endedSession(store);
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(store.getSession(id)).toMatchObject({ status: 'completed', lastError: null });
    expect(engine.getState()).toMatchObject({ authRequired: true, nextRetryAt: null });
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('after a 401 stays quiet on automatic triggers until the token changes', async () => {
    let token = 'expired';
    const { store, engine, server, onAuthRequired } = await setup({ getToken: () => token });
    endedSession(store);
    engine.start();
    await vi.waitFor(() => expect(onAuthRequired).toHaveBeenCalledTimes(1));
    await waitIdle(engine);
    const requests = server.requests;
    endedSession(store);
    await waitIdle(engine);
    expect(server.requests).toBe(requests);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    token = server.token;
    endedSession(store);
    await vi.waitFor(() => expect(engine.getState().pending).toBe(0));
    expect(engine.getState()).toMatchObject({ authRequired: false, lastError: null });
    engine.stop();
  });

  it('asks for sign-in without a request when there is no token', async () => {
    const { store, engine, server, onAuthRequired } = await setup({ getToken: async () => null });
    endedSession(store);
    await engine.syncNow();
    expect(server.requests).toBe(0);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });

  it('marks a rejected session failed and retries it only after an edit or a retry', async () => {
    const { store, engine, server } = await setup();
    const bad = endedSession(store, 'no-such-climb');
    const good = endedSession(store);
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: true, created: 1, rejected: 1 });
    expect(store.getSession(good)?.status).toBe('synced');
    expect(store.getSession(bad)).toMatchObject({
      status: 'sync_failed',
      lastError: { code: 'unknown_climb', permanent: true },
    });
    expect(engine.getState().progress).toEqual({ total: 2, done: 1, failed: 1 });
    const requests = server.requests;
    await engine.syncNow();
    expect(server.requests).toBe(requests + 1); // the pull only
    store.retrySession(bad);
    await engine.syncNow();
    expect(store.getSession(bad)?.status).toBe('sync_failed');
    const badRoute = store.getSession(bad)?.routes[0];
    store.updateRoute(bad, badRoute?.id ?? '', { climbId: 'c2' });
    expect(store.getSession(bad)?.status).toBe('completed');
    await engine.syncNow();
    expect(store.getSession(bad)?.status).toBe('synced');
  });

  it('keeps an edit made while its request was in flight, and sends it next', async () => {
    const { store, engine, server } = await setup();
    const id = endedSession(store);
    server.onNextAnswer(() => store.logRoute(id, { ...route, climbId: 'c2' }));
    await engine.syncNow();
    expect(store.getSession(id)).toMatchObject({ status: 'completed', serverRevision: 1 });
    await engine.syncNow();
    expect(store.getSession(id)).toMatchObject({ status: 'synced', serverRevision: 2 });
    expect(server.all()[0]?.routes.map((r) => r.climbId)).toEqual(['c1', 'c2']);
  });

  it('replaces the local copy with the merged session the server answers', async () => {
    const { store, engine, server, clock } = await setup();
    const id = endedSession(store);
    server.injectFaults('drop_response');
    await engine.syncNow();
    clock.advance(1000);
    store.updateNotes(id, 'after the lost answer');
    await engine.syncNow();
    const s = store.getSession(id);
    expect(s).toMatchObject({
      status: 'synced',
      serverRevision: 2,
      notes: 'after the lost answer',
    });
    expect(server.all()).toHaveLength(1);
  });

  it('runs one sync at a time; triggers during a run schedule exactly one follow-up', async () => {
    const { store, server } = await setup();
    endedSession(store);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    const engine = createSyncEngine({
      store,
      baseUrl: 'http://sendlog.test',
      getToken: () => server.token,
      fetch: async (url, init) => {
        seen.push(`${init.method} ${new URL(url).pathname}`);
        if (seen.length === 1) await gate;
        return server.fetch(url, init);
      },
    });
    const first = engine.syncNow();
    const second = engine.syncNow();
    const third = engine.syncNow();
    expect(engine.getState().running).toBe(true);
    release();
    await first;
    expect(second).toBe(third);
    await third;
    // Run 1: push + pull. Run 2 (the one follow-up): nothing left to push, one pull.
    expect(seen).toEqual(['POST /sessions/sync/bulk', 'GET /sessions', 'GET /sessions']);
  });

  it('syncs by itself on start, when a session ends and when connectivity returns', async () => {
    const { store, engine, server, connectivity } = await setup();
    const first = endedSession(store);
    engine.start();
    await vi.waitFor(() => expect(store.getSession(first)?.status).toBe('synced'));
    const second = endedSession(store);
    await vi.waitFor(() => expect(store.getSession(second)?.status).toBe('synced'));
    connectivity.set(false);
    const third = endedSession(store);
    await Promise.resolve();
    expect(store.getSession(third)?.status).toBe('completed');
    connectivity.set(true);
    await vi.waitFor(() => expect(store.getSession(third)?.status).toBe('synced'));
    engine.stop();
    endedSession(store);
    await Promise.resolve();
    expect(engine.getState().pending).toBe(1);
    expect(server.all()).toHaveLength(3);
  });

  it('sends an edited ended session after a quiet moment', async () => {
    const { store, engine, timers, clock } = await setup({ editDebounceMs: 2000 });
    const id = endedSession(store);
    engine.start();
    await vi.waitFor(() => expect(store.getSession(id)?.status).toBe('synced'));
    store.updateNotes(id, 'one');
    store.updateNotes(id, 'two');
    expect(timers.pendingDelays()).toEqual([2000]);
    clock.advance(2000);
    timers.runDue();
    await vi.waitFor(() => expect(store.getSession(id)?.status).toBe('synced'));
    engine.stop();
  });

  it('sends at most 100 sessions per request', async () => {
    const { store, server } = await setup();
    for (let i = 0; i < 230; i++) endedSession(store);
    const bodies: number[] = [];
    const engine = createSyncEngine({
      store,
      baseUrl: 'http://sendlog.test',
      getToken: () => server.token,
      fetch: async (url, init) => {
        if (typeof init.body === 'string')
          bodies.push((JSON.parse(init.body) as { sessions: unknown[] }).sessions.length);
        return server.fetch(url, init);
      },
    });
    const report = await engine.syncNow();
    expect(bodies).toEqual([100, 100, 30]);
    expect(report.created).toBe(230);
  });

  it('pulls sessions from other devices and keeps the cursor in storage', async () => {
    const { store, engine, server, storage, clock } = await setup();
    server.ingest(
      {
        clientSessionId: 'other-device-1',
        startTime: new Date(clock.ms - 7_200_000).toISOString(),
        endTime: new Date(clock.ms - 3_600_000).toISOString(),
        routes: [{ clientRouteId: 'r1', climbId: 'c2', isSuccess: true, attempts: 1 }],
      },
      0,
    );
    const report = await engine.syncNow();
    expect(report.pulled).toBe(1);
    expect(store.getSession('other-device-1')).toMatchObject({
      status: 'synced',
      serverRevision: 1,
      routes: [{ id: 'r1', climbId: 'c2' }],
    });
    await store.flush();
    expect(await storage.getItem(STORAGE_KEYS.pullCursor)).toBe(syncPortOf(store).pullCursor());
    expect(syncPortOf(store).pullCursor()).not.toBe('');
  });

  it('remembers across a restart when it last synced, and a failed run does not change it', async () => {
    const { store, engine, storage, server, clock } = await setup();
    endedSession(store);
    const first = await engine.syncNow();
    expect(engine.getState().lastSyncAt).toBe(first.finishedAt);
    clock.advance(60_000);
    server.injectFaults('http_500');
    expect((await engine.syncNow()).ok).toBe(false);
    expect(engine.getState().lastSyncAt).toBe(first.finishedAt);
    await store.flush();

    const reopened = await createSessionStore({ storage, now: clock.now });
    const restarted = createSyncEngine({
      store: reopened,
      baseUrl: 'http://sendlog.test/',
      getToken: () => server.token,
      fetch: server.fetch,
      now: clock.now,
    });
    expect(restarted.getState().lastSyncAt).toBe(first.finishedAt);
  });

  it('never rejects syncNow, even when storage or fetch break in unexpected ways', async () => {
    const { store, engine } = await setup({
      fetch: () => {
        throw new Error('boom');
      },
    });
    endedSession(store);
    const report = await engine.syncNow();
    expect(report.ok).toBe(false);
    expect(report.error?.permanent).toBe(false);
  });
  it('isolates a session the server refuses as too large, and sends the others', async () => {
    const { store, server } = await setup();
    const ids = Array.from({ length: 5 }, () => endedSession(store));
    const tooBig = ids[3]!;
    const engine = createSyncEngine({
      store,
      baseUrl: 'http://sendlog.test',
      getToken: () => server.token,
      fetch: async (url, init) => {
        if (typeof init.body === 'string' && init.body.includes(tooBig)) {
          const text = JSON.stringify({ error: { code: 'payload_too_large', message: 'too big' } });
          return { status: 413, headers: { get: () => null }, text: async () => text };
        }
        return server.fetch(url, init);
      },
    });
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: true, created: 4, rejected: 1 });
    expect(store.getSession(tooBig)).toMatchObject({
      status: 'sync_failed',
      lastError: { code: 'payload_too_large', permanent: true },
    });
  });

  it('keeps local edits when a pulled copy of the same session arrives', async () => {
    const { store, engine, server, clock } = await setup();
    const id = endedSession(store);
    await engine.syncNow();
    // Another device adds a route on the server.
    clock.advance(1000);
    const remote = server.all()[0]!;
    server.ingest(
      {
        clientSessionId: id,
        startTime: remote.startTime,
        endTime: remote.endTime,
        baseRevision: remote.revision,
        updatedAt: new Date(clock.ms).toISOString(),
        routes: [
          ...remote.routes.map(
            ({ clientRouteId, climbId, isSuccess, attempts, loggedAt, updatedAt }) => ({
              clientRouteId,
              climbId,
              isSuccess,
              attempts,
              loggedAt,
              updatedAt,
            }),
          ),
          { clientRouteId: 'from-tablet', climbId: 'c3', isSuccess: true, attempts: 1 },
        ],
      },
      0,
    );
    clock.advance(1000);
    store.updateNotes(id, 'edited here meanwhile');
    // The pulled copy arrives before this device pushed its edit: the edit must survive it.
    syncPortOf(store).applyServerSessions(server.all());
    expect(store.getSession(id)).toMatchObject({
      status: 'completed',
      notes: 'edited here meanwhile',
      serverRevision: 1,
    });
    await engine.syncNow();
    const merged = store.getSession(id);
    expect(merged).toMatchObject({ status: 'synced', notes: 'edited here meanwhile' });
    expect(merged?.routes.map((r) => r.id)).toContain('from-tablet');
  });

  it('forgets a session discarded while its request was out, and a pull does not bring it back', async () => {
    const { store, engine, server, storage, clock } = await setup();
    const id = endedSession(store);
    server.onNextAnswer(() => store.discardSession(id));
    const report = await engine.syncNow();
    expect(report.ok).toBe(true);
    expect(store.getSession(id)).toBeNull();
    await store.flush();
    const reopened = await createSessionStore({ storage, now: clock.now });
    syncPortOf(reopened).applyServerSessions(server.all());
    expect(reopened.getSession(id)).toBeNull();
  });
});

describe('sync engine and deletes', () => {
  it('holds a tombstone back for the undo time, then sends it; the server drops the session', async () => {
    const { store, engine, server, timers, clock } = await setup({ undoWindowMs: 8_000 });
    const id = endedSession(store);
    await engine.syncNow();
    engine.start();
    await waitIdle(engine);
    clock.advance(1_000);
    store.deleteSession(id);
    expect(store.getSessions()).toEqual([]);
    expect(engine.getState().pending).toBe(1);

    // An automatic run meanwhile (another session ended) leaves the young tombstone alone.
    endedSession(store);
    await waitIdle(engine);
    expect(server.all().map((s) => s.clientSessionId)).toContain(id);
    expect(store.undoDelete(id)?.status).toBe('synced');
    store.deleteSession(id);

    clock.advance(8_000);
    timers.runDue();
    await waitIdle(engine);
    expect(server.all().map((s) => s.clientSessionId)).not.toContain(id);
    expect(engine.getState().pending).toBe(0);
    expect(store.undoDelete(id)).toBeNull();
    engine.stop();
  });

  it('syncNow() sends a tombstone at once, and another device drops its copy on its pull', async () => {
    const { store, engine, server, clock } = await setup();
    const id = endedSession(store);
    await engine.syncNow();
    const other = await createSessionStore({ storage: createMemoryStorage(), now: clock.now });
    const otherEngine = createSyncEngine({
      store: other,
      baseUrl: 'http://sendlog.test/',
      getToken: () => server.token,
      fetch: server.fetch,
      now: clock.now,
      timers: new ManualTimers(clock),
    });
    await otherEngine.syncNow();
    expect(other.getSessions().map((s) => s.id)).toEqual([id]);

    store.deleteSession(id);
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: true, updated: 1, pending: 0 });
    expect(server.all()).toEqual([]);

    // The other device edits its copy before it hears of the delete: the delete wins.
    other.updateNotes(id, 'too late');
    const late = await otherEngine.syncNow();
    expect(late).toMatchObject({ ok: true, merged: 1, pending: 0 });
    expect(other.getSessions()).toEqual([]);
    expect(server.all()).toEqual([]);
  });
});
