import { expect, vi } from 'vitest';
import { createSyncEngine } from '../engine/sync-engine.js';
import type { SyncEngine, SyncEngineOptions } from '../engine/sync-engine.js';
import { createMemoryStorage } from '../store/memory-storage.js';
import { createSessionStore } from '../store/session-store.js';
import type { SessionStore } from '../store/session-store.js';
import { FakeServer } from './fake-server.js';
import { ManualClock, ManualConnectivity, ManualTimers, sequentialIds } from './manual-timers.js';

/** One engine on one store against the fake server, with the test's clock, timers and network. */

export const route = { climbId: 'c1', isSuccess: true, attempts: 2 };

export async function waitIdle(engine: SyncEngine): Promise<void> {
  await vi.waitFor(() => expect(engine.getState().running).toBe(false));
}

export async function setup(overrides: Partial<SyncEngineOptions> = {}, random = () => 0.5) {
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

export function endedSession(store: SessionStore, climbId = 'c1'): string {
  const s = store.startSession({ layoutId: 'L1' });
  store.logRoute(s.id, { ...route, climbId });
  store.endSession(s.id);
  return s.id;
}
