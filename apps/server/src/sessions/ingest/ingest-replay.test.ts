import type { BulkResponse } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { snapshot } from '../../testing/fixtures.js';
import { server, sessionOf, useIngestServer, type Created } from './ingest.test-kit.js';

// A replay is recognised by the fingerprint of the snapshot as sent (fingerprint.ts), before it is
// validated. Whatever does not match that fingerprint still takes the full path, so a resend that
// differs only in how it is written, or a session last changed by an older release (whose
// fingerprints were taken another way), is still answered as the duplicate it is.
describe.each(BACKENDS)('replays on $name', (backend) => {
  useIngestServer(backend);

  const resend = async (api: Awaited<ReturnType<typeof newUser>>['api'], body: unknown) => {
    const res = await api.post<BulkResponse>('/sessions/sync/bulk', [body]);
    expect(res.status).toBe(200);
    return res.body.results[0];
  };

  it('the same snapshot written in another key order is a duplicate too', async () => {
    const { api } = await newUser(server.app);
    const body = snapshot({}, 3);
    const created = await api.post<Created>('/sessions/offline', body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(await resend(api, reordered)).toMatchObject({ status: 'duplicate', revision: 1 });
    expect(await resend(api, body)).toMatchObject({ status: 'duplicate', revision: 1 });
    expect((await sessionOf(api, created.body.sessionId)).revision).toBe(1);
  });

  it('a session whose fingerprint an older release took is a duplicate on resend', async () => {
    const { api } = await newUser(server.app);
    const body = snapshot({}, 2);
    const created = await api.post<Created>('/sessions/offline', body);
    await server.db.execute(
      sql`update climbing_sessions set last_snapshot_hash = 'taken-by-an-older-release'
          where id = ${created.body.sessionId}`,
    );
    expect(await resend(api, body)).toMatchObject({ status: 'duplicate', revision: 1 });
    expect((await sessionOf(api, created.body.sessionId)).revision).toBe(1);
  });

  it('a changed snapshot is never taken for a replay, even one byte', async () => {
    const { api } = await newUser(server.app);
    const body = snapshot({}, 2);
    await api.post<Created>('/sessions/offline', body);
    const edited = {
      ...body,
      baseRevision: 1,
      notes: `${body.notes ?? ''}!`,
      updatedAt: '2026-11-24T19:40:00.000Z',
    };
    expect(await resend(api, edited)).toMatchObject({ status: 'updated', revision: 2 });
  });
});
