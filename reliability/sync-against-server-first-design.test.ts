import { STORAGE_KEYS, createMemoryStorage } from '@sendlog/sync';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import {
  api,
  climbs,
  device,
  register,
  serverSessions,
  syncUntilSettled,
  useRealServer,
} from './support/sync-against-server.js';

/**
 * The engine against the real server (in-process, PGlite in memory) through a transport that
 * loses requests and answers: what the first design's client left on a phone is imported, and never duplicated.
 */
describe.each(BACKENDS)('sync against the real server on $name', (backend) => {
  useRealServer(backend);

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
});
