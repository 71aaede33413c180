import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../store/memory-storage.js';
import { createSessionStore } from '../store/session-store.js';
import { endedSession, setup, waitIdle } from '../testing/engine-harness.js';
import { ManualTimers } from '../testing/manual-timers.js';
import { createSyncEngine } from './sync-engine.js';

describe('when the sync engine runs', () => {
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
});

describe('when the sync engine sends a delete', () => {
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
