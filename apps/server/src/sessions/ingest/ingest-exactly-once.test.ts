import type { BulkResponse, SessionSnapshotInput, SessionsPage } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { climbId, snapshot } from '../../testing/fixtures.js';
import {
  clock,
  NOW,
  server,
  sessionOf,
  useIngestServer,
  type Created,
  type Existing,
} from './ingest.test-kit.js';

// Each row of the exactly-once table (docs/architecture.md): what a resend, an edit and a
// concurrent edit from another device become.
describe.each(BACKENDS)('session ingest on $name', (backend) => {
  useIngestServer(backend);

  describe('the exactly-once table', () => {
    it('not yet → created, revision 1, session and routes in one go', async () => {
      const { api } = await newUser(server.app);
      const body = snapshot({}, 3);
      const res = await api.post<Created>('/sessions/offline', body);
      expect(res.status).toBe(201);
      expect(res.body.revision).toBe(1);
      expect(res.body.routeIds).toHaveLength(3);
      const session = await sessionOf(api, res.body.sessionId);
      expect(session.clientSessionId).toBe(body.clientSessionId);
      expect(session.routes.map((r) => r.id)).toEqual(res.body.routeIds);
      expect(session.routes.map((r) => r.clientRouteId)).toEqual(['route-0', 'route-1', 'route-2']);
    });

    it('same content → duplicate, nothing written', async () => {
      const { api } = await newUser(server.app);
      const body = snapshot();
      const created = await api.post<Created>('/sessions/offline', body);
      const pull = await api.get<SessionsPage>('/sessions?updatedSince=');
      const res = await api.post<Existing>('/sessions/offline', body);
      expect(res.body).toEqual({
        sessionId: created.body.sessionId,
        revision: 1,
        status: 'duplicate',
        isDuplicate: true,
      });
      // Not even the change sequence moved.
      const after = await api.get<SessionsPage>(`/sessions?updatedSince=${pull.body.nextCursor}`);
      expect(after.body).toEqual({ sessions: [], nextCursor: pull.body.nextCursor });
    });

    it('revision = baseRevision → updated: fields and routes replaced, removed routes tombstoned', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot({}, 3);
      const created = await api.post<Created>('/sessions/offline', base);
      const edit: SessionSnapshotInput = {
        ...base,
        baseRevision: 1,
        notes: 'edited',
        updatedAt: '2026-11-24T19:50:00.000Z',
        // route-1 removed explicitly, route-2 dropped from the copy: both are removals.
        removedRouteIds: ['route-1'],
        routes: [{ ...base.routes[0]!, attempts: 7, updatedAt: '2026-11-24T19:45:00.000Z' }],
      };
      const res = await api.post<Existing>('/sessions/offline', edit);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        sessionId: created.body.sessionId,
        revision: 2,
        status: 'updated',
        isDuplicate: false,
      });
      const session = await sessionOf(api, created.body.sessionId);
      expect(session).toMatchObject({
        notes: 'edited',
        revision: 2,
        updatedAt: '2026-11-24T19:50:00.000Z',
      });
      expect(session.routes.map((r) => [r.clientRouteId, r.attempts])).toEqual([['route-0', 7]]);
      // The old copy replayed (edited elsewhere meanwhile) cannot bring the removed routes back.
      const replay = await api.post<Existing>('/sessions/offline', base);
      expect(replay.body).toMatchObject({ status: 'duplicate', revision: 2 });
      expect((await sessionOf(api, created.body.sessionId)).routes).toHaveLength(1);
    });

    it('revision ≠ baseRevision → merged: fields LWW by updatedAt, routes unioned, each LWW', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot({}, 2);
      const created = await api.post<Created>('/sessions/offline', base);
      // Device A edits revision 1: notes, route-0, adds route-a.
      const a = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 1,
        notes: 'from A',
        updatedAt: '2026-11-24T20:00:00.000Z',
        routes: [
          { ...base.routes[0]!, attempts: 5, updatedAt: '2026-11-24T20:00:00.000Z' },
          base.routes[1]!,
          {
            ...base.routes[1]!,
            clientRouteId: 'route-a',
            climbId: climbId(5),
            loggedAt: '2026-11-24T19:10:00.000Z',
          },
        ],
      });
      expect(a.body).toMatchObject({ status: 'updated', revision: 2 });
      // Device B also edited revision 1, earlier: notes lose, its route-1 edit is newer and wins.
      const b = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 1,
        notes: 'from B',
        updatedAt: '2026-11-24T19:55:00.000Z',
        removedRouteIds: [],
        routes: [
          base.routes[0]!,
          { ...base.routes[1]!, attempts: 9, notes: 'B', updatedAt: '2026-11-24T19:56:00.000Z' },
          { ...base.routes[0]!, clientRouteId: 'route-b', loggedAt: '2026-11-24T19:20:00.000Z' },
        ],
      });
      expect(b.status).toBe(200);
      expect(b.body).toMatchObject({
        sessionId: created.body.sessionId,
        status: 'merged',
        revision: 3,
        isDuplicate: false,
      });
      const merged = b.body.session!;
      expect(merged.notes).toBe('from A');
      expect(merged.updatedAt).toBe('2026-11-24T20:00:00.000Z');
      expect(Object.fromEntries(merged.routes.map((r) => [r.clientRouteId, r.attempts]))).toEqual({
        'route-0': 5,
        'route-1': 9,
        'route-a': 2,
        'route-b': 1,
      });
      // The answer is exactly what the server stored.
      expect(await sessionOf(api, created.body.sessionId)).toEqual(merged);
    });

    it('a merge that changes nothing → duplicate', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot();
      await api.post('/sessions/offline', base);
      await api.post('/sessions/offline', {
        ...base,
        baseRevision: 1,
        notes: 'newer',
        updatedAt: '2026-11-24T21:00:00.000Z',
      });
      // An older edit from another device: every field and route loses.
      const stale = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 1,
        notes: 'older',
        updatedAt: '2026-11-24T19:40:00.000Z',
      });
      expect(stale.body).toMatchObject({ status: 'duplicate', isDuplicate: true, revision: 2 });
    });

    it('a fast-forward whose clock lags a stored edit → merged, with the session to adopt', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot({}, 2);
      await api.post('/sessions/offline', base);
      const res = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 1,
        notes: 'typed on a phone whose clock is behind',
        updatedAt: '2026-11-24T19:00:00.000Z',
        removedRouteIds: ['route-1'],
        routes: [base.routes[0]!],
      });
      expect(res.body).toMatchObject({ status: 'merged', revision: 2, isDuplicate: false });
      expect(res.body.session?.notes).toBe('session notes');
      expect(res.body.session?.routes.map((r) => r.clientRouteId)).toEqual(['route-0']);
    });

    it('removedRouteIds and tombstones stay removed in a merge', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot({}, 3);
      const created = await api.post<Created>('/sessions/offline', base);
      const removal = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 99,
        removedRouteIds: ['route-2'],
        routes: base.routes.slice(0, 2),
      });
      expect(removal.body).toMatchObject({ status: 'merged', revision: 2 });
      // A device that edited route-2 later still cannot resurrect it.
      const late = await api.post<Existing>('/sessions/offline', {
        ...base,
        baseRevision: 1,
        routes: [{ ...base.routes[2]!, attempts: 50, updatedAt: '2026-11-24T23:00:00.000Z' }],
      });
      expect(late.body.status).toBe('duplicate');
      const session = await sessionOf(api, created.body.sessionId);
      expect(session.routes.map((r) => r.clientRouteId)).toEqual(['route-0', 'route-1']);
    });

    it('on equal updatedAt the greater JSON text wins, whatever the arrival order', async () => {
      const results: string[] = [];
      for (const order of [
        ['aaa', 'zzz'],
        ['zzz', 'aaa'],
      ]) {
        const { api } = await newUser(server.app);
        const base = snapshot({ notes: 'start', updatedAt: '2026-11-24T19:31:00.000Z' });
        await api.post('/sessions/offline', base);
        let last: Existing | undefined;
        for (const notes of order) {
          last = (
            await api.post<Existing>('/sessions/offline', {
              ...base,
              baseRevision: 0 + 9,
              notes,
              updatedAt: '2026-11-24T22:00:00.000Z',
            })
          ).body;
        }
        results.push((await sessionOf(api, last!.sessionId)).notes!);
      }
      expect(results).toEqual(['zzz', 'zzz']);
    });

    it('clamps an updatedAt ahead of the server clock to the server time', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot();
      const created = await api.post<Created>('/sessions/offline', {
        ...base,
        updatedAt: '2027-11-25T12:00:00.000Z',
        routes: [{ ...base.routes[0]!, updatedAt: '2030-01-01T00:00:00.000Z' }],
      });
      const session = await sessionOf(api, created.body.sessionId);
      expect(session.updatedAt).toBe(new Date(NOW).toISOString());
      expect(session.routes[0]!.updatedAt).toBe(new Date(NOW).toISOString());
      // So a real edit made a minute later on another device still wins.
      clock.now = NOW + 60_000;
      try {
        const other = await api.post<Existing>('/sessions/offline', {
          ...base,
          baseRevision: 9,
          notes: 'a real later edit',
          updatedAt: new Date(NOW + 1000).toISOString(),
        });
        expect(other.body.session?.notes).toBe('a real later edit');
      } finally {
        clock.now = NOW;
      }
    });

    it('a resend from a phone whose clock runs ahead is a duplicate, not a new revision', async () => {
      const { api } = await newUser(server.app);
      // The phone's clock is 5 s ahead of the server's: its edit times are clamped on receipt.
      const ahead = new Date(NOW + 5_000).toISOString();
      const body = snapshot({
        startTime: new Date(NOW - 3_600_000).toISOString(),
        endTime: new Date(NOW - 60_000).toISOString(),
        updatedAt: ahead,
      });
      body.routes = body.routes.map((r) => ({ ...r, loggedAt: ahead, updatedAt: ahead }));
      const created = await api.post<Created>('/sessions/offline', body);
      expect(created.status).toBe(201);
      try {
        for (const later of [1_000, 10_000]) {
          // The answer was lost; the phone sends the same snapshot again, a little later.
          clock.now = NOW + later;
          const single = await api.post<Existing>('/sessions/offline', body);
          expect(single.body).toMatchObject({ status: 'duplicate', revision: 1 });
          const bulk = await api.post<BulkResponse>('/sessions/sync/bulk', [body]);
          expect(bulk.body.results[0]).toMatchObject({ status: 'duplicate', revision: 1 });
        }
      } finally {
        clock.now = NOW;
      }
      expect((await sessionOf(api, created.body.sessionId)).revision).toBe(1);
    });

    it('snapshotted grade and route identity survive an edit', async () => {
      const { api } = await newUser(server.app);
      const base = snapshot();
      const created = await api.post<Created>('/sessions/offline', base);
      await api.post('/sessions/offline', {
        ...base,
        baseRevision: 1,
        routes: [
          { ...base.routes[0]!, attempts: 4, updatedAt: '2026-11-24T19:40:00.000Z' },
          base.routes[1]!,
        ],
      });
      const session = await sessionOf(api, created.body.sessionId);
      expect(session.routes.map((r) => r.id)).toEqual(created.body.routeIds);
    });
  });
});
