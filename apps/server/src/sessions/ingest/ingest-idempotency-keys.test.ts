import { randomUUID } from 'node:crypto';
import type { BulkResponse, OfflineResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../index.js';
import { BACKENDS } from '../../testing/index.js';
import { client, newUser } from '../../testing/client.js';
import { snapshot } from '../../testing/fixtures.js';
import {
  countSessions,
  server,
  useIngestServer,
  type Created,
  type Existing,
} from './ingest.test-kit.js';

// Which key names a session, and that two syncs of one new session racing end as one.
describe.each(BACKENDS)('session ingest on $name', (backend) => {
  useIngestServer(backend);

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
});
