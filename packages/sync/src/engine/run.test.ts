import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, syncPortOf } from '../store/session-store.js';
import { STORAGE_KEYS } from '../store/storage-layout.js';
import { endedSession, route, setup } from '../testing/engine-harness.js';
import { createSyncEngine } from './sync-engine.js';

describe('a sync run', () => {
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
    expect(onAuthRequired).toHaveBeenCalledWith('expired');
    expect(store.getSession(id)).toMatchObject({ status: 'completed', lastError: null });
    expect(engine.getState()).toMatchObject({ authRequired: true, nextRetryAt: null });
    expect(timers.pendingDelays()).toEqual([]);
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
