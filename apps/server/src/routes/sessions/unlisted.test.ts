import { randomUUID } from 'node:crypto';
import type {
  BulkResponse,
  ErrorBody,
  OfflineResponse,
  Session,
  SessionChangesPage,
  SessionSnapshotInput,
  SessionsPage,
  StatsResponse,
  UnlistedClimb,
} from '@sendlog/contract';
import { EXPORT_CSV_HEADER } from '@sendlog/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser } from '../../testing/client.js';
import { climbId, snapshot } from '../../testing/fixtures.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';

// Climbs in no catalogue and sessions elsewhere, through every endpoint that reads or writes
// sessions: the answers of docs/api.md, and nothing changed for sessions at a wall.

const START = '2026-11-20T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();

/** A day at a crag: a route graded YDS, a boulder in Font, a boulder flashed at V5. */
function crag(over: Partial<SessionSnapshotInput> = {}): SessionSnapshotInput {
  const route = (i: number, climb: UnlistedClimb, isSuccess: boolean, attempts: number) => ({
    clientRouteId: `u-${i}`,
    climbId: null,
    climb,
    isSuccess,
    attempts,
    loggedAt: at(10 * (i + 1)),
    updatedAt: at(10 * (i + 1)),
  });
  return {
    clientSessionId: randomUUID(),
    layoutId: null,
    place: 'Smith Rock',
    startTime: START,
    endTime: at(300),
    notes: null,
    updatedAt: at(300),
    routes: [
      route(0, { name: 'Chain Reaction', grade: '5.12c', kind: 'route' }, true, 4),
      route(1, { name: 'Arête du Cul', grade: '7a', kind: 'boulder' }, false, 3),
      route(2, { name: 'Roof', grade: 'V5', kind: 'boulder' }, true, 1),
    ],
    ...over,
  };
}

describe.each(BACKENDS)('unlisted climbs and sessions elsewhere on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('are stored, answered in history and pulls, exactly once', async () => {
    const { api } = await newUser(server.app);
    const body = crag();
    const created = await api.post<OfflineResponse>('/sessions/offline', body);
    expect(created.status).toBe(201);
    const again = await api.post<OfflineResponse>('/sessions/offline', body);
    expect(again.body).toMatchObject({ status: 'duplicate', isDuplicate: true });

    const one = await api.get<{ session: Session }>(`/sessions/${created.body.sessionId}`);
    expect(one.body.session).toMatchObject({ layoutId: null, place: 'Smith Rock' });
    expect(one.body.session.routes.map((r) => [r.climbId, r.climbName, r.grade, r.climb])).toEqual(
      body.routes.map((r) => [null, r.climb?.name, r.climb?.grade, r.climb]),
    );
    const history = await api.get<SessionsPage>('/sessions');
    expect(history.body.sessions).toEqual([one.body.session]);
    const pulled = await api.get<SessionChangesPage>('/sessions?updatedSince=');
    expect(pulled.body.sessions).toEqual([one.body.session]);

    // An edit from another device: the same merge as for any route.
    const edited = await api.post<OfflineResponse>('/sessions/offline', {
      ...body,
      baseRevision: 1,
      place: 'Smith Rock, Dihedrals',
      updatedAt: at(400),
      routes: [{ ...body.routes[1]!, isSuccess: true, updatedAt: at(400) }],
    });
    expect(edited.body).toMatchObject({ status: 'updated', revision: 2 });
    const after = await api.get<{ session: Session }>(`/sessions/${created.body.sessionId}`);
    expect(after.body.session.place).toBe('Smith Rock, Dihedrals');
    expect(after.body.session.routes.map((r) => r.climb?.name)).toEqual(['Arête du Cul']);
  });

  it('leave the answers for sessions at a wall as they were', async () => {
    const { api } = await newUser(server.app);
    const res = await api.post<OfflineResponse>('/sessions/offline', snapshot());
    const got = await api.get<{ session: Session }>(`/sessions/${res.body.sessionId}`);
    expect(got.body.session).not.toHaveProperty('place');
    for (const r of got.body.session.routes) expect(r).not.toHaveProperty('climb');
  });

  it('refuse a session with a wall and a place, and a route with both kinds of climb or none', async () => {
    const { api } = await newUser(server.app);
    const paths = async (body: unknown) => {
      const res = await api.post<ErrorBody>('/sessions/offline', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      return res.body.error.details?.map((d) => d.path);
    };
    const wall = snapshot();
    expect(await paths({ ...wall, place: 'Smith Rock' })).toEqual(['place']);
    const unlisted = crag().routes[0]!;
    const both = { ...unlisted, climbId: climbId(0) };
    const neither = { ...unlisted, climb: null };
    expect(await paths(crag({ routes: [both, { ...neither, clientRouteId: 'n' }] }))).toEqual([
      'routes.0.climb',
      'routes.1.climbId',
    ]);
    const bad = { ...unlisted, climb: { name: ' ', grade: 'x'.repeat(21), kind: 'sport' } };
    expect(await paths({ ...crag(), routes: [bad] })).toEqual([
      'routes.0.climb.name',
      'routes.0.climb.grade',
      'routes.0.climb.kind',
    ]);
    expect(await paths(crag({ place: 'p'.repeat(201) }))).toEqual(['place']);
    expect((await api.get<SessionsPage>('/sessions')).body.sessions).toEqual([]);
  });

  it('count in the logbook: tries and sends always, the pyramid and hardest send only as V or Font boulders', async () => {
    const { api, token } = await newUser(server.app);
    const res = await api.post<BulkResponse>('/sessions/sync/bulk', [crag()]);
    expect(res.body.summary.created).toBe(1);
    const query = 'from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z';
    const stats = await api.get<StatsResponse>(`/stats?${query}`);
    expect(stats.body).toMatchObject({ sessions: 1, tries: 3, attempts: 8, sends: 2, flashes: 1 });
    // Hardest first on the common scale (Font 7A is above V5); the YDS route stands outside.
    expect(stats.body.pyramid).toEqual([
      { grade: '7A', flashed: 0, sent: 0, triedOnly: 1 },
      { grade: 'V5', flashed: 1, sent: 0, triedOnly: 0 },
    ]);
    expect(stats.body.hardestSend).toEqual({
      grade: 'V5',
      climbId: null,
      climbName: 'Roof',
      date: '2026-11-20',
    });

    const csv = await server.app.inject({
      method: 'GET',
      url: '/sessions/export?format=csv',
      headers: { authorization: `Bearer ${token}` },
    });
    const lines = csv.body.slice(EXPORT_CSV_HEADER.length).trim().split('\r\n');
    expect(EXPORT_CSV_HEADER.trim().endsWith(',gym,place,climb_kind')).toBe(true);
    expect(lines[0]).toMatch(/,,,Chain Reaction,,5\.12c,,send,true,4,.*,Smith Rock,route$/);
    expect(lines[1]).toMatch(/,,,Arête du Cul,Font,7a,,attempt,false,3,.*,Smith Rock,boulder$/);
  });

  it('are deleted like any session', async () => {
    const { api } = await newUser(server.app);
    const res = await api.post<OfflineResponse>('/sessions/offline', crag());
    const del = await api.delete<{ deleted: boolean }>(`/sessions/${res.body.sessionId}`);
    expect(del.body.deleted).toBe(true);
    expect((await api.get<SessionsPage>('/sessions')).body.sessions).toEqual([]);
    const stats = await api.get<StatsResponse>(
      '/stats?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z',
    );
    expect(stats.body).toMatchObject({ sessions: 0, tries: 0, pyramid: [], hardestSend: null });
  });
});
