import type { BulkResponse, ClimbsResponse } from '@sendlog/contract';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  spawnServer,
  type ServerProcess,
  type TestDatabase,
} from '@sendlog/server/testing';
import { allSessions, demoGym, http, register, snapshotBatches } from './support/http.js';

/**
 * Part 2 of issue 5: the server process is killed with SIGKILL in the middle of a heavy bulk load
 * and restarted on the same database (PostgreSQL, and PGlite's data directory as `npm start` uses
 * it). No session may be half written, no acknowledged session may be lost, and resending every
 * batch must leave each session exactly once.
 */
const BATCHES = Number(process.env.RELIABILITY_CRASH_BATCHES ?? 20);
const PER_BATCH = 100;
const ROUTES = 10;
/** Requests in flight at once, so several are cut mid-transaction by the kill. */
const IN_FLIGHT = 4;
/** Kill this long after this many batches were acknowledged, while the next ones are being written. */
const KILL_AFTER = 4;
const KILL_DELAY_MS = Number(process.env.RELIABILITY_CRASH_KILL_DELAY_MS ?? 150);
const TIMEOUT = 400_000;

describe.each(BACKENDS)('SIGKILL during a bulk load on $name', (backend) => {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await db?.drop();
  }, TIMEOUT);

  it(
    'keeps every acknowledged session, writes none by halves, and a full resend ends exactly once',
    { timeout: TIMEOUT },
    async () => {
      db = await backend.createSharedDatabase('crash');
      server = await spawnServer({ env: db.env });
      const climber = await register(server.url, 'crash');
      const gym = await demoGym(server.url);
      const start = Date.parse('2026-06-01T08:00:00Z');
      const batches = snapshotBatches(
        gym,
        { batches: BATCHES, perBatch: PER_BATCH, routes: ROUTES },
        start,
      );
      const routesOf = new Map(
        batches.flat().map((s) => [s.clientSessionId as string, s.routes.length]),
      );

      // Load with IN_FLIGHT concurrent bulk requests; pull the plug after KILL_AFTER answers.
      const acknowledged = new Set<string>();
      let answered = 0;
      let failed = 0;
      let fiveXx = 0;
      let next = 0;
      const victim = server;
      const api = http(victim.url, climber.token);
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          try {
            const res = await api.post<BulkResponse>('/sessions/sync/bulk', { sessions: batch });
            if (res.status >= 500) fiveXx += 1;
            if (res.status !== 200) continue;
            res.body.results.forEach((r, i) => {
              if (r.success) acknowledged.add(batch[i]!.clientSessionId as string);
            });
            answered += 1;
            if (answered === KILL_AFTER) setTimeout(() => void victim.kill(), KILL_DELAY_MS);
          } catch {
            // the connection died with the process
            failed += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      const killedBy = (await victim.exited).signal;
      expect(killedBy).toBe('SIGKILL');

      // Restart on the same database.
      server = await spawnServer({ env: db.env });
      const after = http(server.url, climber.token);
      const survived = await allSessions(after);
      const partial = survived.filter(
        (s) => s.routes.length !== routesOf.get(s.clientSessionId ?? ''),
      );
      const survivedIds = new Set(survived.map((s) => s.clientSessionId));
      const lostAcknowledged = [...acknowledged].filter((id) => !survivedIds.has(id));

      // Resend everything, as a client that never heard back would.
      let resentFiveXx = 0;
      let rejected = 0;
      for (const batch of batches) {
        const res = await after.post<BulkResponse>('/sessions/sync/bulk', { sessions: batch });
        if (res.status >= 500) resentFiveXx += 1;
        expect(res.status, res.text.slice(0, 300)).toBe(200);
        rejected += res.body.summary.rejected;
      }
      const final = await allSessions(after);
      const byClientId = new Map<string, number>();
      for (const s of final) {
        byClientId.set(s.clientSessionId ?? '', (byClientId.get(s.clientSessionId ?? '') ?? 0) + 1);
      }
      const duplicated = [...byClientId.values()].filter((n) => n > 1).length;
      const finalPartial = final.filter(
        (s) => s.routes.length !== routesOf.get(s.clientSessionId ?? ''),
      ).length;
      const lost = [...routesOf.keys()].filter((id) => !byClientId.has(id)).length;

      console.log(
        `[reliability] SIGKILL on ${backend.name}: sent ${routesOf.size} sessions in ${BATCHES} batches ` +
          `(${ROUTES} routes each), ${acknowledged.size} acknowledged before the kill, ` +
          `${failed} requests cut; after restart ${survived.length} stored, partial ${partial.length}, ` +
          `acknowledged lost ${lostAcknowledged.length}; after resending all: stored ${final.length}, ` +
          `lost ${lost}, duplicated ${duplicated}, partial ${finalPartial}, rejected ${rejected}, ` +
          `5xx ${fiveXx + resentFiveXx}`,
      );
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
      expect(partial).toEqual([]);
      expect(lostAcknowledged).toEqual([]);
      expect(final.length).toBe(routesOf.size);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(finalPartial).toBe(0);
      expect(rejected).toBe(0);
      expect(fiveXx + resentFiveXx).toBe(0);

      // The community view is folded off the request path from a queue written with the routes:
      // a kill mid-write or mid-fold loses none of it. Once the restarted process has folded
      // what is queued (its poll runs every second), the wall's sends are the stored routes'.
      const sends = new Map<string, number>();
      for (const s of final) {
        for (const r of s.routes) {
          // Unlisted climbs (no climbId) have no community view.
          if (r.isSuccess && r.climbId != null)
            sends.set(r.climbId, (sends.get(r.climbId) ?? 0) + 1);
        }
      }
      const community = async () => {
        const res = await after.get<ClimbsResponse>(`/layouts/${gym.layoutId}/climbs`);
        return res.body.climbs
          .filter((c) => c.community.sends > 0 || sends.has(c.id))
          .map((c) => [c.id, c.community.sends, c.community.climbers]);
      };
      const expected = [...sends].map(([id, n]) => [id, n, 1]);
      const byId = (rows: unknown[][]) => JSON.stringify([...rows].sort());
      const deadline = Date.now() + 30_000;
      let folded = await community();
      while (byId(folded) !== byId(expected) && Date.now() < deadline) folded = await community();
      expect(byId(folded)).toBe(byId(expected));
    },
  );
});
