import { randomUUID } from 'node:crypto';
import type { BulkResponse, ErrorBody, SessionsPage } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { climbId, snapshot } from '../../testing/fixtures.js';
import { countSessions, logLines, server, useIngestServer } from './ingest.test-kit.js';

// POST /sessions/sync/bulk: each session answered on its own, the body refused only as a whole,
// and the statements one bulk costs.
describe.each(BACKENDS)('session ingest on $name', (backend) => {
  useIngestServer(backend);

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
