import { randomUUID } from 'node:crypto';
import type { ErrorBody, SessionSnapshotInput } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { ARCHIVED_CLIMB, climbId, snapshot } from '../../testing/fixtures.js';
import { countSessions, NOW, server, useIngestServer } from './ingest.test-kit.js';

// Every rule a snapshot is checked against, each refused at its own field with nothing written.
describe.each(BACKENDS)('session ingest on $name', (backend) => {
  useIngestServer(backend);

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
});
