import { startServer, type RunningServer } from '@sendlog/server';
import { createMemoryStorage, createSessionStore, createSyncEngine } from '@sendlog/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { BACKENDS, type TestDatabase } from '@sendlog/server/testing';
import { allSessions, demoGym, register } from './support/http.js';

/**
 * Part 1 of issue 5: the real client core (@sendlog/sync store + engine) syncs 1,000 sessions
 * to the real server through a loopback proxy that loses about 30% of the exchanges (requests
 * dropped, answers dropped after the server acted, answers cut in half, delays). Every session
 * ends on the server exactly once, with all its routes, and the client marks each synced.
 */
const SESSIONS = Number(process.env.RELIABILITY_LOSSY_SESSIONS ?? 1000);
const ROUTES = 3;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
/** Dropped request 10%, dropped answer 13%, truncated answer 12%: ≈ 31% of exchanges fail. */
const FAULTS = { dropRequest: 0.1, dropResponse: 0.13, truncateResponse: 0.12, maxDelayMs: 40 };
const MAX_RUNS = 400;
const TIMEOUT = 400_000;

describe.each(BACKENDS)('1,000 sessions through a 30%-lossy network on $name', (backend) => {
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let proxy: FaultProxy | undefined;

  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    await db?.drop();
  }, TIMEOUT);

  it(
    'every session ends on the server exactly once, with all its routes',
    { timeout: TIMEOUT },
    async () => {
      db = await backend.createSharedDatabase('lossy');
      server = await startServer({ ...db.options, demo: true, logger: false, port: 0 });
      const climber = await register(server.url, 'lossy');
      const gym = await demoGym(server.url);
      proxy = await startFaultProxy(server.url, FAULTS, seededRandom(SEED));

      // A climber's history, logged offline on the phone.
      let clock = Date.parse('2026-03-01T08:00:00.000Z');
      const now = () => clock;
      const store = await createSessionStore({ storage: createMemoryStorage(), now });
      for (let i = 0; i < SESSIONS; i += 1) {
        const session = store.startSession({ layoutId: gym.layoutId });
        for (let r = 0; r < ROUTES; r += 1) {
          clock += 60_000;
          store.logRoute(session.id, {
            climbId: gym.climbIds[(i + r) % gym.climbIds.length]!,
            isSuccess: r % 2 === 0,
            attempts: r + 1,
          });
        }
        clock += 60_000;
        store.endSession(session.id);
        clock += 3_600_000;
      }
      await store.flush();
      expect(store.getSessions().filter((s) => s.status === 'completed')).toHaveLength(SESSIONS);

      const engine = createSyncEngine({
        store,
        baseUrl: proxy.url,
        getToken: () => climber.token,
        now,
        random: seededRandom(SEED + 1),
        requestTimeoutMs: 10_000,
        // Chunks of 10 instead of 100: ten times the exchanges, so the faults land between and
        // inside batches often enough to matter (≈ 100 pushes instead of 10).
        batchLimits: { maxSessions: 10, maxBytes: 1_500_000 },
      });
      // The app would retry on its backoff timer; the test retries at once, as often as needed.
      let runs = 0;
      let report = await engine.syncNow();
      runs += 1;
      while (!(report.ok && report.pending === 0) && runs < MAX_RUNS) {
        report = await engine.syncNow();
        runs += 1;
      }
      await store.flush();

      // The server's view, read directly (not through the proxy).
      const stored = await allSessions(climber.api);
      const local = store.getSessions();
      const copies = new Map<string, number>();
      for (const s of stored) {
        copies.set(s.clientSessionId ?? '', (copies.get(s.clientSessionId ?? '') ?? 0) + 1);
      }
      const lost = local.filter((s) => !copies.has(s.id)).length;
      const duplicated = [...copies.values()].filter((n) => n > 1).length;
      const partial = stored.filter((s) => s.routes.length !== ROUTES).length;
      const unsynced = local.filter((s) => s.status !== 'synced').length;
      const mismatched = local.filter(
        (s) => s.serverSessionId !== stored.find((x) => x.clientSessionId === s.id)?.id,
      ).length;
      const c = proxy.counts;
      const failedExchanges = c.droppedRequests + c.droppedResponses + c.truncatedResponses;
      const fiveXx = Object.entries(c.statuses)
        .filter(([status]) => Number(status) >= 500)
        .reduce((n, [, k]) => n + k, 0);
      console.log(
        `[reliability] lossy network on ${backend.name} (seed ${SEED}): ${SESSIONS} sessions × ${ROUTES} routes ` +
          `in ${runs} syncNow runs; ${c.requests} requests, ${failedExchanges} faulted ` +
          `(${((100 * failedExchanges) / Math.max(c.requests, 1)).toFixed(1)}%: ${c.droppedRequests} dropped, ` +
          `${c.droppedResponses} answers lost, ${c.truncatedResponses} truncated); server statuses ` +
          `${JSON.stringify(c.statuses)}; stored ${stored.length}, lost ${lost}, duplicated ${duplicated}, ` +
          `partial ${partial}, not marked synced ${unsynced}, wrong server id ${mismatched}, 5xx ${fiveXx}`,
      );
      expect(report.ok).toBe(true);
      expect(failedExchanges / c.requests).toBeGreaterThan(0.15);
      expect(stored).toHaveLength(SESSIONS);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(partial).toBe(0);
      expect(unsynced).toBe(0);
      expect(mismatched).toBe(0);
      expect(fiveXx).toBe(0);
    },
  );
});
