import type { ClimbHistoryResponse, ErrorBody } from '@sendlog/contract';
import { climbHistory } from '@sendlog/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIMBS } from '../../demo/gym.js';
import { client, newUser } from '../../testing/client.js';
import { ARCHIVED_CLIMB, climbId } from '../../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { allSessions, asLogbook, ingest } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

describe.each(BACKENDS)('GET /climbs/:id/history on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it("answers the climber's own tries at the climb, newest first, deleted sessions left out", async () => {
    const { api } = await newUser(server.app);
    const other = await newUser(server.app);
    const climb = climbId(4);
    const ids = await ingest(api, [
      {
        start: '2026-01-05T18:00:00Z',
        tries: [{ climbId: climb, sent: false, attempts: 4, notes: 'crux is the heel' }],
      },
      {
        start: '2026-01-12T18:00:00Z',
        tries: [
          { climbId: climbId(1), sent: true },
          { climbId: climb, sent: true, attempts: 2, rating: 3, own: 'soft' },
        ],
      },
      { start: '2026-01-19T18:00:00Z', tries: [{ climbId: climb, sent: true }] },
    ]);
    await ingest(other.api, [{ start: '2026-01-06T18:00:00Z', tries: [{ climbId: climb }] }]);
    await server.deleteSession(ids[2]!);

    const res = await api.get<ClimbHistoryResponse>(`/climbs/${climb}/history`);
    expect(res.status).toBe(200);
    const demo = DEMO_CLIMBS.find((c) => c.id === climb)!;
    expect(res.body.climb).toEqual({ id: climb, name: demo.name, grade: demo.grade });
    expect(res.body.tries).toEqual([
      {
        sessionId: ids[1],
        date: '2026-01-12T18:02:00.000Z',
        isSuccess: true,
        attempts: 2,
        notes: null,
        rating: 3,
        gradeOpinion: 'soft',
      },
      {
        sessionId: ids[0],
        date: '2026-01-05T18:01:00.000Z',
        isSuccess: false,
        attempts: 4,
        notes: 'crux is the heel',
        rating: null,
        gradeOpinion: null,
      },
    ]);
    const sessions = asLogbook(await allSessions(api), new Set([ids[2]!]));
    expect(res.body).toEqual(climbHistory(res.body.climb, sessions));
  });

  it('answers an empty story for a climb never tried, archived ones included', async () => {
    const { api } = await newUser(server.app);
    const res = await api.get<ClimbHistoryResponse>(`/climbs/${ARCHIVED_CLIMB.id}/history`);
    expect(res.status).toBe(200);
    expect(res.body.tries).toEqual([]);
  });

  it('answers 404 for an unknown or malformed climb id, 401 without a token', async () => {
    const { api } = await newUser(server.app);
    for (const id of ['6f1c2b0e-0000-4000-8000-000000000000', 'not-a-climb']) {
      const res = await api.get<ErrorBody>(`/climbs/${id}/history`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await client(server.app).get(`/climbs/${climbId(0)}/history`)).status).toBe(401);
  });
});
