import { performance } from 'node:perf_hooks';
import type { BulkResponse } from '@sendlog/contract';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  spawnServer,
  type ServerProcess,
  type TestDatabase,
} from '@sendlog/server/testing';
import { allSessions, demoGym, http, register, snapshotBatches } from './support/http.js';

/**
 * Part 7 of issue 5: SIGTERM while the server is under load. Every request the server accepted
 * gets its full answer before the process exits: what is stored is exactly what was answered
 * 200 (a request cut without an answer must not have been written), and the process exits 0.
 */
const BATCHES = Number(process.env.RELIABILITY_SHUTDOWN_BATCHES ?? 40);
const PER_BATCH = 50;
const ROUTES = 5;
const IN_FLIGHT = 6;
const TERM_AFTER = 3;
const TIMEOUT = 400_000;

type Outcome = 'answered' | 'refused-503' | 'no-answer' | 'other';

describe.each(BACKENDS)('SIGTERM under load on $name', (backend) => {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await db?.drop();
  }, TIMEOUT);

  it(
    'finishes every accepted request with a full answer, then exits 0',
    { timeout: TIMEOUT },
    async () => {
      db = await backend.createSharedDatabase('shutdown');
      server = await spawnServer({ env: db.env });
      const climber = await register(server.url, 'shutdown');
      const gym = await demoGym(server.url);
      const start = Date.parse('2026-05-01T08:00:00Z');
      const batches = snapshotBatches(
        gym,
        { batches: BATCHES, perBatch: PER_BATCH, routes: ROUTES },
        start,
      );

      const victim = server;
      const api = http(victim.url, climber.token);
      const outcomes: Record<Outcome, number> = {
        answered: 0,
        'refused-503': 0,
        'no-answer': 0,
        other: 0,
      };
      const acknowledged = new Set<string>();
      const unanswered = new Set<string>();
      let termAt = Number.POSITIVE_INFINITY;
      let drained = 0;
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          const sentAt = performance.now();
          let outcome: Outcome;
          try {
            const res = await api.post<BulkResponse>('/sessions/sync/bulk', { sessions: batch });
            if (res.status === 200 && res.body.results.length === batch.length) {
              outcome = 'answered';
              res.body.results.forEach((r, i) => {
                if (r.success) acknowledged.add(batch[i]!.clientSessionId as string);
              });
              if (sentAt < termAt && performance.now() > termAt) drained += 1;
            } else {
              outcome = res.status === 503 ? 'refused-503' : 'other';
            }
          } catch {
            outcome = 'no-answer';
          }
          outcomes[outcome] += 1;
          if (outcome !== 'answered') batch.forEach((s) => unanswered.add(s.clientSessionId!));
          if (outcomes.answered === TERM_AFTER && termAt === Number.POSITIVE_INFINITY) {
            termAt = performance.now();
            victim.child.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      const exit = await victim.exited;

      server = await spawnServer({ env: db.env });
      const stored = await allSessions(http(server.url, climber.token));
      const storedIds = new Set(stored.map((s) => s.clientSessionId));
      const writtenUnanswered = [...unanswered].filter((id) => storedIds.has(id));
      const lostAcknowledged = [...acknowledged].filter((id) => !storedIds.has(id));
      const partial = stored.filter((s) => s.routes.length !== ROUTES);
      console.log(
        `[reliability] SIGTERM on ${backend.name}: ${BATCHES} bulk requests (${BATCHES * PER_BATCH} sessions); ` +
          `answered ${outcomes.answered} (${drained} of them in flight at SIGTERM and drained), ` +
          `refused while closing (503) ${outcomes['refused-503']}, no answer (connection refused/closed) ` +
          `${outcomes['no-answer']}, other ${outcomes.other}; exit ${exit.code ?? exit.signal}; stored ` +
          `${stored.length} = acknowledged ${acknowledged.size}; written without an answer ` +
          `${writtenUnanswered.length}, acknowledged lost ${lostAcknowledged.length}, partial ${partial.length}`,
      );
      expect(exit.code).toBe(0);
      expect(drained).toBeGreaterThan(0);
      expect(outcomes.other).toBe(0);
      expect(writtenUnanswered).toEqual([]);
      expect(lostAcknowledged).toEqual([]);
      expect(partial).toEqual([]);
      expect(stored.length).toBe(acknowledged.size);
    },
  );
});
