import { randomUUID } from 'node:crypto';
import type {
  BulkResponse,
  DeleteSessionResponse,
  ErrorBody,
  SessionChangesPage,
  SessionsPage,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';
import { newUser } from '../../testing/client.js';
import { snapshot } from '../../testing/fixtures.js';

type Api = Awaited<ReturnType<typeof newUser>>['api'];

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe.each(BACKENDS)('deleting a session on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => NOW });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  async function sync(api: Api, ...snapshots: object[]) {
    const res = await api.post<BulkResponse>('/sessions/sync/bulk', snapshots);
    expect(res.status).toBe(200);
    return res.body.results;
  }
  async function changes(api: Api, cursor = '') {
    const res = await api.get<SessionChangesPage>(
      `/sessions?updatedSince=${encodeURIComponent(cursor)}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  it('a snapshot with deleted: true makes a tombstone that no later edit brings back', async () => {
    const { api } = await newUser(server.app);
    const s = snapshot({}, 2);
    const [created] = await sync(api, s);
    const sessionId = created!.success ? created!.sessionId : '';
    const [deleted] = await sync(api, {
      ...s,
      baseRevision: 1,
      updatedAt: '2026-11-24T20:00:00.000Z',
      deleted: true,
    });
    expect(deleted).toMatchObject({ success: true, status: 'updated', revision: 2 });

    expect((await api.get<ErrorBody>(`/sessions/${sessionId}`)).status).toBe(404);
    expect((await api.get<SessionsPage>('/sessions')).body.sessions).toEqual([]);
    const tombstone = {
      id: sessionId,
      clientSessionId: s.clientSessionId,
      revision: 2,
      deleted: true,
      updatedAt: '2026-11-24T20:00:00.000Z',
    };
    expect((await changes(api)).sessions).toEqual([tombstone]);

    // Another device, which never heard of the delete, edits its copy later.
    const [late] = await sync(api, {
      ...s,
      baseRevision: 1,
      notes: 'edited elsewhere, later',
      updatedAt: '2026-11-24T21:00:00.000Z',
    });
    expect(late).toMatchObject({
      success: true,
      status: 'merged',
      revision: 2,
      session: tombstone,
    });
    expect((await changes(api)).sessions).toEqual([tombstone]);
  });

  it('a delete sent before the session itself arrived still wins', async () => {
    const { api } = await newUser(server.app);
    const s = snapshot({}, 1);
    // A delete whose routes name no known climb: its content is dropped unread.
    const unknownClimb = { ...s.routes[0]!, climbId: randomUUID() };
    const [created] = await sync(api, { ...s, deleted: true, routes: [unknownClimb] });
    expect(created).toMatchObject({ success: true, status: 'created', revision: 1 });
    const [late] = await sync(api, s);
    expect(late).toMatchObject({
      status: 'merged',
      session: { deleted: true, clientSessionId: s.clientSessionId },
    });
    expect((await api.get<SessionsPage>('/sessions')).body.sessions).toEqual([]);
  });

  it('DELETE /sessions/:id answers the tombstone, idempotently, and only for its owner', async () => {
    const owner = await newUser(server.app);
    const other = await newUser(server.app);
    const [kept] = await sync(owner.api, snapshot({}, 1));
    const s = snapshot({}, 2);
    const [created] = await sync(owner.api, s);
    const sessionId = created!.success ? created!.sessionId : '';
    const before = await changes(owner.api);

    // Another user's id is answered like an unknown one, and nothing of the owner's changes.
    const foreign = await other.api.delete<ErrorBody>(`/sessions/${sessionId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await owner.api.delete<ErrorBody>(`/sessions/${randomUUID()}`)).status).toBe(404);
    expect((await owner.api.delete<ErrorBody>('/sessions/not-a-uuid')).status).toBe(404);
    expect((await changes(owner.api, before.nextCursor!)).sessions).toEqual([]);

    const first = await owner.api.delete<DeleteSessionResponse>(`/sessions/${sessionId}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ sessionId, revision: 2, deleted: true });
    const again = await owner.api.delete<DeleteSessionResponse>(`/sessions/${sessionId}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ sessionId, revision: 2, deleted: true });

    expect((await owner.api.get(`/sessions/${sessionId}`)).status).toBe(404);
    const history = (await owner.api.get<SessionsPage>('/sessions')).body.sessions;
    expect(history.map((x) => x.id)).toEqual([kept!.success ? kept!.sessionId : '']);
    // Tombstones come in change order, after what changed before them.
    const after = await changes(owner.api, before.nextCursor!);
    expect(after.sessions).toEqual([
      {
        id: sessionId,
        clientSessionId: s.clientSessionId,
        revision: 2,
        deleted: true,
        updatedAt: new Date(NOW).toISOString(),
      },
    ]);
    expect((await changes(owner.api)).sessions.map((x) => x.id)).toEqual([
      kept!.success ? kept!.sessionId : '',
      sessionId,
    ]);

    // The device that logged it resends its last snapshot (a lost answer): it learns of the delete.
    const [replay] = await sync(owner.api, s);
    expect(replay).toMatchObject({ status: 'merged', revision: 2, session: { deleted: true } });
  });

  it('DELETE without a token is 401', async () => {
    const res = await server.app.inject({ method: 'DELETE', url: `/sessions/${randomUUID()}` });
    expect(res.statusCode).toBe(401);
  });
});
