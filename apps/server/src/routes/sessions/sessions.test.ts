import { randomUUID } from 'node:crypto';
import type { BulkResponse, ErrorBody, Session, SessionsPage } from '@sendlog/contract';
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

describe.each(BACKENDS)('GET /sessions on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  /** 23 sessions, several sharing a start time, so the keyset tie-break is exercised. */
  async function logMany(api: Api, count = 23) {
    const sessions = Array.from({ length: count }, (_, i) => {
      const start = new Date(
        Date.parse('2026-11-01T10:00:00.000Z') + Math.floor(i / 3) * 86_400_000,
      );
      return snapshot({ startTime: start.toISOString(), endTime: null, updatedAt: null }, 1);
    });
    const res = await api.post<BulkResponse>('/sessions/sync/bulk', sessions);
    expect(res.body.summary.created).toBe(count);
    return sessions;
  }

  async function pullAll(api: Api, cursor: string, limit: number) {
    const seen: Session[] = [];
    for (;;) {
      const page = await api.get<SessionsPage>(
        `/sessions?updatedSince=${encodeURIComponent(cursor)}&limit=${limit}`,
      );
      expect(page.status).toBe(200);
      expect(typeof page.body.nextCursor).toBe('string');
      seen.push(...page.body.sessions);
      cursor = page.body.nextCursor!;
      if (page.body.sessions.length < limit) return { seen, cursor };
    }
  }

  it('pages history newest first without gaps or repeats', async () => {
    const { api } = await newUser(server.app);
    await logMany(api);
    const seen: Session[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await api.get<SessionsPage>(`/sessions?limit=5${query}`);
      expect(page.status).toBe(200);
      expect(page.body.sessions.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.sessions);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(5);
    expect(new Set(seen.map((s) => s.id)).size).toBe(23);
    const order = seen.map((s) => [s.startTime, s.id] as const);
    const sorted = [...order].sort((a, b) =>
      a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1,
    );
    expect(order).toEqual(sorted);
    const all = await api.get<SessionsPage>('/sessions');
    expect(all.body.sessions).toHaveLength(23);
    expect(all.body.nextCursor).toBeNull();
  });

  it('pulls changes after a server cursor, in change order, and only new ones next time', async () => {
    const { api } = await newUser(server.app);
    const sessions = await logMany(api, 12);
    const first = await pullAll(api, '', 5);
    expect(first.seen.map((s) => s.clientSessionId)).toEqual(
      sessions.map((s) => s.clientSessionId),
    );
    // Nothing new: same cursor, empty page.
    const idle = await api.get<SessionsPage>(`/sessions?updatedSince=${first.cursor}`);
    expect(idle.body).toEqual({ sessions: [], nextCursor: first.cursor });
    // Another device edits one session and logs a new one.
    const edited = {
      ...sessions[3]!,
      baseRevision: 1,
      notes: 'from my tablet',
      updatedAt: '2026-11-24T23:00:00.000Z',
    };
    const fresh = snapshot();
    await api.post('/sessions/sync/bulk', [edited, fresh]);
    const next = await pullAll(api, first.cursor, 5);
    expect(next.seen.map((s) => [s.clientSessionId, s.revision])).toEqual([
      [edited.clientSessionId, 2],
      [fresh.clientSessionId, 1],
    ]);
    expect(next.seen[0]!.notes).toBe('from my tablet');
  });

  it('never shows or reveals another user’s session', async () => {
    const owner = await newUser(server.app);
    const other = await newUser(server.app);
    const created = await owner.api.post<{ sessionId: string }>('/sessions/offline', snapshot());
    const mine = await owner.api.get<{ session: Session }>(`/sessions/${created.body.sessionId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.session.routes[0]).toMatchObject({
      climbName: expect.any(String),
      grade: expect.any(String),
    });
    const theirs = await other.api.get<ErrorBody>(`/sessions/${created.body.sessionId}`);
    const missing = await other.api.get<ErrorBody>(`/sessions/${randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await other.api.get('/sessions/not-a-uuid')).status).toBe(404);
    expect((await other.api.get<SessionsPage>('/sessions')).body.sessions).toEqual([]);
    expect((await other.api.get<SessionsPage>('/sessions?updatedSince=')).body.sessions).toEqual(
      [],
    );
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=bogus', 'cursor'],
    ['updatedSince=2026-11-24T00:00:00Z', 'updatedSince'],
    ['updatedSince=&cursor=x', 'cursor'],
    ['colour=red', 'colour'],
  ])('answers %s with 400 at its path', async (query, path) => {
    const { api } = await newUser(server.app);
    const res = await api.get<ErrorBody>(`/sessions?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details?.[0]?.path).toBe(path);
  });
});
