import type {
  BulkResult,
  Climb,
  Layout,
  Session,
  SessionSnapshotInput,
  UpdateMeBody,
  User,
} from '@sendlog/contract';
import type { FetchLike, ResponseLike } from '@sendlog/sync';
import { handleCatalogueAdmin } from './fakeCatalogueAdmin';
import type { FakeCatalogue } from './fakeCatalogueAdmin';

export const TEST_USER = {
  id: 'user-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'climber',
  gradeSystem: 'V',
} as const;
export const TEST_PASSWORD = 'correct-horse';

/** A layout as the server answers it: a V wall with no picture unless told otherwise. */
export const testLayout = (
  l: Pick<Layout, 'id' | 'name' | 'description' | 'climbCount'>,
): Layout => ({
  gradeSystem: 'V',
  archived: false,
  image: null,
  ...l,
});

/** A climb as the server answers it: unplaced, uncoloured, not logged by anyone yet. */
export const testClimb = (
  c: Pick<Climb, 'id' | 'layoutId' | 'name' | 'grade' | 'archived'>,
): Climb => ({
  color: null,
  position: null,
  setter: null,
  setAt: null,
  community: { grade: null, rating: null, sends: 0, climbers: 0 },
  ...c,
});

const LAYOUTS: Layout[] = [
  testLayout({ id: 'wall', name: 'Main Wall', description: 'Crimps and slopers', climbCount: 3 }),
  testLayout({ id: 'cave', name: 'The Cave', description: 'Steep roof', climbCount: 1 }),
];

export const CLIMBS: Climb[] = [
  testClimb({ id: 'c-warm', layoutId: 'wall', name: 'Warm Welcome', grade: 'V0', archived: false }),
  testClimb({
    id: 'c-crimp',
    layoutId: 'wall',
    name: 'Crimp School',
    grade: 'V2',
    archived: false,
  }),
  testClimb({ id: 'c-dyno', layoutId: 'wall', name: 'Dyno Mite', grade: 'V5', archived: false }),
  testClimb({ id: 'c-old', layoutId: 'wall', name: 'Retired Roof', grade: 'V3', archived: true }),
  testClimb({ id: 'c-heel', layoutId: 'cave', name: 'Heel Deal', grade: 'V4', archived: false }),
];

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A scripted stand-in for the Sendlog API in component tests: enough of docs/api.md for the app's
 * calls (auth, catalogue with ETags, bulk sync, pull), with switches for offline and refusals.
 * The sync rules themselves are tested against the real server in packages/sync and e2e/.
 */
export function createFakeApi() {
  const requests: Request[] = [];
  const rejectClimbIds = new Set<string>();
  const serverSessions: Session[] = [];
  /** clientSessionIds of sessions deleted with `deleted: true`. */
  const deletedSessions: (string | null)[] = [];
  let online = true;
  let tokensRevoked = false;
  /** The account as the server holds it: roles are granted and grade systems chosen here. */
  let user: User = { ...TEST_USER };
  let nextId = 1;
  /** This fake server's own copy: setters change it through the management endpoints. */
  const catalogue: FakeCatalogue = {
    layouts: LAYOUTS.map((l) => ({ ...l })),
    climbs: CLIMBS.map((c) => ({ ...c })),
    climbsVersion: new Map(),
  };

  const respond = (
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): ResponseLike => {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      status,
      headers: { get: (name) => lower[name.toLowerCase()] ?? null },
      text: async () => (body === undefined ? '' : JSON.stringify(body)),
    };
  };
  const error = (status: number, code: string, message: string) =>
    respond(status, { error: { code, message } });

  function bulk(snapshots: SessionSnapshotInput[]): BulkResult[] {
    return snapshots.map((snapshot, index) => {
      const clientSessionId = snapshot.clientSessionId ?? null;
      const badRoute = snapshot.routes.findIndex((r) => rejectClimbIds.has(r.climbId));
      if (badRoute >= 0) {
        return {
          index,
          clientSessionId,
          success: false,
          status: 'rejected',
          error: {
            code: 'unknown_climb',
            message: `routes.${badRoute}.climbId names no climb`,
            details: [{ path: `routes.${badRoute}.climbId`, message: 'names no climb' }],
          },
        };
      }
      const known = serverSessions.find((s) => s.clientSessionId === clientSessionId);
      if (snapshot.deleted) {
        if (known) serverSessions.splice(serverSessions.indexOf(known), 1);
        deletedSessions.push(clientSessionId);
        return {
          index,
          clientSessionId,
          success: true,
          status: known ? 'updated' : 'created',
          sessionId: known?.id ?? `s-${nextId++}`,
          revision: (known?.revision ?? 0) + 1,
          isDuplicate: false,
        };
      }
      const session: Session = {
        id: known?.id ?? `s-${nextId++}`,
        clientSessionId,
        layoutId: snapshot.layoutId ?? null,
        startTime: snapshot.startTime,
        endTime: snapshot.endTime ?? null,
        notes: snapshot.notes ?? null,
        revision: (known?.revision ?? 0) + 1,
        createdAt: snapshot.startTime,
        updatedAt: snapshot.updatedAt ?? snapshot.startTime,
        routes: snapshot.routes.map((r, i) => {
          const climb = catalogue.climbs.find((c) => c.id === r.climbId);
          return {
            id: `r-${i}`,
            clientRouteId: r.clientRouteId ?? `pos-${i}`,
            climbId: r.climbId,
            climbName: climb?.name ?? '',
            grade: climb?.grade ?? '',
            isSuccess: r.isSuccess,
            attempts: r.attempts,
            notes: r.notes ?? null,
            rating: r.rating ?? null,
            gradeOpinion: r.gradeOpinion ?? null,
            loggedAt: r.loggedAt ?? snapshot.startTime,
            updatedAt: r.updatedAt ?? snapshot.startTime,
          };
        }),
      };
      if (known) serverSessions.splice(serverSessions.indexOf(known), 1, session);
      else serverSessions.push(session);
      return {
        index,
        clientSessionId,
        success: true,
        status: known ? 'updated' : 'created',
        sessionId: session.id,
        revision: session.revision,
        isDuplicate: false,
      };
    });
  }

  function handle(req: Request): ResponseLike {
    const authorized = !tokensRevoked && req.headers.authorization === 'Bearer token-1';
    if (req.method === 'POST' && req.path === '/auth/login') {
      const body = req.body as { email?: string; password?: string };
      if (body.email === TEST_USER.email && body.password === TEST_PASSWORD) tokensRevoked = false;
      return body.email === TEST_USER.email && body.password === TEST_PASSWORD
        ? respond(200, { token: 'token-1', user })
        : error(401, 'unauthorized', 'wrong email or password');
    }
    if (req.method === 'GET' && req.path === '/layouts') {
      return respond(200, { layouts: catalogue.layouts });
    }
    const climbs = /^\/layouts\/([^/]+)\/climbs$/.exec(req.path);
    if (req.method === 'GET' && climbs) {
      const layoutId = climbs[1] ?? '';
      const etag = `"climbs-${layoutId}-v${catalogue.climbsVersion.get(layoutId) ?? 1}"`;
      if (req.headers['if-none-match'] === etag) return respond(304, undefined, { etag });
      const list = catalogue.climbs.filter((c) => c.layoutId === layoutId);
      return respond(200, { climbs: list }, { etag });
    }
    if (!authorized) return error(401, 'unauthorized', 'sign in first');
    if (req.method === 'POST' && req.path === '/auth/logout') {
      tokensRevoked = true;
      return respond(204, undefined);
    }
    const managed = handleCatalogueAdmin(req, user, catalogue, () => `id-${nextId++}`);
    if (managed) return respond(managed.status, managed.body);
    if (req.method === 'GET' && req.path === '/me') return respond(200, { user });
    if (req.method === 'PATCH' && req.path === '/me') {
      user = { ...user, ...(req.body as UpdateMeBody) };
      return respond(200, { user });
    }
    if (req.method === 'POST' && req.path === '/sessions/sync/bulk') {
      const results = bulk((req.body as { sessions: SessionSnapshotInput[] }).sessions);
      const count = (status: string) => results.filter((r) => r.status === status).length;
      return respond(200, {
        results,
        summary: {
          created: count('created'),
          duplicate: 0,
          updated: count('updated'),
          merged: 0,
          rejected: count('rejected'),
        },
      });
    }
    if (req.method === 'GET' && req.path.startsWith('/sessions?')) {
      return respond(200, { sessions: [], nextCursor: `c${serverSessions.length}` });
    }
    return error(404, 'not_found', `no route ${req.method} ${req.path}`);
  }

  const fetch: FetchLike = async (url, init) => {
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const request: Request = {
      method: init.method,
      path,
      headers: Object.fromEntries(
        Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    if (!online) throw new TypeError('Network request failed');
    return handle(request);
  };

  return {
    fetch,
    requests,
    serverSessions,
    deletedSessions,
    /** The server's layouts and climbs as they are now (setters change them). */
    catalogue,
    rejectClimb: (id: string) => rejectClimbIds.add(id),
    acceptAll: () => rejectClimbIds.clear(),
    /** The account as the server holds it now. */
    user: () => user,
    /** An admin grants a role (or the climber picks a grade system on another device). */
    updateUser: (patch: Partial<User>) => {
      user = { ...user, ...patch };
    },
    /** The server stops accepting the token the app holds (expired or revoked). */
    revokeTokens: () => {
      tokensRevoked = true;
    },
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
