import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type {
  BulkResponse,
  ErrorBody,
  OfflineResponse,
  Session,
  SessionSnapshotInput,
  SessionsPage,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../index.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';
import { client, newUser } from '../../testing/client.js';
import { ARCHIVED_CLIMB, climbId, seedBody, snapshot } from '../../testing/fixtures.js';

type Api = Awaited<ReturnType<typeof newUser>>['api'];
type Created = Extract<OfflineResponse, { status: 'created' }>;
/** These answers concern live sessions: a merged `session` here is never a tombstone. */
type Existing = Omit<Exclude<OfflineResponse, { status: 'created' }>, 'session'> & {
  session?: Session;
};

/** The server's clock in these tests: fixed, so clamping is exact. */
const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const clock = { now: NOW };

describe.each(BACKENDS)('session ingest on $name', (backend) => {
  let server: TestServer;
  const logLines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    server = await startTestServer(backend, {
      now: () => clock.now,
      logger: { level: 'info', stream: logStream },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  const sessionOf = async (api: Api, id: string) =>
    (await api.get<{ session: Session }>(`/sessions/${id}`)).body.session;
  const countSessions = async (api: Api) =>
    (await api.get<SessionsPage>('/sessions?limit=200')).body.sessions.length;

  it("accepts the seed's exact body, keyed by startTime", async () => {
    const { api } = await newUser(server.app);
    const first = await api.post<Created>('/sessions/offline', seedBody());
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      sessionId: expect.any(String),
      revision: 1,
      status: 'created',
      isDuplicate: false,
      routeIds: [expect.any(String)],
    });
    const again = await api.post<Existing>('/sessions/offline', seedBody());
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      sessionId: first.body.sessionId,
      revision: 1,
      status: 'duplicate',
      isDuplicate: true,
    });
    const session = await sessionOf(api, first.body.sessionId);
    expect(session).toMatchObject({
      clientSessionId: null,
      layoutId: null,
      startTime: '2026-11-24T18:05:00.000Z',
      endTime: '2026-11-24T19:40:00.000Z',
      notes: 'fingers felt good',
      revision: 1,
      updatedAt: '2026-11-24T19:40:00.000Z',
      routes: [
        {
          id: first.body.routeIds[0],
          clientRouteId: 'pos-0',
          climbId: climbId(0),
          climbName: 'Warm Welcome',
          grade: 'V0',
          isSuccess: true,
          attempts: 3,
          notes: null,
          rating: null,
          gradeOpinion: null,
          loggedAt: '2026-11-24T18:05:00.000Z',
          updatedAt: '2026-11-24T19:40:00.000Z',
        },
      ],
    });
    expect(await countSessions(api)).toBe(1);
  });

  it('the alias /sessions/sync is the same endpoint', async () => {
    const { api } = await newUser(server.app);
    const body = snapshot();
    const a = await api.post<Created>('/sessions/offline', body);
    const b = await api.post<Existing>('/sessions/sync', body);
    expect(a.status).toBe(201);
    expect(b.body).toMatchObject({
      sessionId: a.body.sessionId,
      status: 'duplicate',
      isDuplicate: true,
    });
  });

  it('stores text that array literals must escape exactly as sent', async () => {
    const { api } = await newUser(server.app);
    const awkward = ['NULL', 'a "quoted" \\ back\\slash', '{x,y}', 'é 🧗 , ;', ' ', ''];
    const base = snapshot({ notes: 'NULL', clientSessionId: '{"id",NULL}' }, awkward.length);
    const body = {
      ...base,
      routes: base.routes.map((r, i) => ({
        ...r,
        clientRouteId: `${awkward[i]}|${i}`,
        notes: awkward[i],
        gradeOpinion: awkward[i]!.slice(0, 10),
      })),
    };
    const res = await api.post<Created>('/sessions/offline', body);
    expect(res.status).toBe(201);
    const session = await sessionOf(api, res.body.sessionId);
    expect(session.notes).toBe('NULL');
    expect(session.clientSessionId).toBe('{"id",NULL}');
    expect(session.routes.map((r) => [r.clientRouteId, r.notes, r.gradeOpinion])).toEqual(
      body.routes.map((r) => [r.clientRouteId, r.notes, r.gradeOpinion]),
    );
  });

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

  describe('idempotency keys', () => {
    it('uses the Idempotency-Key header when the snapshot has no clientSessionId', async () => {
      const { api } = await newUser(server.app);
      const { clientSessionId: _omit, ...body } = snapshot();
      const key = randomUUID();
      const a = await api.post<Created>('/sessions/offline', body, { 'idempotency-key': key });
      const b = await api.post<Existing>(
        '/sessions/offline',
        { ...body, startTime: '2026-11-24T18:01:00.000Z' },
        { 'idempotency-key': key },
      );
      expect(a.status).toBe(201);
      expect(b.body).toMatchObject({ sessionId: a.body.sessionId });
      expect(await countSessions(api)).toBe(1);
    });

    it('prefers clientSessionId over the header, and keys by user', async () => {
      const { api } = await newUser(server.app);
      const other = await newUser(server.app);
      const body = snapshot();
      const a = await api.post<Created>('/sessions/offline', body, { 'idempotency-key': 'k1' });
      const b = await api.post<Existing>('/sessions/offline', body, { 'idempotency-key': 'k2' });
      expect(b.body).toMatchObject({ sessionId: a.body.sessionId, status: 'duplicate' });
      const c = await other.api.post<Created>('/sessions/offline', body);
      expect(c.status).toBe(201);
      expect(c.body.sessionId).not.toBe(a.body.sessionId);
    });

    it('two simultaneous syncs of one new session end with one row and one sessionId', async () => {
      const { api, token } = await newUser(server.app);
      const body = snapshot({}, 20);
      // A second API process on the same database where the backend allows one.
      const second =
        server.backend === 'postgres'
          ? await startServer({ ...server.databaseOptions, logger: false, demo: false })
          : undefined;
      try {
        const api2 = second ? client(second.app, token) : api;
        const replies = await Promise.all([
          api.post<OfflineResponse>('/sessions/offline', body),
          api2.post<OfflineResponse>('/sessions/offline', body),
          api.post<BulkResponse>('/sessions/sync/bulk', [body]),
          api2.post<BulkResponse>('/sessions/sync/bulk', { sessions: [body] }),
        ]);
        const ids = replies.map((r) =>
          'results' in (r.body as object)
            ? (r.body as BulkResponse).results.map((x) => ('sessionId' in x ? x.sessionId : ''))[0]
            : (r.body as OfflineResponse).sessionId,
        );
        expect(new Set(ids).size).toBe(1);
        const statuses = replies.map((r) =>
          'results' in (r.body as object)
            ? (r.body as BulkResponse).results[0]!.status
            : (r.body as OfflineResponse).status,
        );
        expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
        expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(3);
        expect(await countSessions(api)).toBe(1);
      } finally {
        await second?.close();
      }
    });
  });

  describe('validation: each rule answers its field path and writes nothing', () => {
    const longRoutes = Array.from({ length: 501 }, () => ({
      climbId: climbId(0),
      isSuccess: true,
      attempts: 1,
    }));
    const cases: [string, (s: SessionSnapshotInput) => unknown, string, string][] = [
      [
        'attempts 0',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, attempts: 0 }] }),
        'validation_failed',
        'routes.0.attempts',
      ],
      [
        'attempts 1000',
        (s) => ({ ...s, routes: [s.routes[0], { ...s.routes[1]!, attempts: 1000 }] }),
        'validation_failed',
        'routes.1.attempts',
      ],
      [
        'attempts 1.5',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, attempts: 1.5 }] }),
        'validation_failed',
        'routes.0.attempts',
      ],
      [
        'endTime before startTime',
        (s) => ({ ...s, endTime: '2026-11-24T17:59:59.000Z' }),
        'validation_failed',
        'endTime',
      ],
      [
        'longer than 24 h',
        (s) => ({ ...s, endTime: '2026-11-25T18:00:00.001Z' }),
        'validation_failed',
        'endTime',
      ],
      [
        'start > 24 h in the future',
        (s) => ({
          ...s,
          startTime: new Date(NOW + 24 * 3600_000 + 1000).toISOString(),
          endTime: null,
        }),
        'validation_failed',
        'startTime',
      ],
      ['501 routes', (s) => ({ ...s, routes: longRoutes }), 'validation_failed', 'routes'],
      [
        'session notes 2001 chars',
        (s) => ({ ...s, notes: 'x'.repeat(2001) }),
        'validation_failed',
        'notes',
      ],
      [
        'route notes 1001 chars',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, notes: 'x'.repeat(1001) }] }),
        'validation_failed',
        'routes.0.notes',
      ],
      [
        'rating 0',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, rating: 0 }] }),
        'validation_failed',
        'routes.0.rating',
      ],
      [
        'rating 6',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, rating: 6 }] }),
        'validation_failed',
        'routes.0.rating',
      ],
      [
        'gradeOpinion 11 chars',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, gradeOpinion: 'V5-ish-hard' }] }),
        'validation_failed',
        'routes.0.gradeOpinion',
      ],
      ['unknown field', (s) => ({ ...s, mood: 'happy' }), 'validation_failed', 'mood'],
      [
        'unknown route field',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, flash: true }] }),
        'validation_failed',
        'routes.0.flash',
      ],
      ['bad time', (s) => ({ ...s, startTime: 'yesterday' }), 'validation_failed', 'startTime'],
      [
        'repeated clientRouteId',
        (s) => ({ ...s, routes: [s.routes[0], s.routes[0]] }),
        'validation_failed',
        'routes.1.clientRouteId',
      ],
      [
        'year 0000',
        (s) => ({ ...s, startTime: '0000-01-01T00:00:00.000Z', endTime: null, updatedAt: null }),
        'validation_failed',
        'startTime',
      ],
      [
        'route logged in 1969',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, loggedAt: '1969-12-31T23:59:59.000Z' }] }),
        'validation_failed',
        'routes.0.loggedAt',
      ],
      [
        'route logged in year 10000 once its offset is applied',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, loggedAt: '9999-12-31T23:00:00.000-05:00' }] }),
        'validation_failed',
        'routes.0.loggedAt',
      ],
      [
        'route logged in year 9999',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, loggedAt: '9999-06-01T00:00:00.000Z' }] }),
        'validation_failed',
        'routes.0.loggedAt',
      ],
      [
        'route logged > 24 h in the future',
        (s) => ({
          ...s,
          routes: [{ ...s.routes[0]!, loggedAt: new Date(NOW + 25 * 3600_000).toISOString() }],
        }),
        'validation_failed',
        'routes.0.loggedAt',
      ],
      ['NUL in notes', (s) => ({ ...s, notes: 'a\u0000b' }), 'validation_failed', 'notes'],
      [
        'unknown layout',
        (s) => ({ ...s, layoutId: randomUUID() }),
        'validation_failed',
        'layoutId',
      ],
      [
        'unknown climb',
        (s) => ({ ...s, routes: [s.routes[0], { ...s.routes[1]!, climbId: randomUUID() }] }),
        'unknown_climb',
        'routes.1.climbId',
      ],
      [
        'climb id that is no uuid',
        (s) => ({ ...s, routes: [{ ...s.routes[0]!, climbId: 'c1' }] }),
        'unknown_climb',
        'routes.0.climbId',
      ],
    ];

    it.each(cases)('%s', async (_name, mutate, code, path) => {
      const { api } = await newUser(server.app);
      const res = await api.post<ErrorBody>('/sessions/offline', mutate(snapshot()));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details?.map((d) => d.path)).toEqual([path]);
      expect(res.body.error.message).toContain(path);
      expect(await countSessions(api)).toBe(0);
    });

    it('accepts a start just under 24 h ahead (skewed phone clock) and an archived climb', async () => {
      const { api } = await newUser(server.app);
      const start = new Date(NOW + 23 * 3600_000).toISOString();
      const res = await api.post('/sessions/offline', {
        ...snapshot(),
        startTime: start,
        endTime: null,
        updatedAt: null,
        routes: [{ climbId: ARCHIVED_CLIMB.id, isSuccess: false, attempts: 2 }],
      });
      expect(res.status).toBe(201);
    });
  });

  describe('bulk', () => {
    it('answers each session on its own: one bad session never blocks the others', async () => {
      const { api } = await newUser(server.app);
      const good = snapshot();
      const prior = snapshot();
      await api.post('/sessions/offline', prior);
      const res = await api.post<BulkResponse>('/sessions/sync/bulk', {
        sessions: [
          good,
          { ...snapshot(), routes: [{ climbId: climbId(0), isSuccess: true, attempts: 0 }] },
          { ...snapshot(), routes: [{ climbId: randomUUID(), isSuccess: true, attempts: 1 }] },
          prior,
          {
            ...prior,
            baseRevision: 1,
            notes: 'edited in bulk',
            updatedAt: '2026-11-24T22:00:00.000Z',
          },
          good,
        ],
      });
      expect(res.status).toBe(200);
      const r = res.body.results;
      expect(r.map((x) => x.status)).toEqual([
        'created',
        'rejected',
        'rejected',
        'duplicate',
        'updated',
        'duplicate',
      ]);
      expect(r.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(r[1]).toMatchObject({
        success: false,
        clientSessionId: expect.any(String),
        error: { code: 'validation_failed', details: [{ path: 'routes.0.attempts' }] },
      });
      expect(r[2]).toMatchObject({
        error: { code: 'unknown_climb', details: [{ path: 'routes.0.climbId' }] },
      });
      expect(r[0]).toMatchObject({
        success: true,
        isDuplicate: false,
        revision: 1,
        clientSessionId: good.clientSessionId,
      });
      expect(r[5]).toMatchObject({
        success: true,
        isDuplicate: true,
        sessionId: (r[0] as { sessionId: string }).sessionId,
      });
      expect(r[4]).toMatchObject({ revision: 2 });
      expect(res.body.summary).toEqual({
        created: 1,
        duplicate: 2,
        updated: 1,
        merged: 0,
        rejected: 2,
      });
      expect(await countSessions(api)).toBe(2);
    });

    it('text the database cannot store rejects only its own session, even deeply nested', async () => {
      const { api } = await newUser(server.app);
      // Built as text: JSON.stringify itself would overflow on a value nested this deep.
      const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
      const body = JSON.stringify({
        sessions: [
          snapshot(),
          { ...snapshot(), notes: 'nul \u0000 here' },
          { ...snapshot(), notes: 'DEEP' },
        ],
      }).replace('"DEEP"', deep);
      const res = await api.post<BulkResponse>('/sessions/sync/bulk', body);
      expect(res.status).toBe(200);
      expect(res.body.results.map((x) => x.status)).toEqual(['created', 'rejected', 'rejected']);
      expect(res.body.results[1]).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'notes' }] },
      });
      expect(await countSessions(api)).toBe(1);
    });

    it('takes a bare array too, and ignores the Idempotency-Key header', async () => {
      const { api } = await newUser(server.app);
      const { clientSessionId: _omit, ...body } = snapshot();
      const a = await api.post<BulkResponse>('/sessions/sync/bulk', [body], {
        'idempotency-key': 'same',
      });
      const b = await api.post<BulkResponse>(
        '/sessions/sync/bulk',
        [{ ...body, startTime: '2026-11-24T18:30:00.000Z' }],
        {
          'idempotency-key': 'same',
        },
      );
      expect(a.body.results[0]).toMatchObject({ status: 'created', clientSessionId: null });
      expect(b.body.results[0]).toMatchObject({ status: 'created' });
    });

    it.each([
      ['an object without sessions', { items: [] }, ''],
      ['an empty list', { sessions: [] }, 'sessions'],
      ['101 sessions', { sessions: Array.from({ length: 101 }, () => ({})) }, 'sessions'],
      ['a list holding a non-object', [{}, 3], '1'],
      ['a string', '"sessions"', ''],
    ])('refuses %s as a whole with 400', async (_name, body, path) => {
      const { api } = await newUser(server.app);
      const res = await api.post<ErrorBody>('/sessions/sync/bulk', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details?.[0]?.path).toBe(path);
    });

    it('writes 100 sessions × 20 routes with a handful of statements', async () => {
      const { api } = await newUser(server.app);
      const sessions = Array.from({ length: 100 }, () => snapshot({}, 20));
      logLines.length = 0;
      const res = await api.post<BulkResponse>('/sessions/sync/bulk', { sessions });
      expect(res.body.summary.created).toBe(100);
      const entry = logLines.find((l) => l.msg === 'bulk ingested');
      // One read (replays, stored sessions, catalogue, change counter) and one guarded write
      // (sessions, routes, change counter, community outbox), no transaction around them
      // (sessions/ingest/read.ts and write.ts).
      expect(entry?.statements).toBe(2);
      console.log(
        `[${backend.name}] one bulk of 100 sessions × 20 routes: ${String(entry?.statements)} SQL statements`,
      );
      const page = await api.get<SessionsPage>('/sessions?limit=200');
      expect(page.body.sessions).toHaveLength(100);
      expect(page.body.sessions.every((s) => s.routes.length === 20)).toBe(true);
      // Re-sent (the answer was lost): all duplicates from the replay check alone: no catalogue
      // lookup, no lock, no merge, no write.
      logLines.length = 0;
      const again = await api.post<BulkResponse>('/sessions/sync/bulk', { sessions });
      expect(again.body.summary.duplicate).toBe(100);
      expect(again.body.results.map((r) => r.success && r.sessionId)).toEqual(
        res.body.results.map((r) => r.success && r.sessionId),
      );
      expect(logLines.find((l) => l.msg === 'bulk ingested')?.statements).toBe(1);
    });
  });
});
