import { randomUUID } from 'node:crypto';
import {
  isTombstone,
  type Session,
  type SessionChangesPage,
  type SessionOrTombstone,
  type SessionSnapshotInput,
} from '@sendlog/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../testing/index.js';
import { newUser } from '../testing/client.js';
import { climbId, LAYOUT_ID } from '../testing/fixtures.js';
import {
  baseSnapshot,
  baseUpdatedAtArb,
  editArb,
  editOrDeleteArb,
  editSnapshot,
  type EditCatalogue,
} from '@sendlog/rules/testing';

const CATALOGUE: EditCatalogue = { climbId, layoutId: LAYOUT_ID };

/** Everything but the server-assigned ids and counters, which differ between the two runs. */
function content(s: Session | SessionOrTombstone) {
  if (isTombstone(s)) {
    const { id: _id, revision: _revision, clientSessionId: _c, ...rest } = s;
    return rest;
  }
  const { id: _id, revision: _revision, createdAt: _createdAt, clientSessionId: _c, ...rest } = s;
  return { ...rest, routes: s.routes.map(({ id: _routeId, ...r }) => r) };
}

describe.each(BACKENDS)('merge order over HTTP on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('two devices syncing the same edits in either order end with the same session', async () => {
    const [one, two] = [await newUser(server.app), await newUser(server.app)];
    await fc.assert(
      fc.asyncProperty(baseUpdatedAtArb, editArb, editArb, async (baseAt, a, b) => {
        const id = randomUUID();
        const sync = async (api: typeof one.api, order: SessionSnapshotInput[]) => {
          let sessionId = '';
          for (const s of order) {
            const res = await api.post<{ sessionId: string }>('/sessions/sync/bulk', [s]);
            expect(res.status).toBe(200);
            sessionId = (res.body as unknown as { results: { sessionId: string }[] }).results[0]!
              .sessionId;
          }
          return (await api.get<{ session: Session }>(`/sessions/${sessionId}`)).body.session;
        };
        const base = baseSnapshot(CATALOGUE, id, baseAt);
        const [sa, sb] = [editSnapshot(CATALOGUE, id, a), editSnapshot(CATALOGUE, id, b)];
        const [ab, ba] = await Promise.all([
          sync(one.api, [base, sa, sb]),
          sync(two.api, [base, sb, sa]),
        ]);
        expect(content(ab)).toEqual(content(ba));
      }),
      { numRuns: 20 },
    );
  });

  it('with deletes too, either order ends in the same session or the same tombstone', async () => {
    const [one, two] = [await newUser(server.app), await newUser(server.app)];
    await fc.assert(
      fc.asyncProperty(baseUpdatedAtArb, editOrDeleteArb, editOrDeleteArb, async (baseAt, a, b) => {
        const id = randomUUID();
        const sync = async (api: typeof one.api, order: SessionSnapshotInput[]) => {
          for (const s of order) {
            expect((await api.post('/sessions/sync/bulk', [s])).status).toBe(200);
          }
          // A deleted session is only answered by the changes pull.
          const page = await api.get<SessionChangesPage>('/sessions?updatedSince=&limit=200');
          return page.body.sessions.find((s) => s.clientSessionId === id)!;
        };
        const base = baseSnapshot(CATALOGUE, id, baseAt);
        const [sa, sb] = [editSnapshot(CATALOGUE, id, a), editSnapshot(CATALOGUE, id, b)];
        const [ab, ba] = await Promise.all([
          sync(one.api, [base, sa, sb]),
          sync(two.api, [base, sb, sa]),
        ]);
        expect(content(ab)).toEqual(content(ba));
        expect(isTombstone(ab)).toBe(a.deleted === true || b.deleted === true);
        if (isTombstone(ab)) {
          expect((await one.api.get(`/sessions/${ab.id}`)).status).toBe(404);
        }
      }),
      { numRuns: 20 },
    );
  });
});
