import { randomUUID } from 'node:crypto';
import type { ClimbResponse, LayoutResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainCommunityOutbox } from '../catalogue/community-fold.js';
import { captureStatements } from '../db/statement-counter.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../testing/app-with-database.js';

// The session-side tables are laid out to be distributed by user_id (docs/operations.md): a
// statement on them that does not name the user would have to ask every node. Every statement
// the API sends while a climber syncs, edits, reads, exports, deletes and leaves, and while the
// community fold runs, is captured here; each one on a session-side table must name `user_id`.

const DRAIN_COUNT = 'select count(*)::int as n from community_outbox';
const SESSION_SIDE = /\b(climbing_sessions|session_routes|route_tombstones|community_outbox)\b/;

describe.each(BACKENDS)('statements on session-side tables on $name', (backend) => {
  let t: AppWithDatabase;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  it('every one names the user', async () => {
    const setter = await t.demoSetter();
    const made = await setter.post<LayoutResponse>('/layouts', {
      name: 'Co-located',
      gradeSystem: 'V',
    });
    const layout = made.body.layout;
    const climb = (
      await setter.post<ClimbResponse>(`/layouts/${layout.id}/climbs`, {
        name: 'climb V3',
        grade: 'V3',
      })
    ).body.climb;
    const me = await t.signedIn('climber');
    const snapshot = (clientSessionId: string, baseRevision: number | null, sends: boolean) => ({
      clientSessionId,
      layoutId: layout.id,
      startTime: '2026-11-20T18:00:00.000Z',
      endTime: '2026-11-20T20:00:00.000Z',
      baseRevision,
      updatedAt: `2026-11-20T20:0${baseRevision ?? 0}:00.000Z`,
      routes: [
        {
          clientRouteId: 'r1',
          climbId: climb.id,
          isSuccess: sends,
          attempts: 2,
          loggedAt: '2026-11-20T18:30:00.000Z',
          updatedAt: `2026-11-20T20:0${baseRevision ?? 0}:00.000Z`,
        },
      ],
    });

    const statements = await captureStatements(async () => {
      const a = randomUUID();
      const bulk = { sessions: [snapshot(a, null, false), snapshot(randomUUID(), null, true)] };
      expect((await me.api.post('/sessions/sync/bulk', bulk)).status).toBe(200);
      expect((await me.api.post('/sessions/sync/bulk', bulk)).status).toBe(200); // replay
      const single = await me.api.post<{ sessionId: string }>(
        '/sessions/offline',
        snapshot(randomUUID(), null, true),
      );
      expect(single.status).toBe(201);
      expect((await me.api.post('/sessions/offline', snapshot(a, 1, true))).status).toBe(200);
      expect((await me.api.post('/sessions/offline', snapshot(a, 1, false))).status).toBe(200);
      // A session elsewhere with a climb in no catalogue: its own columns, and its own index
      // (climb_key) when GET /stats looks up its first try.
      const elsewhere = {
        ...snapshot(randomUUID(), null, true),
        layoutId: null,
        place: 'Smith Rock',
        routes: [
          {
            ...snapshot(a, null, true).routes[0]!,
            clientRouteId: 'u1',
            climbId: null,
            climb: { name: 'Chain Reaction', grade: '5.12c', kind: 'route' as const },
          },
        ],
      };
      expect((await me.api.post('/sessions/offline', elsewhere)).status).toBe(201);
      for (const url of [
        '/sessions',
        '/sessions?updatedSince=',
        `/sessions/${single.body.sessionId}`,
        '/stats',
        '/sessions/export?format=csv',
        '/sessions/export?format=json',
        `/climbs/${climb.id}/history`,
      ]) {
        const res = await t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${me.token}` },
        });
        expect(res.statusCode, url).toBeLessThan(300);
      }
      expect((await me.api.delete(`/sessions/${single.body.sessionId}`)).status).toBe(200);
      await drainCommunityOutbox(t.db);
      expect(
        (await me.api.deleteWithBody('/me', { password: 'correct horse battery' })).status,
      ).toBe(204);
    });

    const onSessionSide = statements.filter((s) => SESSION_SIDE.test(s));
    // Enough of them that the check means something: each path above reads or writes them.
    expect(onSessionSide.length).toBeGreaterThan(15);
    // The one exception is the tests' own helper: draining asks how many rows are left, all told.
    const anonymous = onSessionSide.filter((s) => !/\buser_id\b/.test(s) && s !== DRAIN_COUNT);
    expect(anonymous).toEqual([]);
  });
});
