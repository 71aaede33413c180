import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { climbId, seedBody, snapshot } from '../../testing/fixtures.js';
import {
  countSessions,
  server,
  sessionOf,
  useIngestServer,
  type Created,
  type Existing,
} from './ingest.test-kit.js';

// POST /sessions/offline as the seed and the phones send it: the body, its alias, its text.
describe.each(BACKENDS)('session ingest on $name', (backend) => {
  useIngestServer(backend);

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
});
