import { randomUUID } from 'node:crypto';
import type { BulkResponse, OfflineResponse, Session, SessionsPage } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { allSessions, snapshot } from './support/http.js';
import { securityStage, TEST_TIMEOUT } from './support/security.js';

/**
 * Part 5 of issue 5, one user's sessions from another: never read or written, even knowing
 * their ids or clientSessionId.
 */
describe.each(BACKENDS)('security on $name', (backend) => {
  const stage = securityStage(backend);
  const { call, expectCode } = stage;

  it(
    "another user's session is answered exactly like one that does not exist",
    { timeout: TEST_TIMEOUT },
    async () => {
      const asBob = await call(
        'GET',
        `/sessions/${stage.aliceSession.id}`,
        `Bearer ${stage.bob.token}`,
      );
      const unknown = await call('GET', `/sessions/${randomUUID()}`, `Bearer ${stage.bob.token}`);
      expectCode(asBob, 404, 'not_found');
      expectCode(unknown, 404, 'not_found');
      expect(asBob.body).toEqual(unknown.body);
      // Nor can Bob delete it: the same 404, and Alice's session stays exactly as it was.
      const deleteAsBob = await call(
        'DELETE',
        `/sessions/${stage.aliceSession.id}`,
        `Bearer ${stage.bob.token}`,
      );
      const deleteUnknown = await call(
        'DELETE',
        `/sessions/${randomUUID()}`,
        `Bearer ${stage.bob.token}`,
      );
      expectCode(deleteAsBob, 404, 'not_found');
      expectCode(deleteUnknown, 404, 'not_found');
      expect(deleteAsBob.body).toEqual(deleteUnknown.body);
      const alices = await stage.alice.api.get<{ session: Session }>(
        `/sessions/${stage.aliceSession.id}`,
      );
      expect(alices.body.session).toEqual(stage.aliceSession);
      const aliceChanges = await stage.alice.api.get<SessionsPage>('/sessions?updatedSince=');
      expect(aliceChanges.body.sessions).toEqual([stage.aliceSession]);
      expect(await allSessions(stage.bob.api)).toHaveLength(0);
      const changes = await stage.bob.api.get<SessionsPage>('/sessions?updatedSince=');
      expect(changes.body.sessions).toHaveLength(0);
    },
  );

  it(
    "sending another user's clientSessionId never reads, updates or merges into their session",
    { timeout: TEST_TIMEOUT },
    async () => {
      const hostile = (over: Record<string, unknown>) =>
        snapshot(stage.gym, 2, {
          clientSessionId: stage.aliceSession.clientSessionId,
          startTime: stage.aliceSession.startTime,
          notes: 'bob was here',
          updatedAt: '2026-11-25T00:00:00.000Z',
          ...over,
        });
      const attempts = [
        // as a first sync, as an update at the current revision, and as a stale edit (merge)
        hostile({ baseRevision: null }),
        hostile({ baseRevision: stage.aliceSession.revision }),
        hostile({
          baseRevision: stage.aliceSession.revision + 5,
          removedRouteIds: ['r-0', 'r-1', 'r-2'],
        }),
      ];
      const bobIds = new Set<string>();
      for (const body of attempts) {
        for (const path of ['/sessions/offline', '/sessions/sync']) {
          const answer = await call(
            'POST',
            path,
            `Bearer ${stage.bob.token}`,
            JSON.stringify(body),
          );
          expect(answer.status, answer.text).toBeLessThan(300);
          const r = answer.body as OfflineResponse;
          expect(r.sessionId).not.toBe(stage.aliceSession.id);
          bobIds.add(r.sessionId);
          if ('session' in r && r.session)
            expect(JSON.stringify(r.session)).not.toContain('alice only');
        }
        const bulk = await call(
          'POST',
          '/sessions/sync/bulk',
          `Bearer ${stage.bob.token}`,
          JSON.stringify({ sessions: [body] }),
        );
        const result = (bulk.body as BulkResponse).results[0]!;
        expect(result.success).toBe(true);
        if (result.success) {
          expect(result.sessionId).not.toBe(stage.aliceSession.id);
          bobIds.add(result.sessionId);
        }
      }
      // By the idempotency key too: the same Idempotency-Key as another user is another session.
      const keyed = snapshot(stage.gym, 1, { clientSessionId: undefined });
      const key = `shared-${randomUUID()}`;
      const a = await stage.alice.api.post<OfflineResponse>('/sessions/offline', keyed, {
        headers: { 'idempotency-key': key },
      });
      const b = await stage.bob.api.post<OfflineResponse>('/sessions/offline', keyed, {
        headers: { 'idempotency-key': key },
      });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.sessionId).not.toBe(a.body.sessionId);

      // Bob has exactly one session from all of that; Alice's is byte-for-byte as before.
      expect(bobIds.size).toBe(1);
      const after = await stage.alice.api.get<{ session: Session }>(
        `/sessions/${stage.aliceSession.id}`,
      );
      expect(after.body.session).toEqual(stage.aliceSession);
      const bobs = await allSessions(stage.bob.api);
      expect(bobs.map((s) => s.id).sort()).toEqual([...bobIds, b.body.sessionId].sort());
      expect(bobs.every((s) => s.id !== stage.aliceSession.id)).toBe(true);
    },
  );
});
